#include "cli/CliApp.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/FixedTokenAuthenticator.h"
#include "api/SettingsSession.h"
#include "auth/AccountNames.h"
#include "auth/AccountSession.h"
#include "auth/JwtInspector.h"
#include "auth/KeychainTokenStore.h"
#include "auth/SignInFlow.h"
#include "cli/AssignmentParser.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "i18n/LanguageManager.h"
#include "servers/ServerRegistry.h"
#include "settings/FieldTable.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>

namespace {
QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

// Keeps the event loop turning until `done` says so.
template <typename Done> void spinUntil(Done done)
{
    QEventLoop loop;
    while (!done())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}
} // namespace

CliApp::CliApp(QObject *parent) : QObject(parent) {}

CliApp::~CliApp() = default;

int CliApp::fail(const QString &message, int code)
{
    Console::err(message);
    return code;
}

int CliApp::failWith(const ApiResult &result)
{
    return fail(result.error.message(), ExitCode::forError(result.error));
}

ApiResult CliApp::wait(ApiCall *call)
{
    ApiResult result;
    bool done = false;
    QObject::connect(call, &ApiCall::finished, call, [&](const ApiResult &answer) {
        result = answer;
        done = true;
    });
    spinUntil([&] { return done; });
    return result;
}

int CliApp::run(const QStringList &arguments)
{
    const int code = runCommand(arguments);
    // A refresh during the command rotated the tokens: they must reach the keychain before the
    // process ends, or the next command finds only the old, now revoked, refresh token.
    if (m_account)
        spinUntil([this] { return !m_account->isSaving(); });
    return code;
}

int CliApp::runCommand(const QStringList &arguments)
{
    m_options = CliOptions::parse(arguments);
    if (!m_options.error.isEmpty())
        return fail(m_options.error, ExitCode::Usage);
    if (m_options.has(QStringLiteral("version"))) {
        Console::out(QStringLiteral("allmine-settings-cli %1").arg(QStringLiteral(ALLMINE_VERSION)));
        return ExitCode::Ok;
    }
    if (m_options.has(QStringLiteral("help")) || m_options.words.isEmpty()) {
        const bool asked = m_options.has(QStringLiteral("help"));
        (asked ? Console::out : Console::err)(CliOptions::usage());
        return asked ? ExitCode::Ok : ExitCode::Usage;
    }
    const QString command = m_options.words.first();
    if (command == QLatin1String("servers"))
        return runServers();
    if (command == QLatin1String("get"))
        return runGet();
    if (command == QLatin1String("set"))
        return runSet();
    if (command == QLatin1String("login"))
        return runLogin();
    if (command == QLatin1String("logout"))
        return runLogout();
    if (command == QLatin1String("token"))
        return runToken();
    return fail(tr("Unknown command \"%1\". See --help.").arg(command), ExitCode::Usage);
}

bool CliApp::prepareServer(int *exitCode)
{
    ServerRegistry registry;
    const QString name = m_options.values.value(QStringLiteral("server"), QStringLiteral("dev"));
    const auto profile = registry.find(name);
    if (!profile) {
        *exitCode =
            fail(tr("There is no server named \"%1\". List them with: allmine-settings-cli servers list")
                     .arg(name),
                 ExitCode::Usage);
        return false;
    }
    m_server = *profile;
    if (m_options.values.contains(QStringLiteral("base-url"))) {
        const QUrl url(m_options.value(QStringLiteral("base-url")));
        const QString problem = ServerProfile::checkBaseUrl(url);
        if (!problem.isEmpty()) {
            *exitCode = fail(problem, ExitCode::Usage);
            return false;
        }
        m_server.baseUrl = url;
        registry.markProduction(m_server);
    }
    if (!m_server.hasUrl()) {
        *exitCode = fail(tr("The %1 server has no address yet. Set one with:\n"
                            "  allmine-settings-cli servers set %2 https://HOST\n"
                            "or give one for this run with --base-url URL.")
                             .arg(m_server.title(), m_server.name),
                         ExitCode::Usage);
        return false;
    }
    ApiClient::Policy policy;
    if (m_options.values.contains(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = m_options.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600) {
            *exitCode = fail(tr("--timeout takes a number of seconds between 0 and 3600."), ExitCode::Usage);
            return false;
        }
        policy.timeoutMs = int(seconds * 1000);
    }
    m_client = std::make_unique<ApiClient>(m_server);
    m_client->setPolicy(policy);
    m_client->setLanguage(LanguageManager::systemLanguage());
    return true;
}

