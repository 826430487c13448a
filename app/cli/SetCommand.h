#pragma once

#include "cli/CliCommand.h"

// `set KEY=VALUE... [--dry-run] [--yes] [--json]`: sends only the fields that change, after a
// confirmation on a terminal (or --yes) when the server is Production (see SettingsUpdate).
class SetCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;
};
