#pragma once

#include "api/Authenticator.h"

// A token given from outside (ALLMINE_TOKEN): used as is for one origin, never stored or renewed.
// A value that is not a bearer token (BearerToken) leaves it without a token: not signed in.
class FixedTokenAuthenticator : public Authenticator
{
    Q_OBJECT
public:
    FixedTokenAuthenticator(const QString &origin, const QString &token, QObject *parent = nullptr);

    QString origin() const override { return m_origin; }
    QString accessToken() const override { return m_token; }
    bool canRefresh() const override { return false; }
    bool needsRefresh() const override { return false; }
    void refresh() override;

private:
    QString m_origin;
    QString m_token;
};
