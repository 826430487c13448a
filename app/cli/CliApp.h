#pragma once

#include "cli/CliOptions.h"
#include "servers/ServerProfile.h"

#include <QObject>
#include <memory>

#include "auth/JwtInfo.h"
#include "auth/TokenStore.h"

class AccountSession;
class ApiCall;
class ApiClient;
struct ApiResult;

// The command line front end over the core. Each command returns an exit code (see ExitCode).
class CliApp : public QObject
{
    Q_OBJECT
public:
    explicit CliApp(QObject *parent = nullptr);
    ~CliApp() override;

    int run(const QStringList &arguments);

private:
    int runCommand(const QStringList &arguments);
    int runServers();
    int runGet();
    int runSet();
    int runLogin();
    int runLogout();
    int runToken();

    // Finds the server, applies --base-url and --timeout; prints why and returns false if it can't.
    bool prepareServer(int *exitCode);
    // Supplies the token (ALLMINE_TOKEN, else the keychain) to m_client; false with an exit code if it can't.
    bool prepareAuth(int *exitCode);
    // Reads this server's tokens from the keychain into m_account; false with exit code 6 if it can't.
    bool loadAccount(int *exitCode);
    int storeTokens(const TokenPair &tokens);
    static void describeToken(const JwtInfo &info);
    int fail(const QString &message, int code);
    int failWith(const ApiResult &result);
    static ApiResult wait(ApiCall *call);

    CliOptions m_options;
    ServerProfile m_server;
    std::unique_ptr<ApiClient> m_client;
    TokenStore *m_store = nullptr;
    AccountSession *m_account = nullptr;
};
