// The command line checks what the server answers instead of guessing: a value not of its type
// prints as "?" with a message naming it (exit 5), a change the PATCH answer does not read back
// is named (exit 5), and the server's own error messages come first. A separate process against
// the real sandbox, as QA scripts run it.
#include "CliProcess.h"
#include "CliSandbox.h"

#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject fault(const QString &name, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("fault"), name);
    extra.insert(QStringLiteral("path"), QStringLiteral("/api/v1/user-settings"));
    return extra;
}
} // namespace

class TestCliAnswers : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;

    CliRun cli(const QStringList &arguments)
    {
        QProcessEnvironment env = m_cli.environment(m_cli.token());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return runCli(m_cli.onServer(arguments), env);
    }

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_cli.start(), QString()); }
    void init() { QVERIFY(m_cli.fresh()); }

    void getPrintsUnreadableFieldsAsQuestionMarksAndExits5()
    {
        m_cli.server().addFault(
            fault(QStringLiteral("wrongtypes"),
                  {{QStringLiteral("values"),
                    QJsonObject{{QStringLiteral("notifications"), 1},
                                {QStringLiteral("preferredLanguage"), QJsonValue::Null}}}}));
        const CliRun run = cli({QStringLiteral("get")});
        QCOMPARE(run.exitCode, 5);
        const QStringList lines = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(QStringLiteral("notifications=?")), run.out.constData());
        QVERIFY2(lines.contains(QStringLiteral("preferredLanguage=?")), run.out.constData());
        // The readable fields are still printed, with their values.
        QVERIFY2(lines.contains(QStringLiteral("paymentNotifications=true")), run.out.constData());
        QCOMPARE(lines.size(), 9);
        QVERIFY2(run.err.contains(QStringLiteral("notifications could not be read: the server sent 1")),
                 qPrintable(run.err));
        QVERIFY2(
            run.err.contains(QStringLiteral("preferredLanguage could not be read: the server sent null")),
            qPrintable(run.err));
    }

    // A language the server has and this app does not: printed as sent, exit 0, with a note.
    void getNotesALanguageThisAppDoesNotKnow()
    {
        m_cli.server().addFault(
            fault(QStringLiteral("wrongtypes"),
                  {{QStringLiteral("values"),
                    QJsonObject{{QStringLiteral("preferredLanguage"), QStringLiteral("de")}}}}));
        const CliRun run = cli({QStringLiteral("get")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.outText().split(QLatin1Char('\n')).contains(QStringLiteral("preferredLanguage=de")),
                 run.out.constData());
        QVERIFY2(
            run.err.contains(QStringLiteral("preferredLanguage is de, a language this app does not know")),
            qPrintable(run.err));
    }

    void getJsonStaysTheServersObject()
    {
        m_cli.server().addFault(fault(QStringLiteral("wrongtypes")));
        const CliRun run = cli({QStringLiteral("get"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("notifications")),
                 QJsonValue(1));
    }

    void setThatTheServerIgnoresExits5NamingTheField()
    {
        m_cli.server().addFault(
            fault(QStringLiteral("ignorepatch"), {{QStringLiteral("method"), QStringLiteral("PATCH")}}));
        const CliRun run = cli({QStringLiteral("set"), QStringLiteral("notifications=off"),
                                QStringLiteral("messageNotifications=off")});
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 1);
        QVERIFY2(run.err.contains(QStringLiteral("did not apply notifications=false: its answer holds true")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("did not apply messageNotifications=false")),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("Applied")), qPrintable(run.err));
    }

    void setThatTheServerAppliesExits0()
    {
        const CliRun run = cli({QStringLiteral("set"), QStringLiteral("notifications=off")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("Applied 1 change")), qPrintable(run.err));
        QCOMPARE(m_cli.server().settings().value(QStringLiteral("notifications")), QJsonValue(false));
    }

    // A 409 with the server's message: that message first, verbatim, then no invented cause and
    // no promise about kept changes.
    void conflictShowsTheServersWordsFirst()
    {
        m_cli.server().addFault(
            fault(QStringLiteral("status"),
                  {{QStringLiteral("status"), 409},
                   {QStringLiteral("method"), QStringLiteral("PATCH")},
                   {QStringLiteral("errors"), QJsonArray{QStringLiteral("Ayarlar şu an kilitli")}}}));
        const CliRun run = cli({QStringLiteral("set"), QStringLiteral("notifications=off")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.startsWith(QStringLiteral("Ayarlar şu an kilitli. The server answered 409.")),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("meanwhile")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("kept")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Run the command again.")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAnswers)
#include "tst_cli_answers.moc"
