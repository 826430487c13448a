#pragma once

#include "auth/JwtInfo.h"

#include <QCoreApplication>
#include <QString>

// Reads a JWT (header.payload.signature, base64url) without verifying its signature: the client
// has no key, so this only tells the user what a pasted token claims (subject, expiry) and
// catches obvious paste mistakes. Never crashes or hangs on arbitrary input.
class JwtInspector
{
    Q_DECLARE_TR_FUNCTIONS(JwtInspector)

public:
    // Longest token inspect() accepts; anything longer is rejected as "too long".
    static constexpr int MaxTokenLength = 16 * 1024;

    // Strips surrounding whitespace and an optional, case-insensitive "Bearer " prefix (people
    // paste the token both ways), e.g. "  bearer eyJ...  " -> "eyJ...".
    static QString normalize(const QString &pasted);

    // Decodes the header and payload. valid when there are exactly three base64url parts
    // (padding optional) and the header and payload are JSON objects.
    static JwtInfo inspect(const QString &token);

private:
    JwtInspector() = delete;
};
