// The window on a locked keychain (the real Secret Service, run through with-keyring): it says the
// keychain is locked instead of "not signed in", and Retry, once the user unlocked it, reads the
// sign-in again and loads the settings.
#include "../gui/WindowTestKit.h"
#include "SecretServiceControl.h"
#include "auth/AccountSession.h"
#include "auth/KeychainTokenStore.h"

#include <QScopeGuard>

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
};

QTEST_MAIN(TestLockedWindow)
#include "tst_lockedwindow.moc"