bool CliApp::prepareAuth(int *exitCode)
{
    const QString token = qEnvironmentVariable("ALLMINE_TOKEN");
    if (!token.trimmed().isEmpty()) {
        m_client->setAuthenticator(new FixedTokenAuthenticator(m_server.origin(), token, m_client.get()));
        return true;
    }
    if (!loadAccount(exitCode))
        return false;
    if (!m_account->isSignedIn()) {
        *exitCode =
            fail(tr("You are not signed in to %1. Sign in with: allmine-settings-cli --server %2 login "
                    "--email ADDRESS, or set ALLMINE_TOKEN.")
                     .arg(m_server.title(), m_server.name),
                 ExitCode::Auth);
        return false;
    }
    m_client->setAuthenticator(m_account);
    return true;
}

bool CliApp::loadAccount(int *exitCode)
{
    m_store = new KeychainTokenStore(m_client.get());
    m_account = new AccountSession(m_client.get(), m_store, m_client.get());
    connect(m_account, &AccountSession::storeFailed, this,
            [](const QString &message) { Console::err(message); });
    connect(m_account, &AccountSession::signedOutUnexpectedly, this,
            [](const QString &reason) { Console::err(reason); });
    m_account->load();
    spinUntil([this] { return m_account->state() != AccountSession::State::Unknown; });
    if (m_account->state() == AccountSession::State::KeychainUnavailable) {
        *exitCode = fail(m_account->stateMessage() + QLatin1Char('\n') +
                             tr("For this run only, you can pass a token in ALLMINE_TOKEN instead."),
                         ExitCode::Keychain);
        return false;
    }
    return true;
}

// Stores tokens through the account and waits for the keychain's answer.
int CliApp::storeTokens(const TokenPair &tokens)
{
    bool failed = false;
    bool stored = false;
    m_store->save(m_server.origin(), tokens, [&](const TokenStore::Result &result) {
        failed = !result.ok();
        if (failed)
            Console::err(result.message);
        stored = true;
    });
    spinUntil([&] { return stored; });
    return failed ? ExitCode::Keychain : ExitCode::Ok;
}

void CliApp::describeToken(const JwtInfo &info)
{
    if (!info.subject.isEmpty())
        Console::out(tr("subject: %1").arg(info.subject));
    if (info.expiry.isValid())
        Console::out(
            tr("expires: %1%2")
                .arg(info.expiry.toString(Qt::ISODate), info.isExpired() ? tr(" (expired)") : QString()));
}

int CliApp::runServers()
{
    ServerRegistry registry;
    const QStringList &words = m_options.words;
    const QString action = words.value(1, QStringLiteral("list"));
    if (action == QLatin1String("list") && words.size() <= 2) {
        const QString active = registry.activeName();
        for (const ServerProfile &profile : registry.profiles()) {
            QString line = QStringLiteral("%1\t%2").arg(
                profile.name, profile.hasUrl() ? profile.baseUrl.toString() : tr("(no address)"));
            if (!profile.caFile.isEmpty())
                line += QStringLiteral("\tca=%1").arg(profile.caFile);
            if (profile.name == active)
                line += QStringLiteral("\t*");
            Console::out(line);
        }
        return ExitCode::Ok;
    }
    if (action == QLatin1String("set") && words.size() == 4) {
        const QString problem =
            registry.set(words.at(2), QUrl(words.at(3)), m_options.value(QStringLiteral("ca")));
        if (!problem.isEmpty())
            return fail(problem, ExitCode::Usage);
        Console::err(
            tr("Server %1 now uses %2.").arg(ServerRegistry::canonicalName(words.at(2)), words.at(3)));
        return ExitCode::Ok;
    }
    if (action == QLatin1String("remove") && words.size() == 3) {
        const QString problem = registry.remove(words.at(2));
        return problem.isEmpty() ? ExitCode::Ok : fail(problem, ExitCode::Usage);
    }
    return fail(tr("Use: servers list | servers set NAME URL [--ca FILE] | servers remove NAME"),
                ExitCode::Usage);
}

