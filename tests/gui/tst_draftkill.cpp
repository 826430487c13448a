// No lost edits after a real kill: this test runs its own binary twice as a child process on the
// same HOME. The first child opens the real window (offscreen) on the sandbox, flips a toggle,
// waits until the draft is on disk and says so; the test then SIGKILLs it (no close event, no
// destructor). The second child opens the window again and reports what the user sees: the
// "Unsent changes from last time" notice, and after Restore the toggle flipped and marked changed.
#include "WindowTestKit.h"
#include "servers/ServerRegistry.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <cstdio>

using namespace kit;

namespace {
const char kEditArg[] = "--child-edit";
const char kRestoreArg[] = "--child-restore";

// The app's settings file, where drafts are kept (QSettings' native format on Linux).
QString settingsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/Allmine/" ALLMINE_APP_ID ".conf");
}

bool draftOnDisk(const QString &key)
{
    QFile file(settingsFile());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = file.readAll();
    return text.contains("[drafts]") && text.contains(key.toUtf8());
}

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

// The child: the real window with ALLMINE_TOKEN, as `allmine-settings --server dev` opens it.
int runChild(bool edit)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
    QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    WindowDriver ui;
    ui.open(QStringLiteral("dev"), nullptr, qEnvironmentVariable("ALLMINE_TOKEN"));
    if (!QTest::qWaitFor([&ui] { return ui.loaded(); }, kWaitMs)) {
        say(QStringLiteral("error: settings not loaded: ") + ui.errorText());
        return 1;
    }
    if (edit) {
        if (draftOnDisk(kPayment)) {
            say(QStringLiteral("error: a draft existed before the edit"));
            return 1;
        }
        ui.flip(kPayment);
        if (!ui.shownAsChanged(kPayment)) {
            say(QStringLiteral("error: the flip did not register"));
            return 1;
        }
        // The draft is written ~200 ms after the last edit: wait for it on disk, then be killed.
        if (!QTest::qWaitFor([] { return draftOnDisk(kPayment); }, kWaitMs)) {
            say(QStringLiteral("error: no draft in ") + settingsFile());
            return 1;
        }
        say(QStringLiteral("edited"));
        QTimer::singleShot(120000, qApp, [] { QCoreApplication::exit(3); }); // never outlive the test
        return QCoreApplication::exec();
    }
    NoticeBanner *notice = ui.window->noticeBanner();
    if (!QTest::qWaitFor([notice] { return notice->isVisible(); }, kWaitMs)) {
        say(QStringLiteral("error: no notice shown"));
        return 1;
    }
    say(QStringLiteral("offered: %1 | %2 | %3 | before: checked=%4 changed=%5")
            .arg(notice->title(), notice->message(), notice->actionButton()->text())
            .arg(ui.box(kPayment)->isChecked())
            .arg(ui.shownAsChanged(kPayment)));
    ui.click(notice->actionButton());
    say(QStringLiteral("restored: checked=%1 changed=%2 pending=%3 notice=%4 apply=%5")
            .arg(ui.box(kPayment)->isChecked())
            .arg(ui.shownAsChanged(kPayment))
            .arg(QString::fromUtf8(QJsonDocument(ui.model()->pendingPatch()).toJson(QJsonDocument::Compact)))
            .arg(notice->isVisible())
            .arg(ui.applyButton()->text()));
    return 0;
}
} // namespace

class TestDraftKill : public QObject
{
    Q_OBJECT

    TestEnv m_env; // HOME and XDG dirs shared by both children
    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxProcess::Tokens m_tokens;

    QProcessEnvironment childEnvironment() const
    {
        QProcessEnvironment env = m_env.environment();
        env.insert(QStringLiteral("ALLMINE_TOKEN"), QStringLiteral("Bearer ") + m_tokens.access);
        return env;
    }

    void start(QProcess &child, const char *mode) const
    {
        child.setProcessEnvironment(childEnvironment());
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(mode)});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env); // this process writes the server profile into the children's HOME
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->isRunning());
        m_sandbox->setSettings(kUser, defaults());
        m_tokens = m_sandbox->mintToken(kUser);
        QVERIFY(!m_tokens.access.isEmpty());
        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), m_sandbox->baseUrl()), QString());
    }

    void unsentEditSurvivesSigkill()
    {
        // What the user sees: they flip "Payments" off and the app is killed before they apply.
        QProcess editing;
        start(editing, kEditArg);
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += editing.readAllStandardOutput()).contains("edited") ||
                                     said.contains("error") || editing.state() == QProcess::NotRunning,
                                 60000);
        QVERIFY2(said.contains("edited"), said.constData());
        editing.kill(); // SIGKILL: no close event, no destructors, no last-moment write
        QVERIFY(editing.waitForFinished(10000));
        QCOMPARE(editing.exitStatus(), QProcess::CrashExit);
        QCOMPARE(m_sandbox->requests(QStringLiteral("PATCH")).size(), 0);

        // Started again on the same HOME, the window offers the change back; Restore brings the
        // toggle back off, marked as changed, ready to apply — and nothing was sent meanwhile.
        QProcess restoring;
        start(restoring, kRestoreArg);
        QVERIFY(restoring.waitForFinished(60000));
        const QString out = QString::fromUtf8(restoring.readAllStandardOutput());
        QVERIFY2(restoring.exitStatus() == QProcess::NormalExit && restoring.exitCode() == 0,
                 qPrintable(out));
        QVERIFY2(out.contains(
                     QStringLiteral("offered: Unsent changes from last time | 1 change to Development was "
                                    "not sent before the app closed. | Restore | before: checked=1 "
                                    "changed=0")),
                 qPrintable(out));
        QVERIFY2(out.contains(
                     QStringLiteral("restored: checked=0 changed=1 pending={\"paymentNotifications\":false} "
                                    "notice=0 apply=Apply 1 change to Development")),
                 qPrintable(out));
        QCOMPARE(m_sandbox->requests(QStringLiteral("PATCH")).size(), 0);
        QCOMPARE(m_sandbox->settings().value(kPayment), QJsonValue(true));
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QLatin1String(kEditArg)) || arguments.contains(QLatin1String(kRestoreArg)))
        return runChild(arguments.contains(QLatin1String(kEditArg)));
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestDraftKill test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_draftkill.moc"
