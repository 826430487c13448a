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
class ApiCall;
class ApiClient;

// What every command shares: the server it talks to (--server, --base-url, --timeout), the
// sign-in (ALLMINE_TOKEN, else the keychain), the wording of failures, and the one wait for an
// asynchronous answer. A command's run() returns an exit code (see ExitCode). Every command
// translates in the CliApp context (Q_DECLARE_TR_FUNCTIONS in each class, for lupdate).
class CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    explicit CliCommand(const CliOptions &options);
    virtual ~CliCommand();
    CliCommand(const CliCommand &) = delete;
    CliCommand &operator=(const CliCommand &) = delete;

    // Runs the command, then waits for the keychain writes it started: a refresh during the
    // command rotates the tokens, and the next command finds only the revoked ones if the new
    // pair has not reached the keychain before the process ends.
    int execute();

protected:
    enum class Needs
    {
        SignIn, // a token: ALLMINE_TOKEN, else a stored sign-in
        Account // the keychain's sign-in of this server, signed in or not
    };

    virtual int run() = 0;

    // Finds the server and opens what the command needs; ExitCode::Ok, or the exit code after
    // saying why not.
    int open(Needs needs);
    // GETs the settings object; ExitCode::Ok, or the exit code after saying why not.
    int fetchSettings(QJsonObject *settings);
    // Store or forget this server's tokens and wait for the keychain; ExitCode::Ok, or
    // ExitCode::Keychain after saying why not.
    int storeTokens(const TokenPair &tokens);
    int removeTokens();

    // The command line's one wait: turns the event loop until `done` holds.
    static void waitUntil(const std::function<bool()> &done);
    static ApiResult answerOf(ApiCall *call);

    static int fail(const QString &message, int code);
    static int failWith(const ApiError &error);
    // An error as the command line tells it: the shared wording, less what only the window does.
    static QString explain(const ApiError &error);
    static QString json(const QJsonObject &object);

    const CliOptions &options() const { return m_options; }
    const ServerProfile &server() const { return m_server; }
    ApiClient *client() const { return m_client.get(); }
    TokenStore *store() const { return m_store; }
    AccountSession *account() const { return m_account; }

private:
    int openServer();
    int openAccount(Needs needs);
    int openSignIn();
    // Starts one keychain write, handing it the callback, and waits for it.
    int writeKeychain(const std::function<void(TokenStore::WriteCallback)> &start);

    const CliOptions &m_options;
    ServerProfile m_server;
    std::unique_ptr<ApiClient> m_client;
    TokenStore *m_store = nullptr;       // owned by m_client
    AccountSession *m_account = nullptr; // owned by m_client
};
