#include "auth/AccountSession.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "auth/BearerToken.h"
#include "auth/JwtInspector.h"
#include "auth/RefreshLock.h"
#include "log/LogCategories.h"

namespace {
// Both tokens, where present, are bearer tokens, and at least one is present.
bool usable(const TokenPair &tokens)
{
    return !tokens.isEmpty() && TokenStore::hasTokenSyntax(tokens);
}

// A refused refresh token: the sign-in is over (unless another process renewed it). A busy or
// broken server (429, 5xx, network) leaves it as it is, to be tried again.
bool isRefusal(const ApiError &error)
{
    return error.kind == ApiError::Kind::Http &&
           (error.httpStatus == 400 || error.httpStatus == 401 || error.httpStatus == 403);
}

// A renewal is tried at most this often: once, and again with each newer pair another process
// stored meanwhile.
constexpr int kMaxRefreshTries = 3;
} // namespace

AccountSession::AccountSession(ApiClient *client, TokenStore *store, QObject *parent)
    : Authenticator(parent), m_client(client), m_store(store), m_lock(new RefreshLock(this))
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
        const QString title = self->m_client ? self->m_client->server().title() : self->origin();
        if (result.ok() && usable(tokens))
            self->setTokens(tokens, State::SignedIn);
        else if (result.ok()) // a damaged or planted entry: never sent anywhere
            self->setTokens({}, State::SignedOut, BearerToken::storedProblem(title));
        else if (result.status == TokenStore::Status::NotFound)
            self->setTokens({}, State::SignedOut);
        else
            self->setTokens({}, State::KeychainUnavailable, result.message);
    });
}

void AccountSession::signIn(const TokenPair &tokens)
{
    if (!usable(tokens)) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT storeFailed(tr("The server's answer held no usable token (a token holds only letters, "
                                      "digits and - . _ ~ + / =), so nothing was stored."));
            },
            Qt::QueuedConnection);
        return;
    }
    setTokens(tokens, State::SignedIn);
    save(tokens);
    Q_EMIT signedIn();
}

void AccountSession::save(const TokenPair &tokens, std::function<void()> then)
{
    m_store->save(origin(), tokens, written(std::move(then)));
}

TokenStore::WriteCallback AccountSession::written(std::function<void()> then)
{
    ++m_pendingSaves;
    return [self = QPointer<AccountSession>(this), then = std::move(then)](const TokenStore::Result &result) {
        if (!self)
            return;
        if (!result.ok())
            Q_EMIT self->storeFailed(result.message);
        if (then)
            then();
        if (--self->m_pendingSaves > 0)
            return;
        const auto next = std::exchange(self->m_afterSaves, {});
        for (const auto &step : next)
            step();
    };
}

void AccountSession::whenSaved(std::function<void()> next)
{
    if (m_pendingSaves == 0)
        next();
    else
        m_afterSaves.push_back(std::move(next));
}

void AccountSession::forget(const QString &reason, std::function<void()> then, bool fromStore)
{
    const bool wasSignedIn = isSignedIn();
    setTokens({}, State::SignedOut);
    if (fromStore)
        m_store->remove(origin(), written(std::move(then)));
    else if (then)
        QMetaObject::invokeMethod(this, then, Qt::QueuedConnection);
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
    m_refreshTries = 0;
    m_refreshGeneration = m_generation;
    qCDebug(lcAccount).noquote() << origin() << "renews the sign-in";
    // Our own writes first (the store must show what this process knows), then the lock.
    whenSaved([this] { m_lock->acquire(origin(), [this] { renewWithLock(); }); });
}

void AccountSession::renewWithLock()
{
    if (!refreshStillApplies())
        return endRefresh(false, ApiError::http(401, {}));
    // Another process may have renewed while this one waited: read what the store holds now.
    QPointer<AccountSession> self(this);
    m_store->load(origin(), [self](const TokenStore::Result &result, const TokenPair &stored) {
        if (self)
            self->renewAfterReading(result, stored);
    });
}

void AccountSession::adopt(const TokenPair &stored)
{
    qCDebug(lcAccount).noquote() << origin() << "takes over the tokens another process renewed";
    setTokens(stored, State::SignedIn);
    m_refreshGeneration = m_generation;
}

void AccountSession::renewAfterReading(const TokenStore::Result &result, const TokenPair &stored)
{
    if (!refreshStillApplies())
        return endRefresh(false, ApiError::http(401, {}));
    if (result.status == TokenStore::Status::NotFound) {
        // Signed out in another window or on the command line: do not bring the sign-in back.
        forget(tr("You were signed out of %1 elsewhere (in another window or on the command line). Sign "
                  "in again.")
                   .arg(m_client->server().title()),
               {}, false);
        return endRefresh(false, ApiError::http(401, {}));
    }
    if (result.ok() && usable(stored) &&
        (stored.access != m_tokens.access || stored.refresh != m_tokens.refresh)) {
        adopt(stored);
        if (!needsRefresh())
            return endRefresh(true);
    }
    // A store that cannot be read now (locked, failing) leaves the tokens this process has.
    sendRefresh();
}

