#pragma once

#include "api/ApiError.h"
#include "auth/AccountSession.h"
#include "auth/TokenCheck.h"
#include "servers/ServerProfile.h"
#include "session/SignInState.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class ApiClient;
class Authenticator;
class SettingsModel;
class SettingsSession;
class TokenStore;

// Everything that belongs to one server: its ApiClient, its SettingsSession (model + GET/PATCH)
// and who is signed in there (an AccountSession, or the fixed ALLMINE_TOKEN). Each server has
// its own, so an answer from one server can never reach another's model. Unsent edits are
// kept as a draft per origin and account (DraftStore) and offered back after a crash.
class ServerContext : public QObject
{
    Q_OBJECT
public:
    // `fixedToken` non-empty: use it and never touch `store` (which may then be null).
    ServerContext(const ServerProfile &server, TokenStore *store, const QString &fixedToken,
                  QObject *parent = nullptr);
    ~ServerContext() override;

    const ServerProfile &server() const { return m_server; }
    ApiClient *client() const { return m_client; }
    SettingsSession *session() const { return m_session; }
    SettingsModel *model() const;
    AccountSession *account() const { return m_account; } // null with a fixed token
    bool usesFixedToken() const { return !m_fixedToken.isEmpty(); }
    bool hasToken() const;
    QString subject() const;
    // The server was last heard from with this error (cleared by the next success).
    ApiError lastError() const { return m_lastError; }
    bool hasSettled() const { return m_settled; }
    // Who is signed in here, as the keychain and the server (validate-token) last said.
    SignInState signInState() const;
    // A call made with this server's sign-in failed with `error`: a 401 the sign-in could not be
    // renewed past means the server refuses it, whichever window part made the call.
    void noteAuthFailure(const ApiError &error);
    // The Production and confirmation marks of this server, as found out later (ServerSessions).
    void updateMarks(const ServerProfile &profile);

    // Becomes the server the window shows: loads its settings, again if they were loaded before.
    void activate();
    // Loads the settings again (edits stay), if this server is shown and signed in.
    void reload();
    // Another server is shown now: stops every call; a PATCH on the wire goes back into edits.
    void deactivate();
    // The UI language, sent as X-Language so the server answers in it.
    void setLanguage(const QString &code);
    // Replaces the token store (e.g. by a session-only one when the keychain cannot be used).
    void setTokenStore(TokenStore *store);

    QJsonObject draftOffer() const { return m_draftOffer; }
    // Unsent edits from before this server's address changed, put back once its settings load.
    void carryEdits(const QJsonObject &edits) { m_carried = edits; }
    void takeDraft();
    // Writes the unsent changes now if a draft write is waiting for the user to pause.
    void flushDraft();
    void dropDraft();

Q_SIGNALS:
    void accountChanged(); // also when signInState() changed
    // The user signed in (again): what was said about an earlier sign-in is over.
    void signedIn();
    // The first load finished, failed, or cannot start (no address, not signed in).
    void settled();
    void draftOffered(int count);
    void failed(const ApiError &error, bool whileApplying);
    // The account changed without the user asking, or its tokens could not be kept: plain words.
    void accountProblem(const QString &message);

private:
    void createAccount(TokenStore *store);
    void loadIfReady();
    void onLoaded();
    void followAccountChange();
    void saveDraft();
    void writeDraft();
    void settle();
    // Asks the server whether it accepts the token (when shown and signed in).
    void checkToken();
    void onChecked(const TokenCheck::Answer &answer);
    // The signed-in token's claims, or an empty JwtInfo when there is none.
    JwtInfo tokenInfo() const;

    ServerProfile m_server;
    QString m_fixedToken;
    JwtInfo m_fixedInfo; // what ALLMINE_TOKEN says of itself: it never changes, so read once
    ApiClient *m_client;
    SettingsSession *m_session;
    QPointer<AccountSession> m_account;
    Authenticator *m_fixedAuth = nullptr;
    QString m_loadedSubject; // whose settings the model holds
    bool m_stale = false;    // the model holds another account's settings
    QJsonObject m_draftOffer;
    QJsonObject m_carried;
    QJsonObject m_draftWritten; // what the draft file holds now
    QTimer m_draftTimer;
    bool m_draftResolved = false;
    bool m_active = false;
    bool m_wasSignedIn = false; // a sign-in (not a refresh) reloads what is shown
    bool m_settled = false;
    ApiError m_lastError;
    // The server's word on the token (validate-token, or a settings call it refused).
    std::optional<TokenCheck::Verdict> m_verdict; // none: not asked since the last sign-in
    bool m_checking = false;
    quint64 m_checkNumber = 0; // answers to an earlier check are dropped
    QString m_checkedName;
    bool m_registrationIncomplete = false;
    QString m_signedInSubject;
};
