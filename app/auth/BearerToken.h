#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

// The syntax a bearer token must have before it is stored or put in an Authorization header:
// RFC 6750's b64token, 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". Anything
// else (a line break above all, which would start a new HTTP header) is refused wherever a token
// comes from: the environment, the keychain, a pasted text or a server's answer.
class BearerToken
{
    Q_DECLARE_TR_FUNCTIONS(BearerToken)

public:
    // Longest token accepted (the same bound JwtInspector reads).
    static constexpr int MaxLength = 16 * 1024;

    // True when `token` is a non-empty b64token no longer than MaxLength.
    static bool isValid(QStringView token);

    // What is wrong with the value of ALLMINE_TOKEN (surrounding blanks and a "Bearer " prefix are
    // allowed, as JwtInspector::normalize() strips them), for the user; empty when it is usable.
    // The value itself is never part of the message.
    static QString environmentProblem(const QString &value);

    // Why a stored token was not used (the user must sign in again to `serverTitle`).
    static QString storedProblem(const QString &serverTitle);

private:
    BearerToken() = delete;
};