int CliApp::runGet()
{
    if (m_options.words.size() != 1)
        return fail(tr("get takes no arguments. See --help."), ExitCode::Usage);
    int code = ExitCode::Ok;
    if (!prepareServer(&code) || !prepareAuth(&code))
        return code;
    const ApiResult result = wait(m_client->get(QString::fromLatin1(SettingsSession::kPath)));
    if (!result.ok())
        return failWith(result);
    if (!result.data.isObject())
        return fail(ApiError::of(ApiError::Kind::Malformed).message(), ExitCode::Server);
    const QJsonObject settings = result.object();
    if (m_options.has(QStringLiteral("json"))) {
        Console::out(json(settings));
        return ExitCode::Ok;
    }
    SettingsModel model;
    model.setConfirmed(settings);
    for (const FieldSpec &field : FieldTable::fields()) {
        const QJsonValue value = model.value(field.jsonKey());
        Console::out(QStringLiteral("%1=%2").arg(
            field.jsonKey(), value.isBool()
                                 ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                 : value.toString()));
    }
    return ExitCode::Ok;
}

int CliApp::runSet()
{
    const AssignmentParser::Result parsed = AssignmentParser::parse(m_options.words.mid(1));
    if (!parsed.ok())
        return fail(parsed.error, ExitCode::Usage);
    int code = ExitCode::Ok;
    if (!prepareServer(&code) || !prepareAuth(&code))
        return code;

    SettingsSession session(m_client.get());
    const ApiResult loaded = wait(m_client->get(QString::fromLatin1(SettingsSession::kPath)));
    if (!loaded.ok())
        return failWith(loaded);
    if (!loaded.data.isObject())
        return fail(ApiError::of(ApiError::Kind::Malformed).message(), ExitCode::Server);
    SettingsModel *model = session.model();
    model->setConfirmed(loaded.object());
    for (auto it = parsed.values.constBegin(); it != parsed.values.constEnd(); ++it)
        model->setValue(it.key(), it.value());

    const QStringList keys = model->pendingKeys();
    if (keys.isEmpty()) {
        Console::err(
            tr("Nothing to change: %1 already has these values. Nothing was sent.").arg(m_server.title()));
        if (m_options.has(QStringLiteral("json")))
            Console::out(json(model->confirmed()));
        return ExitCode::Ok;
    }
    if (m_options.has(QStringLiteral("dry-run"))) {
        Console::out(json(model->pendingPatch()));
        Console::err(
            tr("Dry run: this is what would be sent to %1. Nothing was sent.").arg(m_server.title()));
        return ExitCode::Ok;
    }
    if (m_server.isProduction() && !m_options.has(QStringLiteral("yes"))) {
        if (!Console::stdinIsTerminal())
            return fail(
                tr("Refusing to change Production without confirmation: nothing was sent. Run it on a "
                   "terminal to confirm, or add --yes."),
                ExitCode::Usage);
        Console::err(tr("You are about to change REAL settings on Production:"));
        for (const QString &key : keys) {
            const FieldSpec *field = FieldTable::find(key);
            Console::err(QStringLiteral("  %1: %2 → %3")
                             .arg(key, FieldTable::display(*field, model->confirmedValue(key)),
                                  FieldTable::display(*field, model->value(key))));
        }
        const QString answer = Console::readLine(tr("Type yes to apply: "));
        if (answer.trimmed().toLower() != QLatin1String("yes") && answer.trimmed() != tr("yes"))
            return fail(tr("Not confirmed: nothing was sent."), ExitCode::Usage);
    }

    bool done = false;
    ApiError error;
    connect(&session, &SettingsSession::applied, this, [&] { done = true; });
    connect(&session, &SettingsSession::failed, this, [&](const ApiError &e) {
        error = e;
        done = true;
    });
    connect(&session, &SettingsSession::conflictReloaded, this, [&](const ApiError &e) {
        error = e;
        done = true;
    });
    session.apply();
    spinUntil([&] { return done; });
    if (error.isError())
        return fail(error.message(), ExitCode::forError(error));
    Console::err(tr("Applied %n change(s) to %1.", nullptr, int(keys.size())).arg(m_server.title()));
    if (m_options.has(QStringLiteral("json")))
        Console::out(json(model->confirmed()));
    return ExitCode::Ok;
}

