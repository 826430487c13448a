// Renewals of one sign-in by several processes at once, against the real Secret Service (run
// through tests/scripts/with-keyring) and the real sandbox: two command lines and an in-process
// AccountSession standing in for the window, all with an access token about to expire, must keep
// the sign-in (one refresh between them, no spent refresh token presented again). Also a refresh
// answer with another account's tokens, and a stored token that is not a bearer token.
#include "AccountFixture.h"
#include "CliProcess.h"
#include "SandboxProcess.h"
#include "TestEnv.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "auth/KeychainTokenStore.h"
#include "cli/ExitCode.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <optional>

namespace {
constexpr int kRounds = 20;
constexpr int kWaitMs = 30000;

ServerProfile profileFor(const SandboxProcess &sandbox)
{
    ServerProfile profile;
    profile.name = QStringLiteral("dev");
    profile.baseUrl = sandbox.baseUrl();
    return profile;
}

// Writes one raw keychain entry, past the store's checks, as a damaged or planted entry would be.
bool writeRaw(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(QStringLiteral(ALLMINE_APP_ID));
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    std::optional<bool> ok;
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [&](QKeychain::Job *done) { ok = done->error() == QKeychain::NoError; });
    job->start();
    return QTest::qWaitFor([&] { return ok.has_value(); }, kWaitMs) && *ok;
}

} // namespace

