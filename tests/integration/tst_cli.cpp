// The command line as QA scripts use it: a separate process against the real sandbox.
#include "CliProcess.h"
#include "CliSandbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <sys/resource.h>

namespace {
QJsonObject fault(const QString &name, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("fault"), name);
    return extra;
}

// The peak resident memory of the largest child this test has waited for so far, in KiB.
long childPeakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;

    CliRun cli(const QStringList &arguments, const QString &token, const QByteArray &input = {},
               const QMap<QString, QString> &extraEnv = {})
    {
        QProcessEnvironment env = m_cli.environment(token);
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        for (auto it = extraEnv.constBegin(); it != extraEnv.constEnd(); ++it)
            env.insert(it.key(), it.value());
        const CliRun run = runCli(arguments, env, input);
        // The token never appears in any output.
        [&] { QVERIFY(!run.mentions(m_cli.token())); }();
        return run;
    }

    QStringList onSandbox(const QStringList &arguments) const { return m_cli.onServer(arguments); }

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_cli.start(), QString()); }
    void init() { QVERIFY(m_cli.fresh()); }

    void getJsonPrintsTheServerObject()
    {
        const CliRun run = cli(onSandbox({QStringLiteral("get"), QStringLiteral("--json")}), m_cli.token());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject settings = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(settings.value(QStringLiteral("notifications")), QJsonValue(true));
        QVERIFY(settings.contains(QStringLiteral("_id")));
    }

    void getPrintsKeyValueLines()
    {
        m_cli.server().setSettings(QStringLiteral("qa@example.com"),
                                   {{QStringLiteral("preferredLanguage"), QStringLiteral("de")}});
        const CliRun run = cli(onSandbox({QStringLiteral("get")}), m_cli.token());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.outText().contains(QStringLiteral("notifications=true\n")));
        QVERIFY(run.outText().contains(
            QStringLiteral("preferredLanguage=de\n"))); // unknown code kept, not dropped
    }

    void setSendsOnlyTheChange()
    {
        m_cli.server().reset();
        const CliRun run = cli(onSandbox({QStringLiteral("set"), QStringLiteral("messageNotifications=off"),
                                          QStringLiteral("notifications=on"), QStringLiteral("--json")}),
                               m_cli.token());
        QCOMPARE(run.exitCode, 0);
        const QJsonArray patches = m_cli.server().requests(QStringLiteral("PATCH"));
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches.first().toObject().value(QStringLiteral("body")).toString(),
                 QStringLiteral("{\"messageNotifications\":false}"));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("messageNotifications")),
                 QJsonValue(false));
        QVERIFY(run.err.contains(QStringLiteral("Applied 1 change")));
    }

    void setWithNothingToChangeSendsNothing()
    {
        m_cli.server().reset();
        const CliRun run =
            cli(onSandbox({QStringLiteral("set"), QStringLiteral("notifications=yes")}), m_cli.token());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains(QStringLiteral("Nothing to change")));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 0);
    }

    void dryRunPrintsTheBodyAndSendsNothing()
    {
        m_cli.server().reset();
        const CliRun run = cli(onSandbox({QStringLiteral("set"), QStringLiteral("preferredLanguage=tr"),
                                          QStringLiteral("--dry-run")}),
                               m_cli.token());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).object(),
                 QJsonObject({{QStringLiteral("preferredLanguage"), QStringLiteral("tr")}}));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 0);
    }

    void invalidValueExits2AndSendsNothing()
    {
        m_cli.server().reset();
        const CliRun run =
            cli(onSandbox({QStringLiteral("set"), QStringLiteral("notifications=maybe")}), m_cli.token());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("maybe")));
        QCOMPARE(m_cli.server().requests().size(), 0);
    }

    void productionWithoutTerminalOrYesRefuses()
    {
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("prod"),
                      m_cli.server().baseUrl().toString()},
                     m_cli.token())
                     .exitCode,
                 0);
        m_cli.server().reset();
        const CliRun refused = cli({QStringLiteral("--server"), QStringLiteral("prod"), QStringLiteral("set"),
                                    QStringLiteral("notifications=off")},
                                   m_cli.token());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QStringLiteral("--yes")));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 0);
        // Production's address under another name is still Production.
        const CliRun aliased =
            cli(onSandbox({QStringLiteral("set"), QStringLiteral("notifications=off")}), m_cli.token());
        QCOMPARE(aliased.exitCode, 2);
        QVERIFY(aliased.err.contains(QStringLiteral("Production")));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 0);
        const CliRun confirmed =
            cli({QStringLiteral("--server"), QStringLiteral("production"), QStringLiteral("set"),
                 QStringLiteral("notifications=off"), QStringLiteral("--yes")},
                m_cli.token());
        QCOMPARE(confirmed.exitCode, 0);
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 1);
    }

    // Production is where it is, not how it is spelled: with Production at http://127.0.0.1:P,
    // --base-url with another spelling of that address needs --yes just the same.
    void productionSpelledOtherwiseNeedsYes_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("localhost") << QStringLiteral("localhost");
        QTest::newRow("LOCALHOST") << QStringLiteral("LOCALHOST");
        QTest::newRow("IPv4-mapped IPv6") << QStringLiteral("[::ffff:127.0.0.1]");
    }
    void productionSpelledOtherwiseNeedsYes()
    {
        QFETCH(QString, host);
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("prod"),
                      m_cli.server().baseUrl().toString()},
                     {})
                     .exitCode,
                 0);
        const QString alias = QStringLiteral("http://%1:%2").arg(host).arg(m_cli.server().baseUrl().port());
        const CliRun refused = cli(
            {QStringLiteral("--base-url"), alias, QStringLiteral("set"), QStringLiteral("notifications=off")},
            m_cli.token());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("Refusing to change Production")),
                 qPrintable(refused.err));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 0);
        const CliRun confirmed = cli({QStringLiteral("--base-url"), alias, QStringLiteral("set"),
                                      QStringLiteral("notifications=off"), QStringLiteral("--yes")},
                                     m_cli.token());
        QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 1);
    }

    // A custom server confirms every change: a script needs --yes until the server is set with
    // --confirm no.
    void customServerNeedsYesUntilConfirmIsOff()
    {
        const QString url = m_cli.server().baseUrl().toString();
        QCOMPARE(
            cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("lab"), url}, {}).exitCode,
            0);
        const QStringList set = {QStringLiteral("--server"), QStringLiteral("lab"), QStringLiteral("set"),
                                 QStringLiteral("followNotifications=off")};
        const CliRun refused = cli(set, m_cli.token());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("--confirm no")), qPrintable(refused.err));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 0);
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("lab"), url,
                      QStringLiteral("--confirm"), QStringLiteral("no")},
                     {})
                     .exitCode,
                 0);
        QVERIFY(cli({QStringLiteral("servers"), QStringLiteral("list")}, {})
                    .outText()
                    .contains(QStringLiteral("confirm=no")));
        const CliRun applied = cli(set, m_cli.token());
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 1);
    }

    void serverWithoutAddressSaysHowToSetOne()
    {
        const CliRun run = cli({QStringLiteral("get")}, m_cli.token());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("servers set dev")));
        QVERIFY2(run.err.contains(QStringLiteral("--base-url URL")), qPrintable(run.err));
    }

    // --base-url gives the start server its address: a second server named in diff, without an
    // address of its own, is told how to set one, not to add the --base-url already given.
    void otherServerWithoutAddressIsNotToldToUseBaseUrl()
    {
        const CliRun run =
            cli(onSandbox({QStringLiteral("diff"), QStringLiteral("dev"), QStringLiteral("prod")}),
                m_cli.token());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("servers set prod https://HOST")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("--base-url")), qPrintable(run.err));
    }

    void serverProfilesAreManaged()
    {
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("staging"),
                      QStringLiteral("http://example.test")},
                     {})
                     .exitCode,
                 2); // plain http to a remote host is refused
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("staging"),
                      m_cli.server().baseUrl().toString()},
                     {})
                     .exitCode,
                 0);
        // One line says which server the window and the command line use without --server.
        const QStringList lines = cli({QStringLiteral("servers"), QStringLiteral("list")}, {})
                                      .outText()
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.filter(QStringLiteral("staging")).size() == 1);
        const QStringList active = lines.filter(QRegularExpression(QStringLiteral("\tactive$")));
        QVERIFY2(active.size() == 1 && active.first().startsWith(QStringLiteral("dev\t")),
                 qPrintable(lines.join(QLatin1Char('|'))));
        QCOMPARE(
            cli({QStringLiteral("--server"), QStringLiteral("staging"), QStringLiteral("get")}, m_cli.token())
                .exitCode,
            0);
        QCOMPARE(
            cli({QStringLiteral("servers"), QStringLiteral("remove"), QStringLiteral("prod")}, {}).exitCode,
            2);
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("remove"), QStringLiteral("staging")}, {})
                     .exitCode,
                 0);
        QVERIFY(!cli({QStringLiteral("servers"), QStringLiteral("list")}, {})
                     .outText()
                     .contains(QStringLiteral("staging")));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QJsonObject>("injected");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("401") << fault(QStringLiteral("status"), {{QStringLiteral("status"), 401}}) << 3;
        QTest::newRow("403") << fault(QStringLiteral("status"), {{QStringLiteral("status"), 403}}) << 3;
        QTest::newRow("404") << fault(QStringLiteral("status"), {{QStringLiteral("status"), 404}}) << 4;
        QTest::newRow("409") << fault(QStringLiteral("status"), {{QStringLiteral("status"), 409}}) << 4;
        QTest::newRow("500") << fault(QStringLiteral("status"), {{QStringLiteral("status"), 500}}) << 5;
        QTest::newRow("html 502") << fault(QStringLiteral("html502"), {{QStringLiteral("count"), 5}}) << 5;
        QTest::newRow("malformed") << fault(QStringLiteral("malformed")) << 5;
        QTest::newRow("oversized") << fault(QStringLiteral("huge")) << 5;
        QTest::newRow("slow") << fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 4000}}) << 5;
        QTest::newRow("429 then fine")
            << fault(QStringLiteral("ratelimit"), {{QStringLiteral("retryAfter"), 1}}) << 0;
    }
    void exitCodes()
    {
        QFETCH(QJsonObject, injected);
        QFETCH(int, exitCode);
        m_cli.server().addFault(injected);
        const CliRun run =
            cli(onSandbox({QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("get")}),
                m_cli.token());
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode != 0)
            QVERIFY(!run.err.trimmed().isEmpty());
    }

    void streamedAnswerExits5WithLittleMemory()
    {
        // Endless 64 KiB chunks as fast as the command reads: it must refuse the answer at the
        // size cap, not collect it until the timeout.
        constexpr long kLimitKiB = 100 * 1024;
        QVERIFY2(childPeakRssKiB() < kLimitKiB, "an earlier child already used 100 MiB");
        m_cli.server().addFault(
            fault(QStringLiteral("stream"), {{QStringLiteral("bytes"), 1024.0 * 1024 * 1024}}));
        const CliRun run =
            cli(onSandbox({QStringLiteral("--timeout"), QStringLiteral("20"), QStringLiteral("get")}),
                m_cli.token());
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("too large")), qPrintable(run.err));
        const long peak = childPeakRssKiB();
        QVERIFY2(peak < kLimitKiB, qPrintable(QStringLiteral("peak RSS %1 MiB").arg(peak / 1024)));
    }

    void echoedTokenAndEscapesNeverReachTheTerminal()
    {
        m_cli.server().addFault(fault(QStringLiteral("echo")));
        const CliRun run = cli(onSandbox({QStringLiteral("get")}), m_cli.token()); // cli() checks the token
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("Bearer <redacted>")), qPrintable(run.err));
        QVERIFY(!run.err.contains(m_cli.token().section(QLatin1Char('.'), -1)));
        QVERIFY(!run.err.contains(QChar(0x1b)));
        QVERIFY(!run.err.contains(QStringLiteral("\nnotifications=false")));
    }

    void unauthorizedTokenExits3()
    {
        const CliRun run = cli(onSandbox({QStringLiteral("get")}), QStringLiteral("Bearer not.a.jwt"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains(QStringLiteral("Sign in")));
    }

    void turkishServerMessageIsShownVerbatim()
    {
        m_cli.server().addFault(
            fault(QStringLiteral("status"),
                  {{QStringLiteral("status"), 400},
                   {QStringLiteral("errors"), QJsonArray{QStringLiteral("Geçersiz değer: ığüşöç İ")}}}));
        const CliRun run = cli(onSandbox({QStringLiteral("get")}), m_cli.token());
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("Geçersiz değer: ığüşöç İ")), qPrintable(run.err));
    }

    void crossOriginRedirectExits5AndTheOtherOriginGetsNothing()
    {
        SandboxProcess other;
        QVERIFY(other.isRunning());
        m_cli.server().addFault(
            fault(QStringLiteral("redirect"), {{QStringLiteral("location"), other.baseUrl().toString()}}));
        const CliRun run = cli(onSandbox({QStringLiteral("get")}), m_cli.token());
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(other.requests().size(), 0);
    }

    // The command line keeps no edits, so it must not promise to keep them: a conflict on a GET
    // (or on the change of a set) says what happened and to run the command again.
    void conflictDoesNotPromiseKeptChanges()
    {
        m_cli.server().addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), 409}}));
        const CliRun get = cli(onSandbox({QStringLiteral("get")}), m_cli.token());
        QCOMPARE(get.exitCode, 4);
        QVERIFY2(!get.err.contains(QStringLiteral("kept")), qPrintable(get.err));
        QVERIFY2(get.err.contains(QStringLiteral("Run the command again")), qPrintable(get.err));

        m_cli.server().reset();
        // The GET passes (a fault that only takes its turn), the PATCH meets the conflict.
        m_cli.server().addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 0}}));
        m_cli.server().addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), 409}}));
        const CliRun set =
            cli(onSandbox({QStringLiteral("set"), QStringLiteral("notifications=off")}), m_cli.token());
        QCOMPARE(set.exitCode, 4);
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 1);
        QVERIFY2(!set.err.contains(QStringLiteral("kept")), qPrintable(set.err));
        QVERIFY2(set.err.contains(QStringLiteral("Run the command again")), qPrintable(set.err));
    }

    // A set that sends nothing but its GET does not claim that nothing was sent.
    void setThatChangesNothingDoesNotSayNothingWasSent_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("same value") << QStringList{QStringLiteral("set"), QStringLiteral("notifications=on")}
                                    << 0;
        QTest::newRow("dry run") << QStringList{QStringLiteral("set"), QStringLiteral("notifications=off"),
                                                QStringLiteral("--dry-run")}
                                 << 0;
        QTest::newRow("production unconfirmed")
            << QStringList{QStringLiteral("set"), QStringLiteral("notifications=off")} << 2;
    }
    void setThatChangesNothingDoesNotSayNothingWasSent()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        if (QString::fromLatin1(QTest::currentDataTag()).startsWith(QLatin1String("production")))
            QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("prod"),
                          m_cli.server().baseUrl().toString()},
                         {})
                         .exitCode,
                     0);
        m_cli.server().reset();
        const CliRun run = cli(onSandbox(arguments), m_cli.token());
        QVERIFY2(run.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        QCOMPARE(m_cli.server().requests(QStringLiteral("GET")).size(), 1);
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 0);
        QVERIFY2(!run.err.contains(QStringLiteral("nothing was sent"), Qt::CaseInsensitive),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("o change was sent")), qPrintable(run.err));
    }

    // An http:// address to another machine, written into the settings file by hand, is not
    // used: the token is never sent to it in clear text, and the user is told which address in
    // which file was refused.
    void plainHttpAddressFromTheFileIsNotUsed()
    {
        const QString file = m_cli.env().configHome() + QStringLiteral("/Allmine/") +
                             QStringLiteral(ALLMINE_APP_ID) + QStringLiteral(".conf");
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        QFile settings(file);
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write("[servers]\ndev\\url=http://x.invalid\n");
        settings.close();
        const CliRun run = cli({QStringLiteral("get")}, m_cli.token(), {},
                               {{QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("allmine.api=true")}});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(!run.err.contains(QStringLiteral("allmine.api")), qPrintable(run.err)); // no request
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("http://x.invalid")) && run.err.contains(file),
                 qPrintable(run.err));

        // servers list shows the server without that address, and says why.
        const CliRun list = cli({QStringLiteral("servers"), QStringLiteral("list")}, QString());
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(!list.outText().contains(QStringLiteral("x.invalid")), list.out.constData());
        QVERIFY2(list.err.contains(QStringLiteral("http://x.invalid")), qPrintable(list.err));
    }

    void notSignedInExits3()
    {
        const CliRun run =
            cli(onSandbox({QStringLiteral("get")}), QString(), {},
                {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}});
        QVERIFY2(run.exitCode == 3 || run.exitCode == 6, qPrintable(run.err));
        QVERIFY(!run.err.trimmed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