int CliApp::runLogin()
{
    const QString email = m_options.value(QStringLiteral("email"));
    const QString country = m_options.value(QStringLiteral("country-code"));
    const QString phone = m_options.value(QStringLiteral("phone"));
    const bool byEmail = !email.isEmpty();
    if (m_options.words.size() != 1 || byEmail == (!country.isEmpty() || !phone.isEmpty()))
        return fail(tr("Use: login --email ADDRESS, or login --country-code 90 --phone 5551234567"),
                    ExitCode::Usage);
    const QString problem = byEmail ? SignInFlow::checkEmail(email) : SignInFlow::checkPhone(country, phone);
    if (!problem.isEmpty())
        return fail(problem, ExitCode::Usage);
    int code = ExitCode::Ok;
    if (!prepareServer(&code) || !loadAccount(&code))
        return code;

    SignInFlow flow(m_client.get());
    bool done = false;
    ApiError error;
    QString serverCode;
    TokenPair tokens;
    QJsonObject user;
    connect(&flow, &SignInFlow::codeSent, this, [&](const QString &sent) {
        serverCode = sent;
        done = true;
    });
    connect(&flow, &SignInFlow::failed, this, [&](const ApiError &e) {
        error = e;
        done = true;
    });
    connect(&flow, &SignInFlow::signedIn, this, [&](const TokenPair &t, const QJsonObject &u) {
        tokens = t;
        user = u;
        done = true;
    });
    byEmail ? flow.sendEmailCode(email) : flow.sendPhoneCode(country, phone);
    spinUntil([&] { return done; });
    if (error.isError())
        return fail(error.message(), ExitCode::forError(error));

    if (!serverCode.isEmpty())
        // Not printed: a one-time code is as good as a password until it is used.
        Console::err(tr("The server returned the code (a Development server); press Enter to use it."));
    else
        Console::err(tr("A one-time code was sent to %1.")
                         .arg(byEmail ? email : QStringLiteral("+%1 %2").arg(country, phone)));
    QString typed = Console::readLine(tr("Code: "));
    if (typed.isNull() && serverCode.isEmpty())
        return fail(tr("No code was given: not signed in."), ExitCode::Usage);
    if (typed.trimmed().isEmpty())
        typed = serverCode;
    const QString codeProblem = SignInFlow::checkCode(typed);
    if (!codeProblem.isEmpty())
        return fail(codeProblem, ExitCode::Usage);
    done = false;
    flow.verify(typed);
    spinUntil([&] { return done; });
    if (error.isError())
        return fail(error.message(), ExitCode::forError(error));
    code = storeTokens(tokens);
    if (code != ExitCode::Ok)
        return code;
    AccountNames::save(m_server.origin(), JwtInspector::inspect(tokens.access).subject,
                       AccountNames::fromUser(user));
    const QString who = AccountNames::fromUser(user);
    Console::err(
        tr("Signed in to %1%2.").arg(m_server.title(), who.isEmpty() ? QString() : tr(" as %1").arg(who)));
    if (user.contains(QStringLiteral("isRegistrationComplete")) &&
        !user.value(QStringLiteral("isRegistrationComplete")).toBool())
        Console::err(tr("This account has not finished registering; finish it in the Allmine app."));
    return ExitCode::Ok;
}

