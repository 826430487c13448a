#pragma once

#include "cli/CliCommand.h"

// `get [--json]`: prints the server's settings as KEY=VALUE lines, or its object as JSON.
class GetCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;
};