void AccountSession::sendRefresh()
{
    if (!m_client || !canRefresh())
        return endRefresh(false, ApiError::http(401, {}));
    ++m_refreshTries;
    const QString sent = m_tokens.refresh;
    ApiCall *call = m_client->post(QStringLiteral("/api/v1/auth/refresh"),
                                   {{QStringLiteral("refreshToken"), sent}}, false);
    connect(call, &ApiCall::finished, this,
            [this, sent](const ApiResult &result) { onRefreshAnswer(result, sent); });
}

void AccountSession::onRefreshAnswer(const ApiResult &result, const QString &sentRefresh)
{
    qCDebug(lcAccount).noquote() << origin() << "renewal finished: status" << result.httpStatus;
    if (!refreshStillApplies()) // signed out or signed in again meanwhile: these tokens belong to nobody now
        return endRefresh(false, ApiError::http(401, {}));
    if (!result.ok())
        return isRefusal(result.error) ? onRefused(sentRefresh) : endRefresh(false, result.error);

    const QJsonObject answer = result.object();
    TokenPair rotated{answer.value(QStringLiteral("accessToken")).toString(),
                      answer.value(QStringLiteral("refreshToken")).toString()};
    if (rotated.access.isEmpty())
        return endRefresh(false, ApiError::of(ApiError::Kind::Malformed));
    if (!BearerToken::isValid(rotated.access) ||
        (!rotated.refresh.isEmpty() && !BearerToken::isValid(rotated.refresh))) {
        qCWarning(lcAccount).noquote() << origin() << "renewal answer refused: not a bearer token";
        return endRefresh(
            false, ApiError::of(ApiError::Kind::Malformed, tr("the renewed token is not a valid token")));
    }
    // The server may or may not rotate the refresh token; keep the newest one.
    if (rotated.refresh.isEmpty())
        rotated.refresh = m_tokens.refresh;

    const QString before = m_info.subject;
    const QString after = JwtInspector::inspect(rotated.access).subject;
    if (!before.isEmpty() && after != before) {
        // Tokens of another account: keeping them would show and change someone else's settings
        // under this sign-in. None of them is kept; the old pair is spent, so it goes too.
        qCWarning(lcAccount).noquote() << origin() << "renewal answer refused: another account";
        const QString why =
            tr("The server renewed your sign-in to %1 with the tokens of another account. For "
               "your safety you were signed out and nothing of that account was kept. Sign in "
               "again.")
                .arg(m_client->server().title());
        forget(why);
        return endRefresh(false, ApiError::http(401, {}, why));
    }

    setTokens(rotated, State::SignedIn);
    m_refreshGeneration = m_generation;
    // The lock is held until the rotated pair is stored: a process that takes it next reads it.
    QPointer<RefreshLock> lock(m_lock);
    save(rotated, [lock] {
        if (lock)
            lock->release();
    });
    m_refreshing = false;
    Q_EMIT refreshed(true);
}

void AccountSession::onRefused(const QString &sentRefresh)
{
    // The token may have been spent by another process (one that did not wait for the lock): if
    // the store holds a newer pair, that is the sign-in now. Only the pair still stored as it was
    // sent is deleted.
    QPointer<AccountSession> self(this);
    m_store->load(origin(), [self, sentRefresh](const TokenStore::Result &result, const TokenPair &stored) {
        if (!self)
            return;
        if (!self->refreshStillApplies())
            return self->endRefresh(false, ApiError::http(401, {}));
        const QString why = tr("Your sign-in to %1 expired and could not be renewed. Sign in again; your "
                               "unsent changes are kept.")
                                .arg(self->m_client->server().title());
        const bool newer =
            result.ok() && usable(stored) && !stored.refresh.isEmpty() && stored.refresh != sentRefresh;
        if (newer) {
            self->adopt(stored);
            if (!self->needsRefresh())
                return self->endRefresh(true);
            if (self->m_refreshTries < kMaxRefreshTries)
                return self->sendRefresh();
        }
        // Deleted from the store only when it still holds what was refused (or holds nothing).
        const bool unchanged =
            (result.ok() && stored.refresh == sentRefresh) || result.status == TokenStore::Status::NotFound;
        self->forget(why, {}, unchanged);
        self->endRefresh(false, ApiError::http(401, {}));
    });
}

void AccountSession::endRefresh(bool ok, const ApiError &error)
{
    m_refreshError = error;
    if (m_pendingSaves == 0)
        m_lock->release();
    else // a delete or write of this renewal still runs: the next process must see its outcome
        whenSaved([lock = QPointer<RefreshLock>(m_lock)] {
            if (lock)
                lock->release();
        });
    m_refreshing = false;
    Q_EMIT refreshed(ok);
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
