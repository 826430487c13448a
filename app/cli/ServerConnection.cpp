#include "cli/ServerConnection.h"

#include "api/ApiClient.h"
#include "api/FixedTokenAuthenticator.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "auth/BearerToken.h"
#include "auth/KeychainTokenStore.h"
#include "cli/CliCommand.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "i18n/LanguageManager.h"
#include "servers/HostAddresses.h"
#include "servers/ServerRegistry.h"

#include <optional>

ServerConnection::ServerConnection(const CliOptions &options) : m_options(options) {}

ServerConnection::~ServerConnection() = default;

QString ServerConnection::startName(const CliOptions &options)
{
    return options.values.value(QStringLiteral("server"), QStringLiteral("dev"));
}

int ServerConnection::open(const QString &name, Needs needs)
{
    const bool start =
        ServerRegistry::canonicalName(name) == ServerRegistry::canonicalName(startName(m_options));
    if (const int code = openServer(name, start); code != ExitCode::Ok)
        return code;
    return needs == Needs::SignIn ? openSignIn(start) : openAccount(needs, start);
}

void ServerConnection::finishKeychainWrites()
{
    if (m_account)
        CliCommand::waitUntil([this] { return !m_account->isSaving(); });
}

int ServerConnection::openServer(const QString &name, bool start)
{
    ServerRegistry registry;
    const auto profile = registry.find(name);
    if (!profile)
        return CliCommand::fail(
            tr("There is no server named \"%1\". List them with: allmine-settings-cli servers list")
                .arg(name),
            ExitCode::Usage);
    m_server = *profile;
    if (start && m_options.values.contains(QStringLiteral("base-url"))) {
        const QUrl url(m_options.value(QStringLiteral("base-url")));
        const QString problem = ServerProfile::checkBaseUrl(url);
        if (!problem.isEmpty())
            return CliCommand::fail(problem, ExitCode::Usage);
        m_server.baseUrl = url;
    }
    // Production is known by where it is: a host name that resolves to Production's address is
    // Production too. The command line may wait for the resolver.
    if (const auto production = registry.find(QStringLiteral("prod")); production && m_server.hasUrl()) {
        HostAddresses::resolveNow(m_server.baseUrl.host());
        HostAddresses::resolveNow(production->baseUrl.host());
    }
    registry.markProduction(m_server);
    // --base-url stands in for the start server's address only: another server named in the
    // command (diff, copy) is not told to add it.
    const QString orForThisRun = start ? tr("or give one for this run with --base-url URL.") : QString();
    if (!m_server.hasUrl() && !m_server.addressProblem.isEmpty())
        return CliCommand::fail(
            m_server.addressProblem + QLatin1Char('\n') +
                tr("Set another with: allmine-settings-cli servers set %1 https://HOST").arg(m_server.name) +
                (start ? QStringLiteral(", ") + orForThisRun : QStringLiteral(".")),
            ExitCode::Usage);
    if (!m_server.hasUrl())
        return CliCommand::fail(tr("The %1 server has no address yet. Set one with:\n"
                                   "  allmine-settings-cli servers set %2 https://HOST")
                                        .arg(m_server.title(), m_server.name) +
                                    (start ? QLatin1Char('\n') + orForThisRun : QString()),
                                ExitCode::Usage);
    ApiClient::Policy policy;
    if (m_options.timeoutMs > 0)
        policy.timeoutMs = m_options.timeoutMs;
    m_client = std::make_unique<ApiClient>(m_server);
    m_client->setPolicy(policy);
    m_client->setLanguage(LanguageManager::systemLanguage());
    return ExitCode::Ok;
}

