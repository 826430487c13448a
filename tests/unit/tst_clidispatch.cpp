// The command line's dispatch, in process: each command name reaches its command, anything else
// is bad usage (exit 2) with a message on stderr, and nothing is looked up or sent.
#include "TestEnv.h"
#include "cli/CliApp.h"
#include "cli/CliCommand.h"

#include <QTemporaryFile>
#include <QTest>
#include <cstdio>
#include <unistd.h>

namespace {
struct Outcome
{
    int exitCode = -1;
    QString err;
};

// Runs the command line in this process with stderr (file descriptor 2) going to a file.
Outcome runCapturingStderr(const QStringList &arguments)
{
    Outcome outcome;
    QTemporaryFile file;
    if (!file.open())
        return outcome;
    std::fflush(stderr);
    const int saved = dup(STDERR_FILENO);
    dup2(file.handle(), STDERR_FILENO);
    outcome.exitCode = CliApp().run(arguments);
    std::fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    QFile written(file.fileName());
    if (written.open(QIODevice::ReadOnly))
        outcome.err = QString::fromUtf8(written.readAll());
    return outcome;
}
} // namespace

class TestCliDispatch : public QObject
{
    Q_OBJECT

    TestEnv m_env; // no settings file of the user's is read

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_env.isValid());
        m_env.applyToCurrentProcess();
    }

    void everyCommandHasItsClass()
    {
        const CliOptions options;
        for (const char *name :
             {"get", "set", "servers", "login", "logout", "token", "diff", "copy", "export", "import"})
            QVERIFY2(CliApp::command(QString::fromLatin1(name), options), name);
        for (const char *name : {"Get", "gets", "help", "--", ""})
            QVERIFY2(!CliApp::command(QString::fromLatin1(name), options), name);
    }

    void unknownCommandExits2WithAMessage()
    {
        const Outcome outcome = runCapturingStderr({QStringLiteral("frobnicate"), QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(QStringLiteral("Unknown command \"frobnicate\"")),
                 qPrintable(outcome.err));
        QVERIFY2(outcome.err.contains(QStringLiteral("--help")), qPrintable(outcome.err));
    }

    void noCommandExits2WithTheUsage()
    {
        const Outcome outcome = runCapturingStderr({});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(QStringLiteral("Usage: allmine-settings-cli")),
                 qPrintable(outcome.err));
    }

    // Refused before any command runs: no server is looked up, so the message is the timeout's.
    void timeoutNanExits2NamingTheRange()
    {
        const Outcome outcome = runCapturingStderr({QStringLiteral("--timeout"), QStringLiteral("nan"),
                                                    QStringLiteral("--server"), QStringLiteral("nowhere"),
                                                    QStringLiteral("get")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(QStringLiteral("--timeout takes a number of seconds from 1 to 3600")),
                 qPrintable(outcome.err));
    }
};

QTEST_GUILESS_MAIN(TestCliDispatch)
#include "tst_clidispatch.moc"