class TestConcurrentRefresh : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_sandbox;

    QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // the private D-Bus session
        env.remove(QStringLiteral("ALLMINE_TOKEN"));
        return env;
    }
    CliRun cli(const QStringList &arguments)
    {
        return runCli(QStringList{QStringLiteral("--base-url"), m_sandbox->baseUrl().toString()} + arguments,
                      cliEnvironment());
    }
    std::unique_ptr<QProcess> startCli(const QStringList &arguments)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(cliEnvironment());
        process->start(qEnvironmentVariable("ALLMINE_CLI"),
                       QStringList{QStringLiteral("--base-url"), m_sandbox->baseUrl().toString()} +
                           arguments);
        return process;
    }
    int refreshCalls()
    {
        return int(
            m_sandbox->requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh")).size());
    }
    QString origin() const { return profileFor(*m_sandbox).origin(); }

    // The window's part: an account read from the keychain, as the window reads it at start.
    AccountFixture window() { return AccountFixture(*m_sandbox, new KeychainTokenStore); }

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

    // Two `get`s and the window, started together in the last minute of the access token's life.
    void threeClientsRenewingAtOnceKeepTheSignIn()
    {
        KeychainTokenStore store;
        for (int round = 1; round <= kRounds; ++round) {
            const QByteArray where = "round " + QByteArray::number(round);
            m_sandbox->reset(true);
            const SandboxProcess::Tokens tokens = m_sandbox->mintToken(QStringLiteral("qa@example.com"), 30);
            QVERIFY2(saveAndWait(store, origin(), {tokens.access, tokens.refresh}).ok(), where);

            auto first = startCli({QStringLiteral("get")});
            auto second = startCli({QStringLiteral("get")});
            AccountFixture w = window();
            w.account->load();
            QVERIFY2(QTest::qWaitFor([&] { return w.account->state() != AccountSession::State::Unknown; },
                                     kWaitMs),
                     where);
            QVERIFY2(w.account->isSignedIn(), where);
            const ApiResult inWindow =
                waitForResult(w.client->get(QString::fromLatin1(SettingsSession::kPath)));
            QVERIFY2(QTest::qWaitFor([&] { return !w.account->isSaving(); }, kWaitMs), where);
            for (QProcess *process : {first.get(), second.get()}) {
                // Already finished while the event loop turned, or finishing now.
                QVERIFY2(process->state() == QProcess::NotRunning || process->waitForFinished(kWaitMs),
                         where);
                QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                         where + " (command line): " + process->readAllStandardError());
            }
            QVERIFY2(inWindow.ok(), where + " (window): " + inWindow.error.message().toUtf8());
            QVERIFY2(w.account->isSignedIn(), where);

            QCOMPARE(m_sandbox->spentRefreshReuses(), 0);
            QCOMPARE(refreshCalls(), 1); // one renewal served all three
            const CliRun status = cli({QStringLiteral("token"), QStringLiteral("status")});
            QVERIFY2(status.exitCode == 0, where + ": " + status.err.toUtf8());
            const CliRun get = cli({QStringLiteral("get")});
            QVERIFY2(get.exitCode == 0, where + ": " + get.err.toUtf8());
            QCOMPARE(refreshCalls(), 1); // the renewed pair was stored whole
        }
    }

    // A client that does not wait for the lock spends the refresh token while this one's refresh
    // is on the wire, and stores the new pair: the refused refresh adopts that pair instead of
    // deleting it, and the request goes through.
    void refusedRefreshAdoptsThePairAnotherClientStored()
    {
        const SandboxProcess::Tokens expired = m_sandbox->mintToken(QStringLiteral("qa@example.com"), -10);
        AccountFixture w = window();
        w.account->signIn({expired.access, expired.refresh});
        QVERIFY(QTest::qWaitFor([&] { return !w.account->isSaving(); }, kWaitMs));
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("slow")},
                             {QStringLiteral("delayMs"), 1500},
                             {QStringLiteral("path"), QStringLiteral("/api/v1/auth/refresh")}});
        ApiCall *call = w.client->get(QString::fromLatin1(SettingsSession::kPath));
        QSignalSpy finished(call, &ApiCall::finished);
        QTRY_COMPARE_WITH_TIMEOUT(refreshCalls(), 1, kWaitMs);

        ApiClient other(profileFor(*m_sandbox));
        const ApiResult spent =
            waitForResult(other.post(QStringLiteral("/api/v1/auth/refresh"),
                                     {{QStringLiteral("refreshToken"), expired.refresh}}, false));
        QVERIFY2(spent.ok(), qPrintable(spent.error.message()));
        const TokenPair renewed{spent.object().value(QStringLiteral("accessToken")).toString(),
                                spent.object().value(QStringLiteral("refreshToken")).toString()};
        KeychainTokenStore otherStore;
        QVERIFY(saveAndWait(otherStore, origin(), renewed).ok());

        QVERIFY(finished.wait(kWaitMs));
        const ApiResult result = finished.first().first().value<ApiResult>();
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(m_sandbox->spentRefreshReuses(), 1); // the one on the wire, refused and handled
        QVERIFY(w.account->isSignedIn());
        QCOMPARE(w.account->accessToken(), renewed.access);
        QVERIFY(QTest::qWaitFor([&] { return !w.account->isSaving(); }, kWaitMs));
        const StoredTokens kept = loadAndWait(otherStore, origin());
        QVERIFY(kept.result.ok());
        QCOMPARE(kept.tokens.refresh, renewed.refresh);
        QCOMPARE(cli({QStringLiteral("get")}).exitCode, 0);
    }

    // The command line renews and gets another account's tokens: it ends the session (exit 3),
    // says why, and the keychain keeps nothing of either account.
    void refreshForAnotherAccountSignsOutAndKeepsNothing()
    {
        KeychainTokenStore store;
        const SandboxProcess::Tokens expired = m_sandbox->mintToken(QStringLiteral("qa@example.com"), -10);
        QVERIFY(saveAndWait(store, origin(), {expired.access, expired.refresh}).ok());
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("otheruser")},
                             {QStringLiteral("path"), QStringLiteral("/api/v1/auth/refresh")}});
        const CliRun run = cli({QStringLiteral("get")});
        QCOMPARE(run.exitCode, int(ExitCode::Auth));
        QVERIFY2(run.err.contains(QStringLiteral("another account")), qPrintable(run.err));
        QCOMPARE(m_sandbox->requests(QStringLiteral("GET")).size(), 0);
        QCOMPARE(loadAndWait(store, origin()).result.status, TokenStore::Status::NotFound);
        QCOMPARE(cli({QStringLiteral("token"), QStringLiteral("status")}).exitCode, int(ExitCode::Auth));
    }

    // A token in the keychain with a line break (damaged, or planted) is never sent: not signed in.
    void storedTokenWithALineBreakIsNotUsed()
    {
        const SandboxProcess::Tokens tokens = m_sandbox->mintToken();
        const QString key = TokenStore::canonicalOrigin(origin());
        QVERIFY(writeRaw(KeychainTokenStore::refreshKey(key), tokens.refresh));
        QVERIFY(
            writeRaw(KeychainTokenStore::accessKey(key), tokens.access + QStringLiteral("\r\nX-Evil: 1")));

        const CliRun run = cli({QStringLiteral("get")});
        QCOMPARE(run.exitCode, int(ExitCode::Auth));
        QVERIFY(!run.mentions(tokens.access));
        QCOMPARE(m_sandbox->requests().size(), 0);

        AccountFixture w = window();
        w.account->load();
        QVERIFY(
            QTest::qWaitFor([&] { return w.account->state() != AccountSession::State::Unknown; }, kWaitMs));
        QCOMPARE(w.account->state(), AccountSession::State::SignedOut);
        QVERIFY2(w.account->stateMessage().contains(QStringLiteral("Sign in again")),
                 qPrintable(w.account->stateMessage()));
        QVERIFY(w.account->accessToken().isEmpty());
        QCOMPARE(cli({QStringLiteral("token"), QStringLiteral("clear")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentRefresh)
#include "tst_concurrentrefresh.moc"
