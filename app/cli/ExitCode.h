#pragma once

struct ApiError;

// The command line's exit codes; QA scripts depend on them.
namespace ExitCode {
enum : int
{
    Ok = 0,
    Differ = 1,  // diff: the two servers' settings differ
    Usage = 2,   // bad usage or invalid value; no change was sent
    Auth = 3,    // not signed in, 401 or 403
    Client = 4,  // any other 4xx
    Server = 5,  // network, TLS, timeout, 5xx, malformed or oversized answer
    Keychain = 6 // the keychain cannot be used
};

int forError(const ApiError &error);
} // namespace ExitCode