int CliApp::runLogout()
{
    if (m_options.words.size() != 1)
        return fail(tr("Use: logout [--everywhere]"), ExitCode::Usage);
    int code = ExitCode::Ok;
    if (!prepareServer(&code) || !loadAccount(&code))
        return code;
    if (!m_account->isSignedIn()) {
        Console::err(tr("You were not signed in to %1.").arg(m_server.title()));
        return ExitCode::Ok;
    }
    const bool everywhere = m_options.has(QStringLiteral("everywhere"));
    if (everywhere)
        Console::err(tr("Ending every session of this account, on every device."));
    bool done = false;
    ApiError error;
    connect(m_account, &AccountSession::signOutFinished, this, [&](const ApiError &e) {
        error = e;
        done = true;
    });
    m_client->setAuthenticator(m_account);
    m_account->signOut(everywhere);
    spinUntil([&] { return done; });
    // The local tokens are gone either way; tell what the server said.
    if (error.isError())
        Console::err(tr("Signed out here, but the server could not be told: %1").arg(error.message()));
    else
        Console::err(everywhere ? tr("Signed out everywhere.")
                                : tr("Signed out of %1.").arg(m_server.title()));
    return ExitCode::Ok;
}

int CliApp::runToken()
{
    const QString action = m_options.words.value(1);
    if (m_options.words.size() != 2 ||
        !QStringList{QStringLiteral("status"), QStringLiteral("set"), QStringLiteral("clear")}.contains(
            action))
        return fail(tr("Use: token status | token set | token clear"), ExitCode::Usage);
    int code = ExitCode::Ok;
    if (!prepareServer(&code) || !loadAccount(&code))
        return code;

    if (action == QLatin1String("status")) {
        if (!qEnvironmentVariable("ALLMINE_TOKEN").trimmed().isEmpty())
            Console::err(tr("Note: ALLMINE_TOKEN is set and is used instead of the stored token."));
        if (!m_account->isSignedIn()) {
            Console::out(tr("%1: not signed in").arg(m_server.title()));
            return ExitCode::Auth;
        }
        Console::out(tr("%1: signed in").arg(m_server.title()));
        const QString name = AccountNames::load(m_server.origin(), m_account->accessInfo().subject);
        if (!name.isEmpty())
            Console::out(tr("account: %1").arg(name));
        describeToken(m_account->accessInfo());
        return ExitCode::Ok;
    }
    if (action == QLatin1String("clear")) {
        bool done = false;
        bool failed = false;
        m_store->remove(m_server.origin(), [&](const TokenStore::Result &result) {
            failed = !result.ok();
            if (failed)
                Console::err(result.message);
            done = true;
        });
        spinUntil([&] { return done; });
        if (!failed)
            Console::err(tr("Forgot the tokens of %1.").arg(m_server.title()));
        return failed ? ExitCode::Keychain : ExitCode::Ok;
    }
    const QString access = JwtInspector::normalize(Console::readLine(tr("Access token: "), true));
    const QString refresh =
        JwtInspector::normalize(Console::readLine(tr("Refresh token (optional): "), true));
    const JwtInfo info = JwtInspector::inspect(access);
    if (!info.valid)
        return fail(tr("That is not a token: %1").arg(info.error), ExitCode::Usage);
    if (info.isExpired())
        Console::err(tr("Warning: this token has already expired."));
    code = storeTokens({access, refresh});
    if (code == ExitCode::Ok) {
        Console::err(tr("Stored the token for %1.").arg(m_server.title()));
        describeToken(info);
    }
    return code;
}
