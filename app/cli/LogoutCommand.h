#pragma once

#include "cli/CliCommand.h"

// `logout [--everywhere]`: revokes this device's sign-in (or every session of the account) and
// forgets the tokens, even when the server cannot be told.
class LogoutCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;
};
