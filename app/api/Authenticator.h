#pragma once

#include "api/ApiError.h"

#include <QObject>
#include <QString>

// Supplies the bearer token of one origin and renews it. Many requests may ask for a refresh
// at once; an implementation runs one refresh and answers them all with one refreshed().
class Authenticator : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString origin() const = 0;      // the only origin its token may be sent to
    virtual QString accessToken() const = 0; // empty: not signed in
    virtual bool canRefresh() const = 0;
    virtual bool needsRefresh() const = 0; // expired or about to expire, and refreshable
    virtual void refresh() = 0;
    // Why the last refresh failed (an HTTP 400/401/403 when the server refused the token).
    virtual ApiError lastRefreshError() const { return ApiError::http(401, {}); }
    // Every token it holds (access and refresh): redacted wherever a server echoes one.
    virtual QStringList heldSecrets() const { return {accessToken()}; }

Q_SIGNALS:
    void refreshed(bool ok);
};
