// Secrets audit on the real Secret Service (run through tests/scripts/with-keyring): a whole
// scripted command-line session — sign in by email, status, get, set, paste a token, a refresh
// with rotation, sign out — then every file under HOME and the XDG dirs, every /tmp file written
// meanwhile and every line any program printed is searched for every access and refresh token
// that existed. Tokens may live in the keychain only, and travel only to their own origin. Every
// logging category is on throughout, so their output is audited too.
#include "CliProcess.h"
#include "SandboxProcess.h"
#include "SecretSearch.h"
#include "TestEnv.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <memory>

using namespace SecretSearch;

class TestSecretsAudit : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    QStringList m_keyringDirs; // HOME and XDG dirs that with-keyring made (the keyring lives there)
    QDateTime m_started;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<SandboxProcess> m_other; // another origin, which must never see a token
    QList<QPair<QString, CliRun>> m_runs;    // every command and what it printed
    QSet<QString> m_minted;                  // the tokens this test got from the sandbox directly

    CliRun cli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // the private D-Bus session
        env.remove(QStringLiteral("ALLMINE_TOKEN"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        // Every logging category on: what they print is searched for tokens with the rest.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("allmine.*=true"));
        const CliRun run = runCli(arguments, env, input);
        m_runs.append({arguments.join(QLatin1Char(' ')), run});
        return run;
    }

    SandboxProcess::Tokens mint(int ttlSeconds)
    {
        const SandboxProcess::Tokens tokens =
            m_sandbox->mintToken(QStringLiteral("qa@example.com"), ttlSeconds);
        m_minted << tokens.access << tokens.refresh;
        return tokens;
    }

    // `token set`, both tokens typed on stdin.
    int paste(const SandboxProcess::Tokens &tokens)
    {
        return cli({QStringLiteral("token"), QStringLiteral("set")},
                   (tokens.access + "\n" + tokens.refresh + "\n").toUtf8())
            .exitCode;
    }

    int refreshCalls()
    {
        return int(
            m_sandbox->requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh")).size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty(), "run through with-keyring");
        QVERIFY(m_env.isValid());
        m_started = QDateTime::currentDateTime().addSecs(-2); // file times have coarse resolution
        m_keyringDirs = SecretSearch::homeDirs();
        m_env.applyToCurrentProcess();
        m_sandbox = std::make_unique<SandboxProcess>();
        m_other = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->isRunning() && m_other->isRunning());
    }

    void theSearchFindsAPlantedToken()
    {
        // The audit below passes only when it finds nothing: show first that it can find something.
        const QString canary =
            QStringLiteral("canary.") + QString::number(QDateTime::currentMSecsSinceEpoch());
        QFile planted(QDir(m_env.stateHome()).filePath(QStringLiteral("nested/planted.log")));
        QVERIFY(QDir().mkpath(QFileInfo(planted).path()));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write("log line with " + canary.toUtf8() + "\n");
        planted.close();
        int read = 0;
        QCOMPARE(search(m_env.home(), {canary.toUtf8()}, &read).size(), 1);
        QCOMPARE(search(QDir::tempPath(), {canary.toUtf8()}, &read, m_started).size(), 1);
        QVERIFY(planted.remove());
    }

    void scriptedSessionLeavesNoTokenOutsideTheKeychain()
    {
        const QString url = m_sandbox->baseUrl().toString();
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("dev"), url}).exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("other"),
                      m_other->baseUrl().toString()})
                     .exitCode,
                 0);

        // Sign in by email; Enter takes the code the Development server returned.
        const CliRun login =
            cli({QStringLiteral("login"), QStringLiteral("--email"), QStringLiteral("qa@example.com")}, "\n");
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QCOMPARE(cli({QStringLiteral("token"), QStringLiteral("status")}).exitCode, 0);
        const CliRun logged = cli({QStringLiteral("get"), QStringLiteral("--json")});
        QCOMPARE(logged.exitCode, 0);
        // The logging categories say what happened: the keychain read and the request.
        QVERIFY2(logged.err.contains(QLatin1String("allmine.keychain:")), qPrintable(logged.err));
        QVERIFY2(logged.err.contains(QLatin1String("allmine.api: GET")) &&
                     logged.err.contains(QLatin1String("/api/v1/user-settings")),
                 qPrintable(logged.err));
        QVERIFY(!logged.out.contains("allmine.")); // --json output stays clean
        QCOMPARE(cli({QStringLiteral("set"), QStringLiteral("notifications=off")}).exitCode, 0);
        // The other server has no token: nothing is sent there.
        QCOMPARE(cli({QStringLiteral("--server"), QStringLiteral("other"), QStringLiteral("get")}).exitCode,
                 3);
        // A redirect to the other origin is not followed with the token.
        m_sandbox->addFault({{QStringLiteral("fault"), QStringLiteral("redirect")},
                             {QStringLiteral("location"), m_other->baseUrl().toString()}});
        QCOMPARE(cli({QStringLiteral("get")}).exitCode, 5);
        QCOMPARE(cli({QStringLiteral("logout")}).exitCode, 0); // revoke-token carries the refresh token

        // A pasted token set, from stdin.
        const SandboxProcess::Tokens pasted = mint(3600);
        QCOMPARE(paste(pasted), 0);
        QCOMPARE(cli({QStringLiteral("get"), QStringLiteral("--json")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("set"), QStringLiteral("notifications=on")}).exitCode, 0);

        // An expired access token: the next command refreshes (the refresh token rotates).
        const SandboxProcess::Tokens expired = mint(-10);
        QCOMPARE(paste(expired), 0);
        const int refreshesBefore = refreshCalls();
        const CliRun refreshed = cli({QStringLiteral("get")});
        QVERIFY2(refreshed.exitCode == 0, qPrintable(refreshed.err));
        QCOMPARE(refreshCalls(), refreshesBefore + 1);
        // The rotated pair was kept: the next command needs no second refresh.
        QCOMPARE(cli({QStringLiteral("get")}).exitCode, 0);
        QCOMPARE(refreshCalls(), refreshesBefore + 1);
        const CliRun status = cli({QStringLiteral("token"), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(!status.outText().contains(QStringLiteral("expired")));
        QCOMPARE(cli({QStringLiteral("logout")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("token"), QStringLiteral("status")}).exitCode, 3);

        // Signing out with an expired access token refreshes first, then revokes: afterwards
        // nothing is left in the keychain.
        const SandboxProcess::Tokens stale = mint(-10);
        QCOMPARE(paste(stale), 0);
        QCOMPARE(cli({QStringLiteral("logout")}).exitCode, 0);
        QCOMPARE(refreshCalls(), refreshesBefore + 2);
        // Each sign-out revoked the live refresh token, never one a refresh had already spent
        // (that would leave the live one valid for 30 days after "signing out").
        QStringList spent;
        int revokes = 0;
        for (const QJsonValue &value : m_sandbox->requests(QStringLiteral("POST"))) {
            const QJsonObject request = value.toObject();
            const QString refreshToken =
                QJsonDocument::fromJson(request.value(QStringLiteral("body")).toString().toUtf8())
                    .object()
                    .value(QStringLiteral("refreshToken"))
                    .toString();
            if (request.value(QStringLiteral("path")).toString() == QLatin1String("/api/v1/auth/refresh"))
                spent << refreshToken;
            if (request.value(QStringLiteral("path")).toString() ==
                QLatin1String("/api/v1/auth/revoke-token")) {
                ++revokes;
                QVERIFY2(
                    !refreshToken.isEmpty() && !spent.contains(refreshToken),
                    qPrintable(QStringLiteral("sign-out %1 revoked a spent refresh token").arg(revokes)));
            }
        }
        QCOMPARE(revokes, 3);
        QCOMPARE(cli({QStringLiteral("token"), QStringLiteral("status")}).exitCode, 3);

        // Every token that existed: the ones minted here, and the ones the app got by signing in
        // and refreshing, as they came back in its requests.
        const QJsonArray requests = m_sandbox->requests();
        const QSet<QString> seen = tokensIn(requests);
        QSet<QString> tokens = m_minted + seen;
        tokens.remove(QString());
        // Sign-in's access and refresh tokens and the refresh's rotated pair are among them.
        QVERIFY2((seen - m_minted).size() >= 4, qPrintable(QString::number((seen - m_minted).size())));
        QVERIFY(seen.contains(pasted.access) && seen.contains(expired.refresh));
        QVERIFY(!seen.contains(expired.access)); // refreshed before use, never sent
        const QList<QByteArray> needles = needlesOf(tokens);

        // Only the sandbox's own origin saw them, as its own Host.
        const QString authority =
            QStringLiteral("%1:%2").arg(m_sandbox->baseUrl().host()).arg(m_sandbox->baseUrl().port());
        for (const QJsonValue &request : requests)
            QCOMPARE(request.toObject()
                         .value(QStringLiteral("headers"))
                         .toObject()
                         .value(QStringLiteral("host"))
                         .toString(),
                     authority);
        const QJsonArray elsewhere = m_other->requests();
        QVERIFY2(elsewhere.isEmpty(), QJsonDocument(elsewhere).toJson().constData());

        QStringList leaks;
        for (const auto &[command, run] : std::as_const(m_runs)) {
            for (const QByteArray &needle : needles) {
                if (run.out.contains(needle) || run.err.toUtf8().contains(needle))
                    leaks << QStringLiteral("output of `%1`").arg(command);
            }
        }
        for (const QByteArray &needle : needles) {
            if (m_sandbox->stderrText().toUtf8().contains(needle))
                leaks << QStringLiteral("sandbox log");
        }
        int filesRead = 0;
        leaks << search(m_env.home(), needles, &filesRead); // HOME and every XDG dir are inside it
        const int filesInHome = filesRead;
        for (const QString &dir : std::as_const(m_keyringDirs))
            leaks << search(dir, needles, &filesRead);
        leaks << search(QDir::tempPath(), needles, &filesRead, m_started);
        qInfo("audit: %lld tokens, %d CLI runs, %d files read (%d in the test HOME)", qint64(tokens.size()),
              int(m_runs.size()), filesRead, filesInHome);
        QVERIFY2(filesInHome > 0, "the server profiles should be on disk in the test HOME");
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestSecretsAudit)
#include "tst_secretsaudit.moc"
