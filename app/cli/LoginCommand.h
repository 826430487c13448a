#pragma once

#include "cli/CliCommand.h"

// `login --email ADDRESS | --country-code CC --phone NUMBER`: signs in with a one-time code and
// keeps the tokens in the keychain.
class LoginCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;
};
