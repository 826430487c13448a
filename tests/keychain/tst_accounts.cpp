// Accounts against the real Secret Service (run through tests/scripts/with-keyring) and the real
// sandbox: sign-in by email and phone, per-origin tokens, refresh with rotation, sign-out.
#include "CliProcess.h"
#include "SandboxProcess.h"
#include "SecretServiceControl.h"
#include "TestEnv.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "auth/KeychainTokenStore.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace {
ServerProfile profileFor(const SandboxProcess &sandbox)
{
    ServerProfile profile;
    profile.name = QStringLiteral("dev");
    profile.baseUrl = sandbox.baseUrl();
    return profile;
}
} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_sandbox;

    CliRun cli(const QStringList &arguments, const QByteArray &input = {},
               const QMap<QString, QString> &extra = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // keeps the private D-Bus session
        env.remove(QStringLiteral("ALLMINE_TOKEN"));
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            env.insert(it.key(), it.value());
        return runCli(arguments, env, input);
    }

    // Signs in through an in-process AccountSession with the sandbox's token set for `user`.
    struct Signed
    {
        std::unique_ptr<ApiClient> client;
        KeychainTokenStore *store = nullptr;
        AccountSession *account = nullptr;
    };
    Signed signedIn(SandboxProcess &sandbox, const SandboxProcess::Tokens &tokens)
    {
        Signed s;
        s.client = std::make_unique<ApiClient>(profileFor(sandbox));
        ApiClient::Policy policy;
        policy.backoffMs = 50;
        s.client->setPolicy(policy);
        s.store = new KeychainTokenStore(s.client.get());
        s.account = new AccountSession(s.client.get(), s.store, s.client.get());
        s.client->setAuthenticator(s.account);
        s.account->signIn({tokens.access, tokens.refresh});
        return s;
    }

    static ApiResult wait(ApiCall *call)
    {
        QSignalSpy spy(call, &ApiCall::finished);
        if (!spy.wait(20000))
            return {ApiError::of(ApiError::Kind::Cancelled), 0, {}};
        return spy.first().first().value<ApiResult>();
    }

    // What the keychain answers for `origin`; Failed when it did not answer within 10 s.
    struct Loaded
    {
        TokenStore::Status status = TokenStore::Status::Failed;
        TokenPair tokens;
    };
    static Loaded load(TokenStore *store, const QString &origin)
    {
        Loaded loaded;
        bool done = false;
        store->load(origin, [&](const TokenStore::Result &result, const TokenPair &tokens) {
            loaded = {result.status, tokens};
            done = true;
        });
        QDeadlineTimer deadline(10000);
        while (!done && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        return loaded;
    }
    static TokenPair stored(TokenStore *store, const QString &origin) { return load(store, origin).tokens; }
    // The keychain answered, and holds nothing for `origin` (not: it was locked or did not answer).
    static bool nothingStored(TokenStore *store, const QString &origin)
    {
        return load(store, origin).status == TokenStore::Status::NotFound;
    }

    int refreshCalls(SandboxProcess &sandbox)
    {
        return int(sandbox.requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh")).size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ApiResult>();
        QVERIFY2(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty(), "run through with-keyring");
        m_env.applyToCurrentProcess();
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->isRunning());
    }

    void init() { m_sandbox->reset(true); }

    void signInByEmailThenUseThenSignOut()
    {
        const QString url = m_sandbox->baseUrl().toString();
        const CliRun login = cli({QStringLiteral("--base-url"), url, QStringLiteral("login"),
                                  QStringLiteral("--email"), QStringLiteral("qa@example.com")},
                                 "\n"); // Enter takes the code the Development server returned
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QVERIFY(login.err.contains(QStringLiteral("Signed in")));
        const CliRun status =
            cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.outText().contains(QStringLiteral("signed in")));
        QVERIFY(status.outText().contains(QStringLiteral("expires:")));
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("set"),
                      QStringLiteral("followNotifications=off")})
                     .exitCode,
                 0);
        QCOMPARE(m_sandbox->settings().value(QStringLiteral("followNotifications")), QJsonValue(false));

        const CliRun logout = cli({QStringLiteral("--base-url"), url, QStringLiteral("logout")});
        QCOMPARE(logout.exitCode, 0);
        QCOMPARE(
            m_sandbox->requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/revoke-token")).size(),
            1);
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("get")}).exitCode, 3);
    }

    // `token status` asks the server: 0 and the account's email when it accepts the token (not
    // the token's id), 3 when it rejects it, 5 when it cannot be asked (saying so, with the stored
    // expiry).
    void tokenStatusAsksTheServer()
    {
        const QString url = m_sandbox->baseUrl().toString();
        const QString user = QStringLiteral("status@example.com");
        QCOMPARE(
            cli({QStringLiteral("--base-url"), url, QStringLiteral("login"), QStringLiteral("--email"), user},
                "\n")
                .exitCode,
            0);
        const QStringList status = {QStringLiteral("--base-url"), url, QStringLiteral("token"),
                                    QStringLiteral("status")};
        const QString validate = QStringLiteral("/api/v1/auth/validate-token");
        m_sandbox->reset();
        const CliRun accepted = cli(status);
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
        QVERIFY2(accepted.outText().contains(QStringLiteral("account: ") + user),
                 qPrintable(accepted.outText()));
        QVERIFY(!accepted.outText().contains(QStringLiteral("subject:")));
        QCOMPARE(m_sandbox->requests(QStringLiteral("GET"), validate).size(), 1);

        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("status")},
                             {QStringLiteral("status"), 401},
                             {QStringLiteral("count"), -1},
                             {QStringLiteral("path"), validate}});
        const CliRun rejected = cli(status);
        QCOMPARE(rejected.exitCode, 3);
        QVERIFY2(rejected.outText().contains(QStringLiteral("rejected")), qPrintable(rejected.outText()));
        QVERIFY(!rejected.outText().contains(QStringLiteral("signed in")));

        m_sandbox->reset();
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("status")},
                             {QStringLiteral("status"), 503},
                             {QStringLiteral("count"), -1},
                             {QStringLiteral("path"), validate}});
        const CliRun unanswered = cli(status);
        QCOMPARE(unanswered.exitCode, 5);
        QVERIFY2(unanswered.err.contains(QStringLiteral("Could not ask")), qPrintable(unanswered.err));
        QVERIFY(unanswered.outText().contains(QStringLiteral("expires:")));
        m_sandbox->reset();
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("clear")})
                     .exitCode,
                 0);
    }

    void signInByPhoneWithTypedCode()
    {
        const QString url = m_sandbox->baseUrl().toString();
        const CliRun wrong =
            cli({QStringLiteral("--base-url"), url, QStringLiteral("login"), QStringLiteral("--country-code"),
                 QStringLiteral("90"), QStringLiteral("--phone"), QStringLiteral("5551234567")},
                "0000\n");
        QCOMPARE(wrong.exitCode, 4); // a wrong code is the server's 400
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("status")})
                     .exitCode,
                 3);
        const CliRun right =
            cli({QStringLiteral("--base-url"), url, QStringLiteral("login"), QStringLiteral("--country-code"),
                 QStringLiteral("90"), QStringLiteral("--phone"), QStringLiteral("5551234567")},
                "\n");
        QVERIFY2(right.exitCode == 0, qPrintable(right.err));
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("get")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("clear")})
                     .exitCode,
                 0);
    }

    void twoServersKeepSeparateTokens()
    {
        SandboxProcess other;
        QVERIFY(other.isRunning());
        const QString a = m_sandbox->baseUrl().toString();
        const QString b = other.baseUrl().toString();
        QCOMPARE(cli({QStringLiteral("--base-url"), a, QStringLiteral("login"), QStringLiteral("--email"),
                      QStringLiteral("a@example.com")},
                     "\n")
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("--base-url"), b, QStringLiteral("token"), QStringLiteral("status")})
                     .exitCode,
                 3);
        QCOMPARE(cli({QStringLiteral("--base-url"), b, QStringLiteral("login"), QStringLiteral("--email"),
                      QStringLiteral("b@example.com")},
                     "\n")
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("--base-url"), a, QStringLiteral("logout")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("--base-url"), a, QStringLiteral("get")}).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("--base-url"), b, QStringLiteral("get")}).exitCode, 0);
        QVERIFY(other.requests(QStringLiteral("GET")).size() == 1);
        QCOMPARE(
            cli({QStringLiteral("--base-url"), b, QStringLiteral("token"), QStringLiteral("clear")}).exitCode,
            0);
    }

    void pastedTokenWithBearerPrefix()
    {
        const QString url = m_sandbox->baseUrl().toString();
        const SandboxProcess::Tokens tokens = m_sandbox->mintToken();
        const CliRun set =
            cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("set")},
                ("  Bearer " + tokens.access + "  \n" + tokens.refresh + "\n").toUtf8());
        QCOMPARE(set.exitCode, 0);
        QVERIFY(!set.outText().contains(tokens.access) && !set.err.contains(tokens.access));
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("get")}).exitCode, 0);
        const CliRun junk =
            cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("set")},
                "not a token\n");
        QCOMPARE(junk.exitCode, 2);
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("clear")})
                     .exitCode,
                 0);
    }

    void expiredTokenIsRefreshedOnceThenRetried()
    {
        const SandboxProcess::Tokens expired = m_sandbox->mintToken(QStringLiteral("qa@example.com"), -10);
        Signed s = signedIn(*m_sandbox, expired);
        // Three requests at once wait for one refresh.
        ApiCall *first = s.client->get(QString::fromLatin1(SettingsSession::kPath));
        ApiCall *second = s.client->get(QString::fromLatin1(SettingsSession::kPath));
        ApiCall *third = s.client->get(QString::fromLatin1(SettingsSession::kPath));
        QSignalSpy a(first, &ApiCall::finished), b(second, &ApiCall::finished), c(third, &ApiCall::finished);
        QTRY_VERIFY_WITH_TIMEOUT(a.count() == 1 && b.count() == 1 && c.count() == 1, 20000);
        for (QSignalSpy *spy : {&a, &b, &c})
            QVERIFY(spy->first().first().value<ApiResult>().ok());
        QCOMPARE(refreshCalls(*m_sandbox), 1);
        // The rotated refresh token is what the keychain now holds; the old one is refused.
        TokenPair now = stored(s.store, s.account->origin());
        for (int i = 0; i < 50 && now.access == expired.access; ++i) // the keychain writes are asynchronous
            now = stored(s.store, s.account->origin());
        QVERIFY(!now.refresh.isEmpty());
        QVERIFY(now.refresh != expired.refresh);
        QVERIFY(now.access != expired.access);
        const ApiResult reuse =
            wait(s.client->post(QStringLiteral("/api/v1/auth/refresh"),
                                {{QStringLiteral("refreshToken"), expired.refresh}}, false));
        QCOMPARE(reuse.error.httpStatus, 401);
        QVERIFY(s.account->isSignedIn());
    }

    void unauthorizedAnswerRefreshesAndRetries()
    {
        Signed s = signedIn(*m_sandbox, m_sandbox->mintToken());
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("status")},
                             {QStringLiteral("status"), 401},
                             {QStringLiteral("path"), QStringLiteral("/api/v1/user-settings")}});
        const ApiResult result = wait(s.client->get(QString::fromLatin1(SettingsSession::kPath)));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(refreshCalls(*m_sandbox), 1);
        QCOMPARE(m_sandbox->requests(QStringLiteral("GET")).size(), 2);
    }

    // A refresh the server cannot answer right now (busy, broken) is not a refused sign-in: the
    // user stays signed in and is told what really happened.
    void refreshThatFailsOnTheServerSideKeepsTheSignIn_data()
    {
        QTest::addColumn<QJsonObject>("refreshFault");
        QTest::addColumn<int>("status");
        QTest::newRow("502") << QJsonObject{{QStringLiteral("fault"), QStringLiteral("html502")},
                                            {QStringLiteral("count"), 5}}
                             << 502;
        QTest::newRow("429") << QJsonObject{{QStringLiteral("fault"), QStringLiteral("ratelimit")},
                                            {QStringLiteral("retryAfter"), 3600}}
                             << 429;
    }
    void refreshThatFailsOnTheServerSideKeepsTheSignIn()
    {
        QFETCH(QJsonObject, refreshFault);
        QFETCH(int, status);
        Signed s = signedIn(*m_sandbox, m_sandbox->mintToken(QStringLiteral("qa@example.com"), -10));
        refreshFault.insert(QStringLiteral("path"), QStringLiteral("/api/v1/auth/refresh"));
        m_sandbox->addFault(refreshFault);
        QSignalSpy signedOut(s.account, &AccountSession::signedOutUnexpectedly);
        const ApiResult result = wait(s.client->get(QString::fromLatin1(SettingsSession::kPath)));
        QCOMPARE(result.error.httpStatus, status);
        QVERIFY(!result.error.message().contains(QStringLiteral("Sign in again")));
        QVERIFY(s.account->isSignedIn());
        QCOMPARE(signedOut.count(), 0);
        QVERIFY(!stored(s.store, s.account->origin()).refresh.isEmpty());
    }

    // Signing out while a refresh is on the wire: its late answer must not sign the user back in.
    void refreshAnswerAfterSignOutIsIgnored()
    {
        // A valid token the server refuses once: the 401 starts a refresh; sign-out does not wait.
        Signed s = signedIn(*m_sandbox, m_sandbox->mintToken());
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("status")},
                             {QStringLiteral("status"), 401},
                             {QStringLiteral("path"), QString::fromLatin1(SettingsSession::kPath)}});
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("slow")},
                             {QStringLiteral("delayMs"), 800},
                             {QStringLiteral("path"), QStringLiteral("/api/v1/auth/refresh")}});
        ApiCall *call = s.client->get(QString::fromLatin1(SettingsSession::kPath));
        QSignalSpy finished(call, &ApiCall::finished);
        QTRY_COMPARE(refreshCalls(*m_sandbox), 1);
        QSignalSpy signOutDone(s.account, &AccountSession::signOutFinished);
        s.account->signOut(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(signOutDone.count(), 1, 10000);
        QTest::qWait(300);
        QVERIFY(!s.account->isSignedIn());
        QVERIFY(nothingStored(s.store, s.account->origin()));
    }

    void failedRefreshSignsOutAndKeepsEdits()
    {
        Signed s = signedIn(*m_sandbox, m_sandbox->mintToken());
        SettingsSession session(s.client.get());
        QSignalSpy loaded(&session, &SettingsSession::loaded);
        session.load();
        QVERIFY(loaded.wait(10000));
        session.model()->setValue(QStringLiteral("messageNotifications"), false);
        m_sandbox->reset(true); // the server forgets every token: access and refresh both fail
        QSignalSpy signedOut(s.account, &AccountSession::signedOutUnexpectedly);
        QSignalSpy failed(&session, &SettingsSession::failed);
        QVERIFY(session.apply());
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<ApiError>().httpStatus, 401);
        QTRY_COMPARE(signedOut.count(), 1);
        QVERIFY(signedOut.first().first().toString().contains(QStringLiteral("unsent changes are kept")));
        QVERIFY(!s.account->isSignedIn());
        QCOMPARE(session.model()->pendingPatch(),
                 QJsonObject({{QStringLiteral("messageNotifications"), false}}));
        QTRY_VERIFY(nothingStored(s.store, s.account->origin()));
    }

    // The command line keeps no edits: when the sign-in ends during a command, it says how to
    // sign in again and promises nothing about unsent changes.
    void cliRefusedRefreshSaysHowToSignInAgain()
    {
        {
            Signed s = signedIn(*m_sandbox, m_sandbox->mintToken(QStringLiteral("qa@example.com"), -10));
            QTRY_VERIFY(!s.account->isSaving());
        }
        m_sandbox->reset(true); // the server forgets every token: the refresh is refused
        const QStringList onSandbox = {QStringLiteral("--base-url"), m_sandbox->baseUrl().toString()};
        const CliRun run = cli(onSandbox + QStringList{QStringLiteral("get")});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(refreshCalls(*m_sandbox), 1);
        QVERIFY2(!run.err.contains(QStringLiteral("kept")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("allmine-settings-cli --server dev login")),
                 qPrintable(run.err));
        QCOMPARE(cli(onSandbox + QStringList{QStringLiteral("token"), QStringLiteral("status")}).exitCode, 3);
    }

    void noSecretServiceExits6WithAClearMessage()
    {
        const CliRun run =
            cli({QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(), QStringLiteral("get")}, {},
                {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus")}});
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains(QStringLiteral("No keychain service is running")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("the sign-in saved for Development")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("pass a token in ALLMINE_TOKEN")));
        QVERIFY2(!run.err.contains(QStringLiteral("session-only")), qPrintable(run.err)); // the window's
    }

    // diff with ALLMINE_TOKEN: the token is for the --server one; the other server needs the
    // keychain, and is not told to use the ALLMINE_TOKEN it already has.
    void noSecretServiceForTheOtherServerNamesIt()
    {
        const QString url = m_sandbox->baseUrl().toString();
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("lab"), url}).exitCode,
                 0);
        const CliRun run =
            cli({QStringLiteral("--base-url"), url, QStringLiteral("diff"), QStringLiteral("dev"),
                 QStringLiteral("lab")},
                {},
                {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus")},
                 {QStringLiteral("ALLMINE_TOKEN"), m_sandbox->mintToken().access}});
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("remove"), QStringLiteral("lab")}).exitCode,
                 0);
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains(QStringLiteral("the sign-in saved for lab cannot be read")),
                 qPrintable(run.err));
        QVERIFY2(
            run.err.contains(QStringLiteral("ALLMINE_TOKEN is sent only to the server named with --server")),
            qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("you can pass a token")), qPrintable(run.err));
    }

    // A locked keychain is not "not signed in": every command that needs the stored sign-in
    // exits 6 and says the keychain is locked; logout and token clear claim nothing, and the
    // sign-in is still there (and works) once the keychain is unlocked.
    void lockedKeychainExits6AndClaimsNothing()
    {
        const QString url = m_sandbox->baseUrl().toString();
        const SandboxProcess::Tokens tokens = m_sandbox->mintToken();
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("set")},
                     (tokens.access + "\n" + tokens.refresh + "\n").toUtf8())
                     .exitCode,
                 0);
        QCOMPARE(SecretServiceControl::lockDefault(), QString());
        const auto unlock = qScopeGuard([] { SecretServiceControl::unlockDefault(); });

        const CliRun get = cli({QStringLiteral("--base-url"), url, QStringLiteral("get")});
        QCOMPARE(get.exitCode, 6);
        QVERIFY2(get.err.contains(QStringLiteral("keychain is locked")), qPrintable(get.err));
        QVERIFY(!get.err.contains(QStringLiteral("not signed in"), Qt::CaseInsensitive));

        const CliRun logout = cli({QStringLiteral("--base-url"), url, QStringLiteral("logout")});
        QCOMPARE(logout.exitCode, 6);
        QVERIFY2(logout.err.contains(QStringLiteral("keychain is locked")), qPrintable(logout.err));
        QVERIFY(!logout.err.contains(QStringLiteral("not signed in"), Qt::CaseInsensitive));
        QVERIFY(!logout.err.contains(QStringLiteral("Signed out")));

        const CliRun clear =
            cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("clear")});
        QCOMPARE(clear.exitCode, 6);
        QVERIFY2(clear.err.contains(QStringLiteral("keychain is locked")), qPrintable(clear.err));
        QVERIFY(!clear.err.contains(QStringLiteral("Forgot")));

        const CliRun status =
            cli({QStringLiteral("--base-url"), url, QStringLiteral("token"), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 6);
        QVERIFY(!status.outText().contains(QStringLiteral("not signed in")));
        QVERIFY(m_sandbox->requests().isEmpty()); // nothing was sent, not even a revoke

        QCOMPARE(SecretServiceControl::unlockDefault(), QString());
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("get")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("logout")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("--base-url"), url, QStringLiteral("get")}).exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
