#include "api/FixedTokenAuthenticator.h"

#include "auth/JwtInspector.h"

FixedTokenAuthenticator::FixedTokenAuthenticator(const QString &origin, const QString &token, QObject *parent)
    : Authenticator(parent), m_origin(origin), m_token(JwtInspector::normalize(token))
{
}

void FixedTokenAuthenticator::refresh()
{
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT refreshed(false); }, Qt::QueuedConnection);
}
