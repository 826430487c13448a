// The window on a locked keychain (the real Secret Service, run through with-keyring): it says the
// keychain is locked instead of "not signed in", and Retry, once the user unlocked it, reads the
// sign-in again and loads the settings.
#include "../gui/WindowTestKit.h"
#include "CompareDialog.h"
#include "SecretServiceControl.h"
#include "auth/AccountSession.h"
#include "auth/KeychainTokenStore.h"

#include <QScopeGuard>
#include <QTableWidget>

using namespace kit;

class TestLockedWindow : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_sandbox;
    WindowDriver m_ui;

    bool lockedShown() const
    {
        AccountPanel *panel = m_ui.window->accountPanel();
        return m_ui.accountStatus()->text().startsWith(QStringLiteral("The keychain is locked")) &&
               panel->retryButton()->isVisible() && panel->retryButton()->isEnabled() &&
               !panel->signInButton()->isEnabled() && !panel->signOutButton()->isVisible();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty(), "run through with-keyring");
        becomeTheApp(m_env);
        m_sandbox = startDevServer();
        QVERIFY(m_sandbox->isRunning());
    }

    void retryAfterUnlockSignsIn()
    {
        KeychainTokenStore keychain;
        const SandboxProcess::Tokens tokens = m_sandbox->mintToken(kUser);
        QVERIFY(seed(keychain, m_sandbox->baseUrl(), {tokens.access, tokens.refresh}));
        QCOMPARE(SecretServiceControl::lockDefault(), QString());
        const auto unlock = qScopeGuard([] { SecretServiceControl::unlockDefault(); });

        m_ui.open(QStringLiteral("dev"), nullptr); // the window's own keychain store
        QTRY_VERIFY2_WITH_TIMEOUT(lockedShown(), qPrintable(m_ui.accountStatus()->text()), kWaitMs);
        QVERIFY(!m_ui.model()->isLoaded());
        QPushButton *retry = m_ui.window->accountPanel()->retryButton();
        QCOMPARE(retry->text(), QStringLiteral("Retry"));

        // Still locked: Retry asks again and says the same; nothing is sent.
        retry->setFocus();
        QTest::keyClick(retry, Qt::Key_Space);
        QVERIFY2(m_ui.accountStatus()->text().startsWith(QStringLiteral("Checking the sign-in")),
                 qPrintable(m_ui.accountStatus()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(lockedShown(), kWaitMs);
        QTRY_VERIFY(retry->hasFocus());
        QVERIFY(m_sandbox->requests().isEmpty());

        // The user unlocks the keychain (here over D-Bus, as a password manager would) and clicks Retry.
        QCOMPARE(SecretServiceControl::unlockDefault(), QString());
        m_ui.click(retry);
        m_ui.waitLoaded();
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.current()->account()->isSignedIn(), kWaitMs);
        QTRY_VERIFY2_WITH_TIMEOUT(m_ui.accountStatus()->text().contains(QStringLiteral(" on Development")),
                                  qPrintable(m_ui.accountStatus()->text()), kWaitMs);
        QVERIFY(!retry->isVisible());
        QCOMPARE(countOf(*m_sandbox, QStringLiteral("GET"), QString::fromLatin1(SettingsSession::kPath)), 1);
        m_ui.close();
    }

    // Compare with… a server whose sign-in is in the locked keychain: the dialog says so and
    // offers Retry, which asks the keychain again and, once it is unlocked, shows that server's
    // settings. The window itself runs on ALLMINE_TOKEN and needs no keychain.
    void compareOnALockedKeychainOffersRetry()
    {
        const auto staging = std::make_unique<SandboxProcess>();
        QVERIFY(staging->isRunning());
        QCOMPARE(ServerRegistry().set(QStringLiteral("staging"), staging->baseUrl()), QString());
        const auto forget = qScopeGuard([] { ServerRegistry().remove(QStringLiteral("staging")); });
        KeychainTokenStore keychain;
        const SandboxProcess::Tokens there = staging->mintToken(kUser);
        QVERIFY(seed(keychain, staging->baseUrl(), {there.access, there.refresh}));
        const SandboxProcess::Tokens here = m_sandbox->mintToken(kUser);
        QCOMPARE(SecretServiceControl::lockDefault(), QString());
        const auto unlock = qScopeGuard([] { SecretServiceControl::unlockDefault(); });
        m_ui.openLoaded(QStringLiteral("dev"), nullptr, here.access);

        QString locked;
        QString asking;
        bool compared = false;
        bool kept = false;
        const auto steps = [&](CompareDialog *dialog) {
            QPushButton *retry = dialog->retryButton();
            QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), kWaitMs);
            QVERIFY(!dialog->signInButton()->isVisible()); // a sign-in the keychain could not keep
            locked = dialog->statusLabel()->text();
            retry->setFocus();
            QTest::keyClick(retry, Qt::Key_Space); // still locked: asked again, the same answer
            asking = dialog->statusLabel()->text();
            QTRY_COMPARE_WITH_TIMEOUT(dialog->statusLabel()->text(), locked, kWaitMs);
            kept = retry->isVisible() && retry->hasFocus();
            QCOMPARE(SecretServiceControl::unlockDefault(), QString());
            QTest::keyClick(retry, Qt::Key_Space);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->table()->item(0, 2)->text().isEmpty(), kWaitMs);
            compared = !retry->isVisible();
        };
        const QPointer<QTimer> watch = whenModal<CompareDialog>(this, [&steps](CompareDialog *dialog) {
            steps(dialog);
            dialog->reject(); // also when a check above failed, so the test ends
        });
        pressIn(m_ui.window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        delete watch.data();
        QVERIFY2(locked.startsWith(QStringLiteral("The keychain is locked")), qPrintable(locked));
        QCOMPARE(asking, QStringLiteral("Reading the sign-in for staging…"));
        QVERIFY(kept);
        QVERIFY(compared);
        QCOMPARE(countOf(*staging, QStringLiteral("GET"), QString::fromLatin1(SettingsSession::kPath)), 1);
        m_ui.close();
    }
};

QTEST_MAIN(TestLockedWindow)
#include "tst_lockedwindow.moc"
