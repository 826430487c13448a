#pragma once

#include "cli/CliCommand.h"

// `diff A B [--json]`: the fields whose values differ between the settings of servers A and B;
// exits with ExitCode::Differ when there are any.
class DiffCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;
};
