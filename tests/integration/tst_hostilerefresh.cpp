// Tokens a hostile or broken server (or environment) hands over, against the real sandbox: a
// refresh answer whose access token carries a line break and a header of its own, a refresh
// answer with another account's tokens, and an ALLMINE_TOKEN with a line break. None of them is
// stored or sent.
#include "AccountFixture.h"
#include "CliProcess.h"
#include "SandboxProcess.h"
#include "TestEnv.h"
#include "api/ApiClient.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "auth/MemoryTokenStore.h"
#include "cli/ExitCode.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <optional>

namespace {
const QString kEvil = QStringLiteral("x-evil");
} // namespace

class TestHostileRefresh : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_sandbox;

    // An in-process account signed in with the sandbox's tokens for `user`, `ttl` seconds left.
    AccountFixture signedIn(const QString &user, int ttl)
    {
        const SandboxProcess::Tokens tokens = m_sandbox->mintToken(user, ttl);
        AccountFixture s(*m_sandbox, new MemoryTokenStore);
        s.account->signIn({tokens.access, tokens.refresh});
        return s;
    }

    // The stored pair, if the store holds one.
    static std::optional<TokenPair> stored(TokenStore *store, const QString &origin)
    {
        const StoredTokens read = loadAndWait(*store, origin, 5000);
        return read.result.ok() ? std::optional<TokenPair>(read.tokens) : std::nullopt;
    }

    // Every header of every recorded request: none may be the injected one.
    QStringList injectedHeaders()
    {
        QStringList found;
        for (const QJsonValue &request : m_sandbox->requests()) {
            const QJsonObject headers = request.toObject().value(QStringLiteral("headers")).toObject();
            if (headers.contains(kEvil))
                found << request.toObject().value(QStringLiteral("path")).toString();
        }
        return found;
    }

    QProcessEnvironment environmentWithToken(const QString &token) const
    {
        QProcessEnvironment env = m_env.environment();
        env.insert(QStringLiteral("ALLMINE_TOKEN"), token);
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ApiResult>();
        m_env.applyToCurrentProcess();
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->isRunning());
    }

    void init() { m_sandbox->reset(true); }

    // The sandbox answers the refresh with "<token>\r\nX-Evil: 1": a bad answer (the command
    // line's exit 5), nothing stored, and no request carries the header.
    void refreshAnswerWithALineBreakIsABadAnswer()
    {
        AccountFixture s = signedIn(QStringLiteral("qa@example.com"), -10);
        const TokenPair before = *stored(s.store, s.account->origin());
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("badrefresh")},
                             {QStringLiteral("path"), QStringLiteral("/api/v1/auth/refresh")}});
        const ApiResult result = waitForResult(s.client->get(QString::fromLatin1(SettingsSession::kPath)));
        QCOMPARE(result.error.kind, ApiError::Kind::Malformed);
        QCOMPARE(ExitCode::forError(result.error), int(ExitCode::Server));
        QCOMPARE(m_sandbox->requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh")).size(),
                 1);
        QVERIFY2(injectedHeaders().isEmpty(), qPrintable(injectedHeaders().join(QLatin1Char(' '))));
        QCOMPARE(m_sandbox->requests(QStringLiteral("GET")).size(), 0); // nothing sent with the bad token
        const std::optional<TokenPair> after = stored(s.store, s.account->origin());
        QVERIFY(after.has_value());
        QCOMPARE(after->access, before.access);
        QCOMPARE(after->refresh, before.refresh);
        QVERIFY(!s.account->accessToken().contains(QLatin1Char('\n')));
    }

    // The refresh answer carries another account's tokens: refused, the session ends with a clear
    // message, and neither that account's tokens nor the spent pair is kept.
    void refreshAnswerForAnotherAccountEndsTheSession()
    {
        AccountFixture s = signedIn(QStringLiteral("qa@example.com"), -10);
        m_sandbox->setSettings(QStringLiteral("other@example.com"),
                               {{QStringLiteral("preferredLanguage"), QStringLiteral("de")}});
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("otheruser")},
                             {QStringLiteral("user"), QStringLiteral("other@example.com")},
                             {QStringLiteral("path"), QStringLiteral("/api/v1/auth/refresh")}});
        QSignalSpy signedOut(s.account, &AccountSession::signedOutUnexpectedly);
        const ApiResult result = waitForResult(s.client->get(QString::fromLatin1(SettingsSession::kPath)));
        QVERIFY2(!result.ok(), "another account's settings were loaded");
        QCOMPARE(ExitCode::forError(result.error), int(ExitCode::Auth));
        QCOMPARE(m_sandbox->requests(QStringLiteral("GET")).size(), 0);
        QCOMPARE(signedOut.count(), 1);
        QVERIFY2(signedOut.first().first().toString().contains(QStringLiteral("another account")),
                 qPrintable(signedOut.first().first().toString()));
        QVERIFY(!s.account->isSignedIn());
        QVERIFY(s.account->accessToken().isEmpty());
        QTRY_VERIFY(!stored(s.store, s.account->origin()).has_value());
    }

    // A refresh that keeps the account (the same subject) is still taken, of course.
    void refreshAnswerForTheSameAccountIsKept()
    {
        AccountFixture s = signedIn(QStringLiteral("qa@example.com"), -10);
        const ApiResult result = waitForResult(s.client->get(QString::fromLatin1(SettingsSession::kPath)));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QVERIFY(s.account->isSignedIn());
        QVERIFY(!s.account->accessInfo().isExpired());
    }

    // ALLMINE_TOKEN with a line break: nothing carries the header, and the command line reports a
    // usage error (2) that says what is wrong with the variable.
    void environmentTokenWithALineBreakIsRefusedByTheCommandLine()
    {
        const SandboxProcess::Tokens tokens = m_sandbox->mintToken();
        const CliRun run =
            runCli({QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(), QStringLiteral("get")},
                   environmentWithToken(tokens.access + QStringLiteral("\r\nX-Evil: 1")));
        QCOMPARE(run.exitCode, int(ExitCode::Usage));
        QVERIFY2(run.err.contains(QStringLiteral("ALLMINE_TOKEN")), qPrintable(run.err));
        QVERIFY(!run.mentions(tokens.access));
        QVERIFY2(injectedHeaders().isEmpty(), "the injected header reached the server");
        QCOMPARE(m_sandbox->requests().size(), 0);
    }

    // The same for the window: it does not open, says why and exits 2.
    void environmentTokenWithALineBreakIsRefusedByTheWindow()
    {
        const SandboxProcess::Tokens tokens = m_sandbox->mintToken();
        const CliRun run =
            runProgram(qEnvironmentVariable("ALLMINE_GUI"),
                       {QStringLiteral("--base-url"), m_sandbox->baseUrl().toString()},
                       environmentWithToken(tokens.access + QStringLiteral("\r\nX-Evil: 1")), {}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("ALLMINE_TOKEN")), qPrintable(run.err));
        QVERIFY(!run.mentions(tokens.access));
        QCOMPARE(m_sandbox->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHostileRefresh)
#include "tst_hostilerefresh.moc"
