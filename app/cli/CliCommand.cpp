#include "cli/CliCommand.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/FixedTokenAuthenticator.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "auth/BearerToken.h"
#include "auth/KeychainTokenStore.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "i18n/LanguageManager.h"
#include "servers/ServerRegistry.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <optional>

namespace {
// Sentences of the shared error wording that speak of what only the window does (edits kept on
// screen, the server settings dialog), with what the command line says instead. Both sides
// are looked up in the current language, so the swap works in every translation; the CLI tests
// (tst_cli, tst_tls) fail if ApiError's wording drifts from these.
struct Rewording
{
    const char *window;
    const char *cli;
};
const Rewording kRewordings[] = {
    {QT_TRANSLATE_NOOP("ApiError", "Reload the settings and try again."),
     QT_TRANSLATE_NOOP("CliApp", "Run the command again.")},
    {QT_TRANSLATE_NOOP("ApiError",
                       "The server's certificate was not accepted, so nothing was sent. If this is a private "
                       "Development server, name its CA certificate in the server settings."),
     QT_TRANSLATE_NOOP("CliApp",
                       "The server's certificate was not accepted. If this is a private Development "
                       "server, give its CA certificate with: allmine-settings-cli servers set NAME URL "
                       "--ca FILE")},
};
} // namespace

CliCommand::CliCommand(const CliOptions &options) : m_options(options) {}

CliCommand::~CliCommand() = default;

int CliCommand::execute()
{
    const int code = run();
    if (m_account)
        waitUntil([this] { return !m_account->isSaving(); });
    return code;
}

void CliCommand::waitUntil(const std::function<bool()> &done)
{
    QEventLoop loop;
    while (!done())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

ApiResult CliCommand::answerOf(ApiCall *call)
{
    ApiResult result;
    bool done = false;
    QObject::connect(call, &ApiCall::finished, call, [&](const ApiResult &answer) {
        result = answer;
        done = true;
    });
    waitUntil([&] { return done; });
    return result;
}

int CliCommand::fail(const QString &message, int code)
{
    Console::err(message);
    return code;
}

int CliCommand::failWith(const ApiError &error)
{
    return fail(explain(error), ExitCode::forError(error));
}

QString CliCommand::explain(const ApiError &error)
{
    QString text = error.message();
    for (const Rewording &rewording : kRewordings)
        text.replace(QCoreApplication::translate("ApiError", rewording.window),
                     QCoreApplication::translate("CliApp", rewording.cli));
    return text;
}

QString CliCommand::json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

int CliCommand::open(Needs needs)
{
    if (const int code = openServer(); code != ExitCode::Ok)
        return code;
    return needs == Needs::SignIn ? openSignIn() : openAccount(needs);
}

int CliCommand::openServer()
{
    ServerRegistry registry;
    const QString name = m_options.values.value(QStringLiteral("server"), QStringLiteral("dev"));
    const auto profile = registry.find(name);
    if (!profile)
        return fail(tr("There is no server named \"%1\". List them with: allmine-settings-cli servers list")
                        .arg(name),
                    ExitCode::Usage);
    m_server = *profile;
    if (m_options.values.contains(QStringLiteral("base-url"))) {
        const QUrl url(m_options.value(QStringLiteral("base-url")));
        const QString problem = ServerProfile::checkBaseUrl(url);
        if (!problem.isEmpty())
            return fail(problem, ExitCode::Usage);
        m_server.baseUrl = url;
        registry.markProduction(m_server);
    }
    if (!m_server.hasUrl() && !m_server.addressProblem.isEmpty())
        return fail(m_server.addressProblem + QLatin1Char('\n') +
                        tr("Set another with: allmine-settings-cli servers set %1 https://HOST, or give one "
                           "for this run with --base-url URL.")
                            .arg(m_server.name),
                    ExitCode::Usage);
    if (!m_server.hasUrl())
        return fail(tr("The %1 server has no address yet. Set one with:\n"
                       "  allmine-settings-cli servers set %2 https://HOST\n"
                       "or give one for this run with --base-url URL.")
                        .arg(m_server.title(), m_server.name),
                    ExitCode::Usage);
    ApiClient::Policy policy;
    if (m_options.timeoutMs > 0)
        policy.timeoutMs = m_options.timeoutMs;
    m_client = std::make_unique<ApiClient>(m_server);
    m_client->setPolicy(policy);
    m_client->setLanguage(LanguageManager::systemLanguage());
    return ExitCode::Ok;
}

int CliCommand::openSignIn()
{
    const QString token = qEnvironmentVariable("ALLMINE_TOKEN");
    if (!token.trimmed().isEmpty()) {
        if (const QString problem = BearerToken::environmentProblem(token); !problem.isEmpty())
            return fail(problem, ExitCode::Usage);
        m_client->setAuthenticator(new FixedTokenAuthenticator(m_server.origin(), token, m_client.get()));
        return ExitCode::Ok;
    }
    if (const int code = openAccount(Needs::SignIn); code != ExitCode::Ok)
        return code;
    if (!m_account->isSignedIn() && !m_account->stateMessage().isEmpty())
        return fail(m_account->stateMessage(), ExitCode::Auth);
    if (!m_account->isSignedIn())
        return fail(tr("You are not signed in to %1. Sign in with: allmine-settings-cli --server %2 login "
                       "--email ADDRESS, or set ALLMINE_TOKEN.")
                        .arg(m_server.title(), m_server.name),
                    ExitCode::Auth);
    m_client->setAuthenticator(m_account);
    return ExitCode::Ok;
}

int CliCommand::openAccount(Needs needs)
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
    waitUntil([this] { return m_account->state() != AccountSession::State::Unknown; });
    if (m_account->state() != AccountSession::State::KeychainUnavailable)
        return ExitCode::Ok;
    // The store's own remedy offers the window's session-only sign-in, which the command line
    // has not: its session-only token is ALLMINE_TOKEN, and only where a token is wanted.
    QString message = m_account->keychainStatus() == TokenStore::Status::Locked
                          ? tr("The keychain is locked, so the sign-in saved for %1 cannot be read. Unlock "
                               "it (for example in your password manager, or by logging in again) and "
                               "try again.")
                                .arg(m_server.title())
                          : m_account->stateMessage();
    if (needs == Needs::SignIn)
        message +=
            QLatin1Char('\n') + tr("For this run only, you can pass a token in ALLMINE_TOKEN instead.");
    return fail(message, ExitCode::Keychain);
}

int CliCommand::fetchSettings(QJsonObject *settings)
{
    const ApiResult result = answerOf(m_client->get(QString::fromLatin1(SettingsSession::kPath)));
    if (!result.ok())
        return failWith(result.error);
    if (!result.data.isObject())
        return failWith(ApiError::of(ApiError::Kind::Malformed));
    *settings = result.object();
    return ExitCode::Ok;
}

int CliCommand::storeTokens(const TokenPair &tokens)
{
    return writeKeychain([this, &tokens](TokenStore::WriteCallback done) {
        m_store->save(m_server.origin(), tokens, std::move(done));
    });
}

int CliCommand::removeTokens()
{
    return writeKeychain(
        [this](TokenStore::WriteCallback done) { m_store->remove(m_server.origin(), std::move(done)); });
}

int CliCommand::writeKeychain(const std::function<void(TokenStore::WriteCallback)> &start)
{
    std::optional<TokenStore::Result> written;
    start([&written](const TokenStore::Result &result) { written = result; });
    waitUntil([&] { return written.has_value(); });
    if (written->ok())
        return ExitCode::Ok;
    return fail(written->message, ExitCode::Keychain);
}
