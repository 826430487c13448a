#pragma once

#include "api/ApiResult.h"
#include "auth/TokenStore.h"
#include "cli/CliOptions.h"
#include "cli/ServerConnection.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <functional>
#include <memory>
#include <vector>

class AccountSession;
class ApiCall;
class ApiClient;

// What every command shares: the servers it talks to (see ServerConnection; --server,
// --base-url, --timeout), the wording of failures, and the one wait for an asynchronous answer.
// A command's run() returns an exit code (see ExitCode). Every command translates in the CliApp
// context (Q_DECLARE_TR_FUNCTIONS in each class, for lupdate).
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

    // The command line's one wait: turns the event loop until `done` holds.
    static void waitUntil(const std::function<bool()> &done);
    static ApiResult answerOf(ApiCall *call);

    static int fail(const QString &message, int code);
    static int failWith(const ApiError &error);
    // An error as the command line tells it: the shared wording, less what only the window does.
    static QString explain(const ApiError &error);
    static QString json(const QJsonObject &object);

protected:
    using Needs = ServerConnection::Needs;

    virtual int run() = 0;

    // Opens the server --server names (dev when none is); ExitCode::Ok, or the exit code after
    // saying why not. server(), client(), ... are then that server's.
    int open(Needs needs);
    // Opens one more server, by name (diff, copy): null after saying why not, with *code set.
    ServerConnection *openServer(const QString &name, Needs needs, int *code);
    int fetchSettings(QJsonObject *settings) { return m_main->fetchSettings(settings); }
    int storeTokens(const TokenPair &tokens) { return m_main->storeTokens(tokens); }
    int removeTokens() { return m_main->removeTokens(); }

    const CliOptions &options() const { return m_options; }
    ServerConnection *connection() const { return m_main; }
    const ServerProfile &server() const { return m_main->server(); }
    ApiClient *client() const { return m_main->client(); }
    TokenStore *store() const { return m_main->store(); }
    AccountSession *account() const { return m_main->account(); }

private:
    const CliOptions &m_options;
    std::vector<std::unique_ptr<ServerConnection>> m_connections;
    ServerConnection *m_main = nullptr; // the one open() opened
};
