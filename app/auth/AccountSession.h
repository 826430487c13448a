#pragma once

#include "api/ApiError.h"
#include "api/Authenticator.h"
#include "auth/JwtInfo.h"
#include "auth/TokenStore.h"

#include <QPointer>
#include <functional>

class ApiClient;

// Who is signed in to one server origin: the tokens from the store, their renewal (one refresh
// shared by every waiting request; the rotated refresh token is stored before the old one is
// forgotten) and signing out. A failed refresh signs the origin out; the caller keeps the edits.
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
    void load();
    // Keeps a new token set (after sign-in or a pasted token).
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

    // Seconds before expiry when the access token is renewed ahead of use.
    static constexpr int kRefreshMarginS = 60;

Q_SIGNALS:
    void stateChanged();
    // Signed out by the app, e.g. because the refresh failed; `reason` is for the user.
    void signedOutUnexpectedly(const QString &reason);
    // Storing or deleting tokens failed; `message` says what and what to do.
    void storeFailed(const QString &message);
    void signOutFinished(const ApiError &serverError);

private:
    void setTokens(const TokenPair &tokens, State state, const QString &message = {});
    // signOut() once the tokens are fresh: revoke (or log out everywhere), then forget.
    void sendSignOut(bool everywhere);
    // Drops the tokens here and in the store; `then` runs once the store is done.
    void forget(const QString &reason, std::function<void()> then = {});

    QPointer<ApiClient> m_client;
    TokenStore *m_store;
    TokenPair m_tokens;
    JwtInfo m_info;
    State m_state = State::Unknown;
    QString m_stateMessage;
    TokenStore::Status m_keychainStatus = TokenStore::Status::Ok;
    bool m_refreshing = false;
    quint64 m_generation = 0; // bumped whenever the tokens change
    ApiError m_refreshError;
    int m_pendingSaves = 0;
};
