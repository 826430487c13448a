#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Text that came from a server, made safe to print in a terminal or show in the window: escape
// sequences (CSI, OSC, DCS and the other ESC forms, 7- and 8-bit), control characters (C0, DEL,
// C1) and bidi controls are removed, and every occurrence of a secret the app holds becomes
// "<redacted>". Controls are removed before secrets are looked for, so a token split by control
// characters is still found.
class ServerText
{
public:
    static constexpr auto kRedacted = "<redacted>";

    // One line: line breaks and tabs become spaces, so a value cannot forge further lines.
    static QString line(const QString &text, const QStringList &secrets = {});
    // Several lines (an answer's body in the request log): keeps line feeds and tabs.
    static QString lines(const QString &text, const QStringList &secrets = {});
    // An answer's body: if it is JSON, every string in it (keys too) is cleaned as lines() and
    // the document written back compact; otherwise the body is cleaned as text. Returned as is
    // when nothing needed cleaning.
    static QByteArray body(const QByteArray &body, const QStringList &secrets = {});

    // The string values under accessToken, refreshToken and token keys of a JSON body, at any
    // depth: the secrets a request or an answer carried.
    static QStringList secretsIn(const QByteArray &json);
    // accessToken, refreshToken or token, in any case: keys whose string values are tokens.
    static bool isTokenKey(const QString &key);

private:
    ServerText() = delete;
};
