#pragma once

#include "cli/CliCommand.h"

// `import FILE|- [--dry-run] [--yes] [--json]`: checks every entry of a settings file (see
// SettingsFile), then sends its values as `set` would (see SettingsUpdate).
class ImportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;
};
