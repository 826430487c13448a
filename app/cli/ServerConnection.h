#pragma once

#include "api/ApiResult.h"
#include "auth/TokenStore.h"
#include "cli/CliOptions.h"
#include "servers/ServerProfile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <functional>
#include <memory>

class AccountSession;
class ApiClient;

// One server as a command talks to it: its profile, its ApiClient and who is signed in there.
// A command opens one (most) or two (diff, copy). --base-url and ALLMINE_TOKEN belong to the
// server named with --server (dev when none is named) and are never used for another one.
class ServerConnection
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    enum class Needs
    {
        SignIn, // a token: ALLMINE_TOKEN, else a stored sign-in
        Account // the keychain's sign-in of this server, signed in or not
    };

    explicit ServerConnection(const CliOptions &options);
    ~ServerConnection();
    ServerConnection(const ServerConnection &) = delete;
    ServerConnection &operator=(const ServerConnection &) = delete;

    // The server --server names, dev when none is.
    static QString startName(const CliOptions &options);

    // Finds the server `name` and opens what the command needs; ExitCode::Ok, or the exit code
    // after saying why not.
    int open(const QString &name, Needs needs);
    // GETs the settings object; ExitCode::Ok, or the exit code after saying why not.
    int fetchSettings(QJsonObject *settings);
    // Store or forget this server's tokens and wait for the keychain; ExitCode::Ok, or
    // ExitCode::Keychain after saying why not.
    int storeTokens(const TokenPair &tokens);
    int removeTokens();
    // Waits for the keychain writes a refresh started, so the next command finds the new tokens.
    void finishKeychainWrites();

    const ServerProfile &server() const { return m_server; }
    ApiClient *client() const { return m_client.get(); }
    TokenStore *store() const { return m_store; }
    AccountSession *account() const { return m_account; }

private:
    int openServer(const QString &name, bool start);
    int openAccount(Needs needs, bool start);
    // What ALLMINE_TOKEN can do where no stored sign-in can be used: empty when nothing.
    static QString environmentTokenHint(bool start);
    int openSignIn(bool start);
    // Starts one keychain write, handing it the callback, and waits for it.
    int writeKeychain(const std::function<void(TokenStore::WriteCallback)> &start);

    const CliOptions &m_options;
    ServerProfile m_server;
    std::unique_ptr<ApiClient> m_client;
    TokenStore *m_store = nullptr;       // owned by m_client
    AccountSession *m_account = nullptr; // owned by m_client
};
