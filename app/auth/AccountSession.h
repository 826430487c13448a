#pragma once

#include "api/ApiError.h"
#include "api/ApiResult.h"
#include "api/Authenticator.h"
#include "auth/JwtInfo.h"
#include "auth/TokenStore.h"

#include <QPointer>
#include <functional>
#include <vector>

class ApiClient;
class RefreshLock;

// Who is signed in to one server origin: the tokens from the store, their renewal and signing out.
//
// Renewal: one refresh answers every waiting request. Renewals of one origin are serialised across
// processes (RefreshLock); the holder reads the store again first, since another process may have
// renewed meanwhile, and keeps the lock until the rotated pair is stored. A refused refresh token
// signs the origin out only when the store still holds that very token: if another process
// stored a newer pair, that pair is adopted and the renewal tried with it. An answer whose tokens
// are not bearer tokens (BearerToken) or belong to another account (a different subject) is
// refused and never stored. A failed refresh signs the origin out; the caller keeps the edits.
class AccountSession : public Authenticator
{
    Q_OBJECT
public:
    enum class State
    {
        Unknown, // load() not finished yet
        SignedOut,
        SignedIn,
        KeychainUnavailable // the store failed; stateMessage() says why
    };
    Q_ENUM(State)

    // Calls go through `client` (its server decides the origin); tokens live in `store`.
    AccountSession(ApiClient *client, TokenStore *store, QObject *parent = nullptr);

    State state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }
    // Why the keychain could not be used (KeychainUnavailable): Locked asks the user to unlock it
    // and load() again.
    TokenStore::Status keychainStatus() const { return m_keychainStatus; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    JwtInfo accessInfo() const { return m_info; } // subject and expiry of the access token
    TokenStore *store() const { return m_store; }
    // True while a token write or delete in the store is still running. A process that exits must
    // wait for it, or a rotated refresh token (the only valid one) is lost and the user is signed
    // out, or a sign-out leaves the tokens behind.
    bool isSaving() const { return m_pendingSaves > 0; }

    // Reads the tokens of this origin from the store (again, e.g. after the keychain was unlocked).
    // Tokens that are not bearer tokens are not used: the state is SignedOut and stateMessage()
    // says why.
    void load();
    // Keeps a new token set (after sign-in or a pasted token). A token that is not a bearer token
    // is refused: nothing is stored and storeFailed() says why.
    void signIn(const TokenPair &tokens);
    // Revokes this device's refresh token, or with `everywhere` ends every session of the account,
    // then forgets the tokens. The tokens are forgotten even when the server cannot be reached.
    void signOut(bool everywhere);

    // Authenticator
    QString origin() const override;
    QString accessToken() const override { return m_tokens.access; }
    bool canRefresh() const override { return !m_tokens.refresh.isEmpty(); }
    bool needsRefresh() const override;
    void refresh() override;
    ApiError lastRefreshError() const override { return m_refreshError; }
    QStringList heldSecrets() const override { return {m_tokens.access, m_tokens.refresh}; }

    // Seconds before expiry when the access token is renewed ahead of use.
    static constexpr int kRefreshMarginS = 60;

Q_SIGNALS:
    void stateChanged();
    // signIn() kept a new token set (after stateChanged()).
    void signedIn();
    // Signed out by the app, e.g. because the refresh failed; `reason` is for the user.
    void signedOutUnexpectedly(const QString &reason);
    // Storing or deleting tokens failed; `message` says what and what to do.
    void storeFailed(const QString &message);
    void signOutFinished(const ApiError &serverError);

private:
    void setTokens(const TokenPair &tokens, State state, const QString &message = {});
    // Stores `tokens`; `then` runs once the store is done (whatever the outcome).
    void save(const TokenPair &tokens, std::function<void()> then = {});
    // The callback for one token write or delete: counts it as pending until it is done, reports
    // a failure, runs `then`, and once none is pending the steps whenSaved() put aside.
    TokenStore::WriteCallback written(std::function<void()> then);
    // Runs `next` once no token write or delete is pending.
    void whenSaved(std::function<void()> next);
    // signOut() once the tokens are fresh: revoke (or log out everywhere), then forget.
    void sendSignOut(bool everywhere);
    // Drops the tokens here and, with `fromStore`, in the store; `then` runs once that is done.
    void forget(const QString &reason, std::function<void()> then = {}, bool fromStore = true);

    // The steps of a renewal, in order; each checks that the tokens did not change meanwhile.
    void renewWithLock();
    void renewAfterReading(const TokenStore::Result &result, const TokenPair &stored);
    void sendRefresh();
    void onRefreshAnswer(const ApiResult &result, const QString &sentRefresh);
    void onRefused(const QString &sentRefresh);
    // Ends the renewal: releases the lock (unless a save still needs it) and tells the waiters.
    void endRefresh(bool ok, const ApiError &error = {});
    // True when the renewal started with generation `m_refreshGeneration` still applies.
    bool refreshStillApplies() const { return m_refreshGeneration == m_generation; }
    // Takes over a pair another process stored.
    void adopt(const TokenPair &stored);

    QPointer<ApiClient> m_client;
    TokenStore *m_store;
    TokenPair m_tokens;
    JwtInfo m_info;
    State m_state = State::Unknown;
    QString m_stateMessage;
    TokenStore::Status m_keychainStatus = TokenStore::Status::Ok;
    bool m_refreshing = false;
    quint64 m_generation = 0;        // bumped whenever the tokens change
    quint64 m_refreshGeneration = 0; // m_generation as the running renewal last set or saw it
    int m_refreshTries = 0;          // refresh POSTs of the running renewal
    ApiError m_refreshError;
    int m_pendingSaves = 0;
    std::vector<std::function<void()>> m_afterSaves;
    RefreshLock *m_lock;
};
