#include "api/FixedTokenAuthenticator.h"

#include "auth/BearerToken.h"
#include "auth/JwtInspector.h"

FixedTokenAuthenticator::FixedTokenAuthenticator(const QString &origin, const QString &token, QObject *parent)
    : Authenticator(parent), m_origin(origin), m_token(JwtInspector::normalize(token))
{
    // Callers check the value first (BearerToken::environmentProblem()); a token that would
    // break the Authorization header is never used.
    if (!BearerToken::isValid(m_token))
        m_token.clear();
}

void FixedTokenAuthenticator::refresh()
{
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT refreshed(false); }, Qt::QueuedConnection);
}