int ServerConnection::openSignIn(bool start)
{
    const QString token = qEnvironmentVariable("ALLMINE_TOKEN");
    const bool given = !token.trimmed().isEmpty();
    if (given && start) {
        if (const QString problem = BearerToken::environmentProblem(token); !problem.isEmpty())
            return CliCommand::fail(problem, ExitCode::Usage);
        m_client->setAuthenticator(new FixedTokenAuthenticator(m_server.origin(), token, m_client.get()));
        return ExitCode::Ok;
    }
    if (const int code = openAccount(Needs::SignIn, start); code != ExitCode::Ok)
        return code;
    if (!m_account->isSignedIn() && !m_account->stateMessage().isEmpty())
        return CliCommand::fail(m_account->stateMessage(), ExitCode::Auth);
    if (!m_account->isSignedIn()) {
        QString message =
            tr("You are not signed in to %1. Sign in with: allmine-settings-cli --server %2 login --email "
               "ADDRESS.")
                .arg(m_server.title(), m_server.name);
        if (const QString hint = environmentTokenHint(start); !hint.isEmpty())
            message += QLatin1Char(' ') + hint;
        return CliCommand::fail(message, ExitCode::Auth);
    }
    m_client->setAuthenticator(m_account);
    return ExitCode::Ok;
}

int ServerConnection::openAccount(Needs needs, bool start)
{
    m_store = new KeychainTokenStore(m_client.get());
    m_account = new AccountSession(m_client.get(), m_store, m_client.get());
    QObject::connect(m_account, &AccountSession::storeFailed, m_account,
                     [](const QString &message) { Console::err(message); });
    // The session's own reason speaks of the window's unsent edits; the command line keeps none.
    QObject::connect(m_account, &AccountSession::signedOutUnexpectedly, m_account, [this] {
        Console::err(tr("Your sign-in to %1 expired and could not be renewed. Sign in again with: "
                        "allmine-settings-cli --server %2 login")
                         .arg(m_server.title(), m_server.name));
    });
    m_account->load();
    CliCommand::waitUntil([this] { return m_account->state() != AccountSession::State::Unknown; });
    if (m_account->state() != AccountSession::State::KeychainUnavailable)
        return ExitCode::Ok;
    // The store's own remedy offers the window's session-only sign-in, which the command line
    // has not: its session-only token is ALLMINE_TOKEN, for the --server one only.
    QString message;
    switch (m_account->keychainStatus()) {
    case TokenStore::Status::Locked:
        message = tr("The keychain is locked, so the sign-in saved for %1 cannot be read. Unlock it (for "
                     "example in your password manager, or by logging in again) and try again.")
                      .arg(m_server.title());
        break;
    case TokenStore::Status::NoBackend:
        message = tr("No keychain service is running (Secret Service / GNOME Keyring / KWallet), so the "
                     "sign-in saved for %1 cannot be read. Start one and try again.")
                      .arg(m_server.title());
        break;
    default:
        message = m_account->stateMessage();
    }
    if (const QString hint = environmentTokenHint(start); needs == Needs::SignIn && !hint.isEmpty())
        message += QLatin1Char('\n') + hint;
    return CliCommand::fail(message, ExitCode::Keychain);
}

QString ServerConnection::environmentTokenHint(bool start)
{
    if (start)
        return tr("For this run only, you can pass a token in ALLMINE_TOKEN instead.");
    if (!qEnvironmentVariable("ALLMINE_TOKEN").trimmed().isEmpty())
        return tr("ALLMINE_TOKEN is sent only to the server named with --server.");
    return {};
}

int ServerConnection::fetchSettings(QJsonObject *settings)
{
    const ApiResult result = CliCommand::answerOf(m_client->get(QString::fromLatin1(SettingsSession::kPath)));
    if (!result.ok())
        return CliCommand::failWith(result.error);
    if (!result.data.isObject())
        return CliCommand::failWith(ApiError::of(ApiError::Kind::Malformed));
    *settings = result.object();
    return ExitCode::Ok;
}

int ServerConnection::storeTokens(const TokenPair &tokens)
{
    return writeKeychain([this, &tokens](TokenStore::WriteCallback done) {
        m_store->save(m_server.origin(), tokens, std::move(done));
    });
}

int ServerConnection::removeTokens()
{
    return writeKeychain(
        [this](TokenStore::WriteCallback done) { m_store->remove(m_server.origin(), std::move(done)); });
}

int ServerConnection::writeKeychain(const std::function<void(TokenStore::WriteCallback)> &start)
{
    std::optional<TokenStore::Result> written;
    start([&written](const TokenStore::Result &result) { written = result; });
    CliCommand::waitUntil([&] { return written.has_value(); });
    if (written->ok())
        return ExitCode::Ok;
    return CliCommand::fail(written->message, ExitCode::Keychain);
}
