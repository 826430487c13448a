#pragma once

#include "cli/CliCommand.h"

class SettingsModel;

// `set KEY=VALUE... [--dry-run] [--yes] [--json]`: sends only the fields that change, after a
// confirmation on a terminal (or --yes) when the server is Production.
class SetCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;

private:
    // Asks on the terminal before Production is changed; ExitCode::Ok when confirmed.
    int confirmProduction(const SettingsModel &model);
};
