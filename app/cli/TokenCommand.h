#pragma once

#include "cli/CliCommand.h"

struct JwtInfo;

// `token status | set | clear`: shows whom the server says the stored token belongs to (exit 0;
// 3 when it rejects the token, 5 when it cannot be asked), pastes a token (from stdin) or forgets
// this server's stored token.
class TokenCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    using CliCommand::CliCommand;

protected:
    int run() override;

private:
    int status();
    int set();
    int clear();
    static void describe(const JwtInfo &info);
    static void describeExpiry(const JwtInfo &info);
};
