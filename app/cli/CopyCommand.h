#pragma once

#include "cli/CliCommand.h"

// `copy --from A [--to B] [--dry-run] [--yes] [--json]`: makes B (the --server one when not
// named) match A, as `set` would with A's values (see SettingsUpdate).
class CopyCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;
};
