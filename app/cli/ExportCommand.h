#pragma once

#include "cli/CliCommand.h"

// `export [FILE]`: writes the fields of the settings (see SettingsFile) as JSON to FILE, or to
// stdout without it.
class ExportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;
};
