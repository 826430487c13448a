#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// What the app can tell about a JWT without its key: the claims, not whether they are genuine.
struct JwtInfo
{
    bool valid = false;
    QString error;       // plain words for the user when !valid; empty when valid
    QString subject;     // the "sub" claim when it is a string (or a number), else empty
    QDateTime expiry;    // UTC; invalid when the token has no usable "exp" claim
    QJsonObject payload; // every claim, as decoded

    // True when the token has an expiry and it is at or before now. A token without "exp" never
    // counts as expired here (only the server can tell).
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return expiry.isValid() && expiry <= now;
    }
    // True when the token has an expiry and it falls within the next `seconds` (or is already
    // past). Use it to refresh shortly before the access token runs out.
    bool expiresWithin(qint64 seconds, const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return expiry.isValid() && expiry <= now.addSecs(seconds);
    }
};
