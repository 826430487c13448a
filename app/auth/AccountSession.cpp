#include "auth/AccountSession.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "auth/JwtInspector.h"
#include "log/LogCategories.h"

AccountSession::AccountSession(ApiClient *client, TokenStore *store, QObject *parent)
    : Authenticator(parent), m_client(client), m_store(store)
{
}

QString AccountSession::origin() const
{
    return m_client ? m_client->server().origin() : QString();
}

bool AccountSession::needsRefresh() const
{
    return canRefresh() && (m_tokens.access.isEmpty() || m_info.expiresWithin(kRefreshMarginS));
}

void AccountSession::setTokens(const TokenPair &tokens, State state, const QString &message)
{
    ++m_generation; // an answer to a refresh started before this point no longer applies
    m_tokens = tokens;
    m_info = JwtInspector::inspect(tokens.access);
    m_state = state;
    m_stateMessage = message;
    qCDebug(lcAccount).noquote() << origin() << "state" << state << "expires" << m_info.expiry;
    Q_EMIT stateChanged();
}

void AccountSession::load()
{
    QPointer<AccountSession> self(this);
    m_store->load(origin(), [self](const TokenStore::Result &result, const TokenPair &tokens) {
        if (!self)
            return;
        self->m_keychainStatus = result.status;
        if (result.ok())
            self->setTokens(tokens, State::SignedIn);
        else if (result.status == TokenStore::Status::NotFound)
            self->setTokens({}, State::SignedOut);
        else
            self->setTokens({}, State::KeychainUnavailable, result.message);
    });
}

void AccountSession::signIn(const TokenPair &tokens)
{
    setTokens(tokens, State::SignedIn);
    QPointer<AccountSession> self(this);
    ++m_pendingSaves;
    m_store->save(origin(), tokens, [self](const TokenStore::Result &result) {
        if (!self)
            return;
        --self->m_pendingSaves;
        if (!result.ok())
            Q_EMIT self->storeFailed(result.message);
    });
}

void AccountSession::forget(const QString &reason, std::function<void()> then)
{
    const bool wasSignedIn = isSignedIn();
    setTokens({}, State::SignedOut);
    QPointer<AccountSession> self(this);
    ++m_pendingSaves;
    m_store->remove(origin(), [self, then](const TokenStore::Result &result) {
        if (!self)
            return;
        --self->m_pendingSaves;
        if (!result.ok())
            Q_EMIT self->storeFailed(result.message);
        if (then)
            then();
    });
    if (wasSignedIn && !reason.isEmpty())
        Q_EMIT signedOutUnexpectedly(reason);
}

void AccountSession::refresh()
{
    if (m_refreshing)
        return; // one refresh answers every waiting request
    if (!m_client || !canRefresh()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT refreshed(false); }, Qt::QueuedConnection);
        return;
    }
    m_refreshing = true;
    m_refreshError = {};
    qCDebug(lcAccount).noquote() << origin() << "renews the sign-in";
    const quint64 generation = m_generation;
    ApiCall *call = m_client->post(QStringLiteral("/api/v1/auth/refresh"),
                                   {{QStringLiteral("refreshToken"), m_tokens.refresh}}, false);
    connect(call, &ApiCall::finished, this, [this, generation](const ApiResult &result) {
        m_refreshing = false;
        qCDebug(lcAccount).noquote() << origin() << "renewal finished: status" << result.httpStatus;
        if (generation != m_generation) {
            // Signed out or signed in again meanwhile: these tokens belong to nobody now.
            m_refreshError = ApiError::http(401, {});
            Q_EMIT refreshed(false);
            return;
        }
        const QJsonObject answer = result.object();
        const TokenPair rotated{answer.value(QStringLiteral("accessToken")).toString(),
                                answer.value(QStringLiteral("refreshToken")).toString()};
        if (!result.ok() || rotated.access.isEmpty()) {
            m_refreshError = result.ok() ? ApiError::of(ApiError::Kind::Malformed) : result.error;
            // Only a refused refresh token means the sign-in is over; a busy or broken server
            // (429, 5xx, network) leaves it as it is, to be tried again.
            if (m_refreshError.kind == ApiError::Kind::Http &&
                (m_refreshError.httpStatus == 400 || m_refreshError.httpStatus == 401 ||
                 m_refreshError.httpStatus == 403)) {
                forget(tr("Your sign-in to %1 expired and could not be renewed. Sign in again; your "
                          "unsent changes are kept.")
                           .arg(m_client->server().title()));
            }
            Q_EMIT refreshed(false);
            return;
        }
        // Rotation: the server may or may not issue a new refresh token; keep the newest one.
        signIn({rotated.access, rotated.refresh.isEmpty() ? m_tokens.refresh : rotated.refresh});
        Q_EMIT refreshed(true);
    });
}

void AccountSession::signOut(bool everywhere)
{
    // The revoke names the refresh token in its body. When the access token must be renewed
    // first, that renewal rotates the refresh token: renew before writing the body, or the
    // request revokes the spent token and the live one stays valid after signing out.
    if (!everywhere && m_client && !m_tokens.access.isEmpty() && needsRefresh()) {
        connect(
            this, &Authenticator::refreshed, this, [this] { sendSignOut(false); }, Qt::SingleShotConnection);
        refresh();
        return;
    }
    sendSignOut(everywhere);
}

void AccountSession::sendSignOut(bool everywhere)
{
    qCDebug(lcAccount).noquote() << origin() << (everywhere ? "signs out everywhere" : "signs out");
    if (!m_client || m_tokens.access.isEmpty()) {
        forget({}, [this] { Q_EMIT signOutFinished({}); });
        return;
    }
    ApiCall *call = everywhere ? m_client->post(QStringLiteral("/api/v1/auth/logout"), {}, true)
                               : m_client->post(QStringLiteral("/api/v1/auth/revoke-token"),
                                                {{QStringLiteral("refreshToken"), m_tokens.refresh}}, true);
    connect(call, &ApiCall::finished, this, [this](const ApiResult &result) {
        const ApiError error = result.error;
        forget({}, [this, error] { Q_EMIT signOutFinished(error); });
    });
}
