#pragma once

#include "cli/CliCommand.h"

struct JwtInfo;

// `token status | set | clear`: shows, pastes (from stdin) or forgets this server's stored token.
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
};
