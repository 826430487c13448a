// Secrets audit through the window, on the real Secret Service (run through with-keyring): a
// scripted session in the real window — sign in by email through the dialog, apply, a refresh
// (the tokens rotate), apply again, sign out, paste a minted token, apply, sign out, export the
// request log — with this process's stdout and stderr captured. Then HOME, the XDG dirs, new /tmp
// files, the export, the captured output and everything the request log shows are searched for
// every access and refresh token that existed, and none may be found.
#include "../gui/WindowTestKit.h"
#include "MessageBox.h"
#include "RequestLogDock.h"
#include "SecretSearch.h"
#include "auth/AccountSession.h"
#include "servers/ServerRegistry.h"

#include <QPlainTextEdit>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <cstdio>
#include <unistd.h>

using namespace kit;

namespace {
// Sends this process's stdout and stderr (fds 1 and 2: qDebug, printf, anything a library prints)
// into files while it lives.
class OutputCapture
{
public:
    explicit OutputCapture(const QString &dir)
        : m_out(dir + QStringLiteral("/stdout.txt")), m_err(dir + QStringLiteral("/stderr.txt"))
    {
        std::fflush(stdout);
        std::fflush(stderr);
        m_savedOut = ::dup(STDOUT_FILENO);
        m_savedErr = ::dup(STDERR_FILENO);
        if (m_out.open(QIODevice::WriteOnly) && m_err.open(QIODevice::WriteOnly)) {
            ::dup2(m_out.handle(), STDOUT_FILENO);
            ::dup2(m_err.handle(), STDERR_FILENO);
        }
    }
    // A failure inside the session is reported into the capture: show it.
    ~OutputCapture()
    {
        const bool wasCapturing = m_savedOut >= 0;
        stop();
        if (wasCapturing && QTest::currentTestFailed())
            std::fputs(text().constData(), stderr);
    }
    OutputCapture(const OutputCapture &) = delete;
    OutputCapture &operator=(const OutputCapture &) = delete;

    void stop()
    {
        if (m_savedOut < 0)
            return;
        std::fflush(stdout);
        std::fflush(stderr);
        ::dup2(m_savedOut, STDOUT_FILENO);
        ::dup2(m_savedErr, STDERR_FILENO);
        ::close(m_savedOut);
        ::close(m_savedErr);
        m_savedOut = m_savedErr = -1;
        m_out.close();
        m_err.close();
    }
    QByteArray text() const { return read(m_out.fileName()) + read(m_err.fileName()); }

private:
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QFile m_out;
    QFile m_err;
    int m_savedOut = -1;
    int m_savedErr = -1;
};

} // namespace

using namespace SecretSearch;

