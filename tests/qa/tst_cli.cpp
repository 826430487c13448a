// QA across servers on the command line: diff, copy, export and import against two real
// sandboxes (Development and Production), each signed in through the real keychain (the test
// runs inside tests/scripts/with-keyring), as a QA engineer's scripts would run them.
#include "CliProcess.h"
#include "SandboxProcess.h"
#include "SecretServiceControl.h"
#include "TestEnv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTest>
#include <memory>

namespace {
const QString kUser = QStringLiteral("qa@example.com");

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list << QString::fromUtf8(word);
    return list;
}
} // namespace

class TestQaCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxProcess> m_dev;
    std::unique_ptr<SandboxProcess> m_prod;
    std::unique_ptr<TestEnv> m_env;
    SandboxProcess::Tokens m_devTokens;
    SandboxProcess::Tokens m_prodTokens;

    // The CLI with the private keychain's D-Bus session, this test's HOME and no ALLMINE_TOKEN.
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}, const QString &envToken = {})
    {
        QProcessEnvironment env = m_env->environment();
        env.remove(QStringLiteral("ALLMINE_TOKEN"));
        if (!envToken.isEmpty())
            env.insert(QStringLiteral("ALLMINE_TOKEN"), envToken);
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        const CliRun run = runCli(arguments, env, input);
        for (const QString &token :
             {m_devTokens.access, m_devTokens.refresh, m_prodTokens.access, m_prodTokens.refresh})
            [&] { QVERIFY(!run.mentions(token)); }();
        return run;
    }

    void signIn(const char *server, const SandboxProcess::Tokens &tokens)
    {
        const CliRun run =
            cli({QStringLiteral("--server"), QString::fromLatin1(server), QStringLiteral("token"),
                 QStringLiteral("set")},
                (tokens.access + QLatin1Char('\n') + tokens.refresh + QLatin1Char('\n')).toUtf8());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    int patchesTo(SandboxProcess &sandbox) { return int(sandbox.requests(QStringLiteral("PATCH")).size()); }
    static QString patchBody(SandboxProcess &sandbox)
    {
        const QJsonArray patches = sandbox.requests(QStringLiteral("PATCH"));
        return patches.isEmpty() ? QString()
                                 : patches.first().toObject().value(QStringLiteral("body")).toString();
    }
    void clearRequestLogs()
    {
        m_dev->reset();
        m_prod->reset();
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = QDir(m_env->home()).filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(qEnvironmentVariable("ALLMINE_CLI")).isExecutable());
        QVERIFY2(qEnvironmentVariableIsSet("ALLMINE_PRIVATE_KEYRING"),
                 "run through tests/scripts/with-keyring");
        m_dev = std::make_unique<SandboxProcess>();
        m_prod = std::make_unique<SandboxProcess>();
        QVERIFY(m_dev->isRunning());
        QVERIFY(m_prod->isRunning());
    }

    // Development and Production are the two sandboxes, each signed in from the keychain.
    void init()
    {
        m_env = std::make_unique<TestEnv>();
        m_dev->reset(true);
        m_prod->reset(true);
        m_devTokens = m_dev->mintToken(kUser);
        m_prodTokens = m_prod->mintToken(kUser);
        QCOMPARE(cli(args({"servers", "set", "dev"}) << m_dev->baseUrl().toString()).exitCode, 0);
        QCOMPARE(cli(args({"servers", "set", "prod"}) << m_prod->baseUrl().toString()).exitCode, 0);
        signIn("dev", m_devTokens);
        signIn("prod", m_prodTokens);
        clearRequestLogs();
    }

    void diffPrintsEachDifferingField()
    {
        m_dev->setSettings(kUser, {{QStringLiteral("notifications"), false}});
        m_prod->setSettings(kUser, {{QStringLiteral("preferredLanguage"), QStringLiteral("tr")}});
        const CliRun run = cli(args({"diff", "dev", "prod"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.outText(),
                 QStringLiteral("notifications: false -> true\npreferredLanguage: en -> tr\n"));
        QCOMPARE(patchesTo(*m_dev) + patchesTo(*m_prod), 0);
        QCOMPARE(m_dev->requests(QStringLiteral("GET")).size(), 1);
        QCOMPARE(m_prod->requests(QStringLiteral("GET")).size(), 1);
    }

    void diffJsonHoldsTheDifferingFieldsOnly()
    {
        m_dev->setSettings(kUser, {{QStringLiteral("notifications"), false}});
        m_prod->setSettings(kUser, {{QStringLiteral("preferredLanguage"), QStringLiteral("tr")}});
        const CliRun run = cli(args({"diff", "prod", "dev", "--json"}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(run.out).object(),
                 QJsonObject({{QStringLiteral("notifications"), QJsonArray{true, false}},
                              {QStringLiteral("preferredLanguage"),
                               QJsonArray{QStringLiteral("tr"), QStringLiteral("en")}}}));
    }

    void diffOfMatchingServersExits0()
    {
        const CliRun run = cli(args({"diff", "dev", "prod"}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outText(), QString());
        QVERIFY2(run.err.contains(QStringLiteral("Development and Production have the same settings")),
                 qPrintable(run.err));
        const CliRun json = cli(args({"diff", "dev", "prod", "--json"}));
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out).object(), QJsonObject());
    }

    void diffNamesTheServerYouAreNotSignedInTo()
    {
        QCOMPARE(cli(args({"--server", "prod", "token", "clear"})).exitCode, 0);
        clearRequestLogs();
        const CliRun run = cli(args({"diff", "dev", "prod"}));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("You are not signed in to Production")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("--server prod login")));
        QCOMPARE(run.outText(), QString());
        QCOMPARE(m_prod->requests().size(), 0);
    }

    void diffOfAnUnknownOrTheSameServerIsBadUsage()
    {
        const CliRun unknown = cli(args({"diff", "dev", "staging"}));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("no server named \"staging\"")));
        QCOMPARE(cli(args({"diff", "dev", "development"})).exitCode, 2);
        QCOMPARE(cli(args({"diff", "dev"})).exitCode, 2);
        QCOMPARE(m_dev->requests().size() + m_prod->requests().size(), 0);
    }

    // ALLMINE_TOKEN belongs to the --server server (dev when none is named): the other one is
    // signed in from the keychain and never sees that token.
    void allmineTokenGoesOnlyToTheServerNamedWithServer()
    {
        const QString envToken = m_dev->mintToken(kUser).access;
        const CliRun run = cli(args({"diff", "dev", "prod"}), {}, envToken);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(SandboxProcess::headerOf(m_dev->requests(), QStringLiteral("authorization")),
                 QStringList{QStringLiteral("Bearer ") + envToken});
        QCOMPARE(SandboxProcess::headerOf(m_prod->requests(), QStringLiteral("authorization")),
                 QStringList{QStringLiteral("Bearer ") + m_prodTokens.access});
        QVERIFY(!run.mentions(envToken));
    }

    void copySendsOnlyTheDifferenceInOnePatch()
    {
        m_prod->setSettings(kUser, {{QStringLiteral("messageNotifications"), false},
                                    {QStringLiteral("preferredLanguage"), QStringLiteral("tr")}});
        const CliRun run = cli(args({"copy", "--from", "prod", "--json"})); // --to: dev, the --server one
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(patchesTo(*m_dev), 1);
        QCOMPARE(patchBody(*m_dev),
                 QStringLiteral("{\"messageNotifications\":false,\"preferredLanguage\":\"tr\"}"));
        QCOMPARE(patchesTo(*m_prod), 0);
        QVERIFY2(run.err.contains(QStringLiteral("Applied 2 changes to Development")), qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("preferredLanguage")),
                 QJsonValue(QStringLiteral("tr")));
        QCOMPARE(cli(args({"diff", "dev", "prod"})).exitCode, 0);
    }

    void copyOfMatchingServersSendsNothing()
    {
        const CliRun run = cli(args({"copy", "--from", "prod", "--to", "dev"}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("Nothing to change: Development already has these values")),
                 qPrintable(run.err));
        QCOMPARE(patchesTo(*m_dev) + patchesTo(*m_prod), 0);
    }

    void copyDryRunPrintsTheBodyAndSendsNothing()
    {
        m_prod->setSettings(kUser, {{QStringLiteral("paymentNotifications"), false}});
        const CliRun run = cli(args({"copy", "--from", "prod", "--to", "dev", "--dry-run"}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).object(),
                 QJsonObject({{QStringLiteral("paymentNotifications"), false}}));
        QVERIFY(run.err.contains(QStringLiteral("Dry run")));
        QCOMPARE(patchesTo(*m_dev) + patchesTo(*m_prod), 0);
    }

    void copyToProductionNeedsATerminalOrYes()
    {
        m_dev->setSettings(kUser, {{QStringLiteral("followNotifications"), false}});
        const CliRun refused = cli(args({"copy", "--from", "dev", "--to", "prod"}));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("Refusing to change Production")),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(QStringLiteral("--yes")));
        QCOMPARE(patchesTo(*m_dev) + patchesTo(*m_prod), 0);
        QCOMPARE(m_prod->settings(kUser).value(QStringLiteral("followNotifications")), QJsonValue(true));

        const CliRun confirmed = cli(args({"copy", "--from", "dev", "--to", "production", "--yes"}));
        QCOMPARE(confirmed.exitCode, 0);
        QCOMPARE(patchesTo(*m_prod), 1);
        QCOMPARE(patchBody(*m_prod), QStringLiteral("{\"followNotifications\":false}"));
        QCOMPARE(patchesTo(*m_dev), 0);
        QCOMPARE(m_prod->settings(kUser).value(QStringLiteral("followNotifications")), QJsonValue(false));
    }

    // A server reaching Production's address (localhost for 127.0.0.1) is Production for copy and
    // import, even with its own confirmation turned off; another server that confirms every
    // change is refused without a terminal too, and told how to turn that off.
    void copyAndImportFollowTheProductionRuleByLocation()
    {
        QUrl alias = m_prod->baseUrl();
        alias.setHost(QStringLiteral("localhost"));
        QCOMPARE(cli(args({"servers", "set", "alias"})
                     << alias.toString() << QStringLiteral("--confirm") << QStringLiteral("no"))
                     .exitCode,
                 0);
        signIn("alias", m_prodTokens);
        m_dev->setSettings(kUser, {{QStringLiteral("followNotifications"), false}});
        const CliRun copied = cli(args({"copy", "--from", "dev", "--to", "alias"}));
        QCOMPARE(copied.exitCode, 2);
        QVERIFY2(copied.err.contains(QStringLiteral("Refusing to change Production")),
                 qPrintable(copied.err));
        const QString path = writeFile(QStringLiteral("off.json"), "{\"notifications\": false}");
        const CliRun imported = cli(args({"--server", "alias", "import"}) << path);
        QCOMPARE(imported.exitCode, 2);
        QVERIFY2(imported.err.contains(QStringLiteral("Refusing to change Production")),
                 qPrintable(imported.err));
        QCOMPARE(patchesTo(*m_prod), 0);

        // The same sandbox under a name that does not reach Production: its own confirmation.
        QCOMPARE(cli(args({"servers", "set", "lab"}) << m_dev->baseUrl().toString()).exitCode, 0);
        signIn("lab", m_devTokens);
        m_prod->setSettings(kUser, {{QStringLiteral("paymentNotifications"), false}});
        const CliRun lab = cli(args({"copy", "--from", "prod", "--to", "lab"}));
        QCOMPARE(lab.exitCode, 2);
        QVERIFY2(lab.err.contains(QStringLiteral("lab confirms every change")), qPrintable(lab.err));
        QVERIFY(lab.err.contains(QStringLiteral("--confirm no")));
        QCOMPARE(patchesTo(*m_dev) + patchesTo(*m_prod), 0);
        QCOMPARE(cli(args({"copy", "--from", "prod", "--to", "lab", "--yes"})).exitCode, 0);
        QCOMPARE(patchesTo(*m_dev), 1);
    }

    void copyNeedsTwoServers()
    {
        QCOMPARE(cli(args({"copy", "--to", "prod"})).exitCode, 2);
        const CliRun same = cli(args({"copy", "--from", "dev"}));
        QCOMPARE(same.exitCode, 2);
        QVERIFY(same.err.contains(QStringLiteral("two different servers")));
        QCOMPARE(m_dev->requests().size() + m_prod->requests().size(), 0);
    }

    void copyFromAServerYouAreNotSignedInToSaysSo()
    {
        QCOMPARE(cli(args({"--server", "prod", "token", "clear"})).exitCode, 0);
        clearRequestLogs();
        const CliRun run = cli(args({"copy", "--from", "prod", "--to", "dev"}));
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains(QStringLiteral("You are not signed in to Production")));
        QCOMPARE(patchesTo(*m_dev), 0);
    }

    // Errors end diff and copy with the usual codes and copy sends nothing: 4 for another 4xx from
    // Production, 5 for a 5xx, 6 for a locked keychain (not "not signed in").
    void diffAndCopyExitWithTheUsualCodes_data()
    {
        QTest::addColumn<int>("status"); // what Production answers; 0: the keychain is locked instead
        QTest::addColumn<int>("exitCode");
        QTest::newRow("404") << 404 << 4;
        QTest::newRow("503") << 503 << 5;
        QTest::newRow("locked keychain") << 0 << 6;
    }
    void diffAndCopyExitWithTheUsualCodes()
    {
        QFETCH(int, status);
        QFETCH(int, exitCode);
        if (status) {
            m_prod->addFault(QJsonObject{{QStringLiteral("fault"), QStringLiteral("status")},
                                         {QStringLiteral("status"), status},
                                         {QStringLiteral("count"), -1},
                                         {QStringLiteral("path"), QStringLiteral("/api/v1/user-settings")}});
        } else {
            QCOMPARE(SecretServiceControl::lockDefault(), QString());
        }
        const auto unlock = qScopeGuard([status] {
            if (!status)
                SecretServiceControl::unlockDefault();
        });
        const CliRun diff = cli(args({"diff", "dev", "prod"}));
        QCOMPARE(diff.exitCode, exitCode);
        QVERIFY(diff.outText().isEmpty()); // no half answer to read as "no differences"
        const CliRun copy = cli(args({"copy", "--from", "prod", "--to", "dev"}));
        QCOMPARE(copy.exitCode, exitCode);
        QVERIFY2(!copy.err.isEmpty(), "says what happened");
        QVERIFY(!copy.err.contains(QStringLiteral("not signed in"), Qt::CaseInsensitive));
        QCOMPARE(patchesTo(*m_dev), 0);
    }

    void exportWritesTheNineFieldsToStdout()
    {
        m_dev->setSettings(kUser, {{QStringLiteral("paymentNotifications"), false}});
        const CliRun run = cli(args({"export"}));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject exported = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(exported.size(), 9);
        QCOMPARE(exported.value(QStringLiteral("paymentNotifications")), QJsonValue(false));
        QVERIFY(!exported.contains(QStringLiteral("_id")));
        QVERIFY(!exported.contains(QStringLiteral("updatedAt")));
        QVERIFY(!run.outText().contains(QStringLiteral("_id")));
    }

    void exportToAFileAndImportItElsewhere()
    {
        m_prod->setSettings(kUser, {{QStringLiteral("liveStreamNotifications"), false},
                                    {QStringLiteral("totalMinutesVisibility"), false}});
        const QString path = QDir(m_env->home()).filePath(QStringLiteral("prod.json"));
        const CliRun exported = cli(args({"--server", "prod", "export"}) << path);
        QCOMPARE(exported.exitCode, 0);
        QCOMPARE(exported.outText(), QString());
        QVERIFY(exported.err.contains(QStringLiteral("Wrote the settings of Production")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().size(), 9);

        const CliRun imported = cli(args({"import"}) << path);
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(patchesTo(*m_dev), 1);
        QCOMPARE(patchBody(*m_dev),
                 QStringLiteral("{\"liveStreamNotifications\":false,\"totalMinutesVisibility\":false}"));
        QCOMPARE(patchesTo(*m_prod), 0);
        QCOMPARE(cli(args({"diff", "dev", "prod"})).exitCode, 0);
    }

    void exportToAnUnwritablePlaceSendsNothing()
    {
        const CliRun run = cli(args({"export", "/nonexistent-dir/settings.json"}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("Cannot write /nonexistent-dir/settings.json")));
        QCOMPARE(m_dev->requests().size(), 0);
    }

    void importReadsStandardInput()
    {
        const CliRun run = cli(args({"import", "-", "--json"}), R"({"preferredLanguage": "tr"})");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(patchBody(*m_dev), QStringLiteral("{\"preferredLanguage\":\"tr\"}"));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("preferredLanguage")),
                 QJsonValue(QStringLiteral("tr")));
    }

    void importOfMatchingValuesOrADryRunSendsNothing()
    {
        const CliRun same = cli(args({"import", "-"}), R"({"notifications": true})");
        QCOMPARE(same.exitCode, 0);
        QVERIFY(same.err.contains(QStringLiteral("Nothing to change")));
        const CliRun dry = cli(args({"import", "-", "--dry-run"}), R"({"notifications": false})");
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(dry.out).object(),
                 QJsonObject({{QStringLiteral("notifications"), false}}));
        QCOMPARE(patchesTo(*m_dev), 0);
    }

    void invalidFilesExit2AndSendNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes"); // null: the file is not there
        QTest::addColumn<QStringList>("reasons");
        QTest::newRow("missing") << QByteArray() << QStringList{QStringLiteral("does not exist")};
        QTest::newRow("empty") << QByteArray("") << QStringList{QStringLiteral("is empty")};
        QTest::newRow("invalid JSON")
            << QByteArray("{\"notifications\": off}") << QStringList{QStringLiteral("is not valid JSON")};
        QTest::newRow("over 64 KiB") << (QByteArray("{\"notifications\": false}") + QByteArray(70000, ' '))
                                     << QStringList{QStringLiteral("over 64 KiB")};
        QTest::newRow("bad entries")
            << QByteArray(R"({"notifications": "off", "colour": 1, "preferredLanguage": "xx",
                              "followNotifications": false})")
            << QStringList{QStringLiteral("because of these entries"),
                           QStringLiteral("notifications: true or false, not \"off\""),
                           QStringLiteral("colour: not a settings field"),
                           QStringLiteral("preferredLanguage: \"xx\" is not a language this app knows")};
    }

    void invalidFilesExit2AndSendNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, reasons);
        const QString path = bytes.isNull() ? QDir(m_env->home()).filePath(QStringLiteral("none.json"))
                                            : writeFile(QStringLiteral("bad.json"), bytes);
        QVERIFY(!path.isEmpty());
        const CliRun run = cli(args({"import"}) << path);
        QCOMPARE(run.exitCode, 2);
        for (const QString &reason : reasons)
            QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("No change was sent.")));
        QCOMPARE(m_dev->requests().size(), 0);
        if (!bytes.isNull()) { // the same from standard input
            const CliRun piped = cli(args({"import", "-"}), bytes);
            QCOMPARE(piped.exitCode, 2);
            QVERIFY2(piped.err.contains(reasons.first()), qPrintable(piped.err));
            QCOMPARE(m_dev->requests().size(), 0);
        }
    }

    void importToProductionNeedsATerminalOrYes()
    {
        const QString path = writeFile(QStringLiteral("off.json"), R"({"notifications": false})");
        const CliRun refused = cli(args({"--server", "prod", "import"}) << path);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QStringLiteral("--yes")));
        // Why it cannot ask, for `import -` started from a terminal too: stdin is the file.
        QVERIFY2(refused.err.contains(QStringLiteral("standard input, which is not a terminal here")),
                 qPrintable(refused.err));
        QCOMPARE(patchesTo(*m_prod), 0);
        const CliRun confirmed = cli(args({"--server", "prod", "import", "--yes"}) << path);
        QCOMPARE(confirmed.exitCode, 0);
        QCOMPARE(patchesTo(*m_prod), 1);
        QCOMPARE(patchBody(*m_prod), QStringLiteral("{\"notifications\":false}"));
        QCOMPARE(patchesTo(*m_dev), 0);
    }

    void helpListsTheQaCommands()
    {
        const CliRun run = cli(args({"--help"}));
        QCOMPARE(run.exitCode, 0);
        for (const char *usage : {"diff A B [--json]", "copy --from A [--to B] [--dry-run] [--yes] [--json]",
                                  "export [FILE]", "import FILE|- [--dry-run] [--yes] [--json]"})
            QVERIFY2(run.outText().contains(QString::fromUtf8(usage)), usage);
    }
};

QTEST_GUILESS_MAIN(TestQaCli)
#include "tst_cli.moc"
