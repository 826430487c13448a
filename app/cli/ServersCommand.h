#pragma once

#include "cli/CliCommand.h"

// `servers list | set NAME URL [--ca FILE] | remove NAME`: the server profiles.
class ServersCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;

private:
    int list();
    int set(const QString &name, const QString &url);
};