class TestGuiSecrets : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    QStringList m_keyringDirs; // HOME and XDG dirs that with-keyring made (the keyring lives there)
    QDateTime m_started;
    QTemporaryDir m_dir; // the export and the captured output
    std::unique_ptr<SandboxProcess> m_sandbox;
    WindowDriver m_ui;

    void applyFlip(const QString &key)
    {
        m_ui.flip(key);
        m_ui.clickApply();
        m_ui.waitIdle();
        QVERIFY2(!m_ui.errorBanner()->isVisible(), qPrintable(m_ui.errorText()));
        QVERIFY(!m_ui.model()->hasPending());
    }

    void signOut()
    {
        const int before =
            int(m_sandbox->requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/revoke")).size());
        m_ui.click(m_ui.window->accountPanel()->signOutButton());
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui.current()->account()->isSignedIn() &&
                                     m_ui.window->accountPanel()->signInButton()->isVisible(),
                                 kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            int(m_sandbox->requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/revoke")).size()),
            before + 1, kWaitMs);
        // The keychain has forgotten it too: a fresh load finds nothing.
        QTRY_COMPARE_WITH_TIMEOUT(m_ui.accountStatus()->text(),
                                  QStringLiteral("Not signed in to Development."), kWaitMs);
    }

    // What the request log shows: each exchange's details and its cURL command.
    QByteArray requestLogOnScreen() const
    {
        RequestLogDock *log = m_ui.window->requestLog();
        QByteArray shown;
        for (int row = 0; row < log->table()->model()->rowCount(); ++row) {
            log->table()->selectRow(row);
            shown +=
                log->detailsView()->toPlainText().toUtf8() + '\n' + log->selectedAsCurl().toUtf8() + '\n';
        }
        return shown;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty(), "run through with-keyring");
        QVERIFY(m_env.isValid() && m_dir.isValid());
        m_started = QDateTime::currentDateTime().addSecs(-2); // file times have coarse resolution
        m_keyringDirs = SecretSearch::homeDirs();
        becomeTheApp(m_env);
        m_sandbox = startDevServer();
        QVERIFY(m_sandbox->isRunning());
    }

    void windowSessionLeavesNoTokenOutsideTheKeychain()
    {
        const QString exported = m_dir.filePath(QStringLiteral("request-log.json"));
        const QByteArray canary = "canary-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        QSet<QString> minted;
        SandboxProcess::Tokens pasted;
        QByteArray onScreen;
        auto capture = std::make_unique<OutputCapture>(m_dir.path());
        {
            // The real keychain (no store injected): not signed in yet.
            m_ui.open(QStringLiteral("dev"), nullptr);
            QTRY_COMPARE_WITH_TIMEOUT(m_ui.accountStatus()->text(),
                                      QStringLiteral("Not signed in to Development."), kWaitMs);
            m_ui.signInByEmail(this, kUser);
            m_ui.waitLoaded();
            QTRY_VERIFY2_WITH_TIMEOUT(
                m_ui.accountStatus()->text().contains(QStringLiteral(" on Development, until ")),
                qPrintable(m_ui.accountStatus()->text()), kWaitMs);
            applyFlip(kPayment);

            // A refresh: the access and the refresh token rotate; the next Apply uses the new pair.
            QSignalSpy refreshed(m_ui.current()->account(), &Authenticator::refreshed);
            m_ui.current()->account()->refresh();
            QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, kWaitMs);
            QCOMPARE(refreshed.first().first().toBool(), true);
            QTRY_VERIFY_WITH_TIMEOUT(!m_ui.current()->account()->isSaving(), kWaitMs);
            applyFlip(kMessages);
            signOut();

            // A pasted token (minted here), with "Bearer " as copied from a browser.
            pasted = m_sandbox->mintToken(kUser);
            minted << pasted.access << pasted.refresh;
            m_ui.withSignInDialog(this, [&pasted](SignInDialog *dialog) {
                dialog->tokenEdit()->setPlainText(QStringLiteral("Bearer ") + pasted.access);
                QTest::mouseClick(dialog->useTokenButton(), Qt::LeftButton);
            });
            QTRY_VERIFY_WITH_TIMEOUT(
                m_ui.current()->account()->isSignedIn() && !m_ui.current()->account()->isSaving(), kWaitMs);
            applyFlip(kPayment);
            signOut();

            QString error;
            QVERIFY2(m_ui.window->requestLog()->exportTo(exported, &error), qPrintable(error));
            onScreen = requestLogOnScreen();
            std::fputs(canary.constData(), stdout); // shows below that the capture catches output
            std::fputc('\n', stderr);
            m_ui.close();
        }
        capture->stop();
        const QByteArray output = capture->text();
        QVERIFY2(output.contains(canary), "the output capture caught nothing");

        // Every token that existed: minted here, and what the app got by signing in and refreshing,
        // as it came back in its requests.
        const QJsonArray requests = m_sandbox->requests();
        const QSet<QString> seen = tokensIn(requests);
        // Sign-in's pair, the refresh's rotated pair, the pasted access token.
        QVERIFY2((seen - minted).size() >= 4, qPrintable(QString::number((seen - minted).size())));
        QVERIFY(seen.contains(pasted.access));
        const QList<QByteArray> needles = needlesOf(seen + minted);

        // The export holds the session (sign-in, refresh, revoke) — so searching it means something.
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exportText = file.readAll();
        for (const char *path :
             {"/auth/verify-otp-email", "/auth/refresh", "/auth/revoke-token", "/user-settings"})
            QVERIFY2(exportText.contains(path), path);
        QVERIFY(exportText.contains("<redacted>"));

        QStringList leaks;
        leaks << hitsIn(QStringLiteral("export"), exportText, needles);
        leaks << hitsIn(QStringLiteral("captured output"), output, needles);
        leaks << hitsIn(QStringLiteral("request log on screen"), onScreen, needles);
        leaks << hitsIn(QStringLiteral("sandbox log"), m_sandbox->stderrText().toUtf8(), needles);
        int filesRead = 0;
        leaks << search(m_env.home(), needles, &filesRead); // HOME and every XDG dir are inside it
        const int filesInHome = filesRead;
        for (const QString &dir : std::as_const(m_keyringDirs))
            leaks << search(dir, needles, &filesRead);
        leaks << search(QDir::tempPath(), needles, &filesRead, m_started);
        qInfo("audit: %lld tokens, %lld requests, %d files read (%d in the test HOME), %lld bytes of output",
              qint64(needles.size()), qint64(requests.size()), filesRead, filesInHome, qint64(output.size()));
        QVERIFY2(filesInHome > 0, "the server profile should be on disk in the test HOME");
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestGuiSecrets)
#include "tst_guisecrets.moc"
