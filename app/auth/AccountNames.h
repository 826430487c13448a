#pragma once

#include <QJsonObject>
#include <QString>

// The name people know an account by (its email or phone number), remembered per server origin
// and token subject in the app's settings so "Signed in as …" need not show an opaque id. Not a
// secret, never a token.
class AccountNames
{
public:
    static QString load(const QString &origin, const QString &subject);
    static void save(const QString &origin, const QString &subject, const QString &name);
    // "you@example.com" or "+90 5551234567" from the sign-in answer's user object; empty if neither.
    static QString fromUser(const QJsonObject &user);
};
