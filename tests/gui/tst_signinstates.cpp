// One truth about sign-in, and Production known by where it is, in the real window offscreen
// against real sandboxes. The account panel shows whom the server says is signed in
// (validate-token), "checking" while it is asked, a rejected token with Sign in (and never
// "signed in" beside it), and a new sign-in clears what was said about the old one. A custom
// server at another spelling of Production's address gets the red banner and the confirmation;
// another custom server confirms every change until that is turned off.
#include "ProductionConfirmDialog.h"
#include "ServersDialog.h"
#include "WindowTestKit.h"

#include <QCheckBox>
#include <QListWidget>
#include <QRegularExpression>

using namespace kit;

namespace {
const QString kValidate = QStringLiteral("/api/v1/auth/validate-token");

QJsonObject faultOn(const QString &path, const QString &name, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("path"), path);
    return fault(name, extra);
}
} // namespace

class TestSignInStates : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    TwoServers m_servers; // "dev" and "staging"
    WindowDriver m_ui;

    AccountPanel *panel() const { return m_ui.window->accountPanel(); }
    QString status() const { return m_ui.accountStatus()->text(); }
    bool saysSignedIn() const { return status().contains(QStringLiteral("Signed in")); }
    // Signed in on Development with a token set the keychain holds; `withRefresh` false: a pasted
    // token, which cannot be renewed.
    void seedDev(bool withRefresh = true)
    {
        const SandboxProcess::Tokens tokens = m_servers.dev->mintToken(kUser);
        QVERIFY(seed(*m_servers.store, m_servers.dev->baseUrl(),
                     {tokens.access, withRefresh ? tokens.refresh : QString()}));
    }
    // The panel offers Sign in (enabled), and says nothing of being signed in.
    bool offersSignIn() const
    {
        return panel()->signInButton()->isVisible() && panel()->signInButton()->isEnabled() &&
               !saysSignedIn() && !panel()->signOutEverywhereButton()->isVisible();
    }

    // Opens Development with a token that cannot be renewed, its first two requests (the load and
    // the sign-in check, whichever comes first) refused with 401: the panel says "rejected" and the
    // error banner shows.
    void openRejected()
    {
        seedDev(false);
        m_servers.dev->addFault(faultOn(QStringLiteral("/api/v1/"), QStringLiteral("status"),
                                        {{QStringLiteral("status"), 401}, {QStringLiteral("count"), 2}}));
        m_ui.open(QStringLiteral("dev"), m_servers.store.get());
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("rejected")), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.errorBanner()->isVisible(), kWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        m_servers.start();
    }

    void init()
    {
        m_servers.fresh();
        AppSettings::open()->remove(QStringLiteral("accounts")); // no name remembered from an earlier test
    }

    void cleanup() { m_servers.finish(m_ui); }

    // Signed in from the keychain: the server is asked, and the panel names the account as the
    // server does (its email, not the token's id), with the sandbox's "registration not finished".
    void panelShowsWhomTheServerNames()
    {
        seedDev();
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        QTRY_VERIFY_WITH_TIMEOUT(
            status().startsWith(QStringLiteral("Signed in as %1 on Development").arg(kUser)), kWaitMs);
        // Two sentences: the sign-in (ending with its time), then the registration.
        QVERIFY2(QRegularExpression(QStringLiteral("^Signed in as [^ ]+ on Development, until [^.]+\\. This "
                                                   "account has not finished registering; [^.]+\\.$"))
                     .match(status())
                     .hasMatch(),
                 qPrintable(status()));
        QVERIFY(panel()->signOutButton()->isVisible());
        QVERIFY(!panel()->signInButton()->isVisible());
        QCOMPARE(countOf(*m_servers.dev, QStringLiteral("GET"), kValidate), 1);
    }

    // While the server is asked the panel says so, offers neither Sign out nor an enabled Sign in;
    // then it names the account.
    void checkingWhileTheServerIsAsked()
    {
        seedDev();
        m_servers.dev->addFault(
            faultOn(kValidate, QStringLiteral("slow"), {{QStringLiteral("delayMs"), 1500}}));
        m_ui.open(QStringLiteral("dev"), m_servers.store.get());
        QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("Checking the sign-in for Development…"), kWaitMs);
        QVERIFY(!panel()->signOutButton()->isVisible());
        QVERIFY(!panel()->signInButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("Signed in as %1").arg(kUser)), kWaitMs);
    }

    // The server cannot be asked (5xx): still signed in, the panel says the server could not be
    // asked; never "rejected".
    void unansweredCheckKeepsTheSignIn()
    {
        seedDev();
        m_servers.dev->addFault(faultOn(kValidate, QStringLiteral("status"),
                                        {{QStringLiteral("status"), 503}, {QStringLiteral("count"), -1}}));
        m_ui.open(QStringLiteral("dev"), m_servers.store.get());
        m_ui.setPolicy([](ApiClient::Policy &policy) { policy.backoffMs = 10; });
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("could not be asked")), kWaitMs);
        QVERIFY(saysSignedIn());
        QVERIFY(panel()->signOutButton()->isVisible());
    }

    // A token the server rejects (and that cannot be renewed): the panel says so and offers Sign in
    // — and nowhere "signed in". Signing in again (keyboard and clicks) clears the error banner, and
    // the panel names the account.
    void rejectedTokenOffersSignInAndANewSignInClearsTheBanners()
    {
        openRejected();
        QVERIFY2(offersSignIn(), qPrintable(status()));
        QCOMPARE(status(),
                 QStringLiteral("The server rejected your sign-in to Development. Sign in again; your "
                                "changes are kept."));

        m_ui.signInByEmail(this, kUser);
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("Signed in as %1").arg(kUser)), kWaitMs);
        m_ui.waitLoaded();
        QVERIFY2(m_ui.errorBanner()->isHidden(), qPrintable(m_ui.errorText()));
        QVERIFY(!panel()->signInButton()->isVisible());
    }

    // A refused sign-in (401, no way to renew) says "Sign in again"; F5 loads with the same token
    // and the server accepts it: the panel says "Signed in" and the refusal is gone with it, never
    // beside it.
    void aReloadTheServerAcceptsEndsTheRefusal()
    {
        openRejected();
        QVERIFY2(m_ui.errorText().contains(QStringLiteral("Sign in again")), qPrintable(m_ui.errorText()));

        pressIn(m_ui.window.get(), Qt::Key_F5);
        m_ui.waitLoaded();
        QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("Signed in as ")), kWaitMs);
        QVERIFY2(m_ui.errorBanner()->isHidden(), qPrintable(m_ui.errorText()));
    }

    // ALLMINE_TOKEN refused: no sign-in replaces it in this run, so the error and the account
    // line both say to start the app without it, and nothing offers Sign in.
    void refusedAllmineTokenSaysToStartWithoutIt()
    {
        const QString foreign = m_servers.other->mintToken(kUser).access; // not Development's
        m_ui.open(QStringLiteral("dev"), m_servers.store.get(), foreign);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.errorBanner()->isVisible(), kWaitMs);
        const QString error = m_ui.errorText();
        QVERIFY2(error.contains(QStringLiteral("Start the app without it to sign in.")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("Sign in again")), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(
            status(),
            QStringLiteral(
                "The server rejected the token from ALLMINE_TOKEN. Start the app without it to sign in."),
            kWaitMs);
        QVERIFY(!panel()->signInButton()->isVisible());
    }

    // The renewal is refused: signed out with a notice saying to sign in again, and the panel
    // offers Sign in. Signing in clears that notice.
    void refusedRenewalThenSignInClearsTheNotice()
    {
        const SandboxProcess::Tokens expired = m_servers.dev->mintToken(kUser, -60);
        QVERIFY(seed(*m_servers.store, m_servers.dev->baseUrl(), {expired.access, expired.refresh}));
        m_servers.dev->addFault(faultOn(QStringLiteral("/api/v1/auth/refresh"), QStringLiteral("status"),
                                        {{QStringLiteral("status"), 401}}));
        m_ui.open(QStringLiteral("dev"), m_servers.store.get());
        NoticeBanner *notice = m_ui.window->noticeBanner();
        QTRY_VERIFY_WITH_TIMEOUT(
            notice->isVisible() && notice->message().contains(QStringLiteral("Sign in again")), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(offersSignIn(), kWaitMs);

        m_ui.signInByEmail(this, kUser);
        QTRY_VERIFY_WITH_TIMEOUT(saysSignedIn(), kWaitMs);
        QVERIFY2(notice->isHidden(), qPrintable(notice->message()));
    }

    // Production is http://localhost:P; a custom server "alias" is http://127.0.0.1:P, the same
    // server spelled otherwise. The banner is Production's red with the word PRODUCTION, and Apply
    // (Ctrl+S) asks first: Cancel sends nothing, confirming sends the change.
    void productionReachedThroughAnAlias()
    {
        const QUrl direct = m_servers.dev->baseUrl(); // http://127.0.0.1:P
        QUrl spelled = direct;
        spelled.setHost(QStringLiteral("localhost"));
        ServerRegistry registry;
        QCOMPARE(registry.set(QStringLiteral("prod"), spelled), QString());
        QCOMPARE(registry.set(QStringLiteral("alias"), direct), QString());
        QCOMPARE(registry.setConfirmChanges(QStringLiteral("alias"), false),
                 QString()); // Production still asks
        const SandboxProcess::Tokens tokens = m_servers.dev->mintToken(kUser);
        QVERIFY(seed(*m_servers.store, direct, {tokens.access, tokens.refresh}));

        m_ui.openLoaded(QStringLiteral("alias"), m_servers.store.get());
        ServerBanner *banner = m_ui.window->serverBanner();
        QVERIFY2(banner->headline()->text().contains(QStringLiteral("PRODUCTION")),
                 qPrintable(banner->headline()->text()));
        QCOMPARE(ServerBanner::backgroundFor(banner->active()), QColor(0xb0, 0x1c, 0x1c));
        QVERIFY(banner->detail()->text().contains(QStringLiteral("real users")));

        m_ui.flip(kMessages);
        QString changes;
        whenModal<ProductionConfirmDialog>(this, [&changes](ProductionConfirmDialog *dialog) {
            changes = dialog->changeList()->text();
            QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        });
        pressIn(m_ui.window.get(), Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), kWaitMs);
        QVERIFY2(changes.contains(QStringLiteral("Messages")), qPrintable(changes));
        QTest::qWait(100);
        QCOMPARE(
            countOf(*m_servers.dev, QStringLiteral("PATCH"), QString::fromLatin1(SettingsSession::kPath)), 0);
        QVERIFY(m_ui.shownAsChanged(kMessages));

        whenModal<ProductionConfirmDialog>(this, [](ProductionConfirmDialog *dialog) {
            QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        });
        m_ui.clickApply();
        QTRY_COMPARE_WITH_TIMEOUT(
            countOf(*m_servers.dev, QStringLiteral("PATCH"), QString::fromLatin1(SettingsSession::kPath)), 1,
            kWaitMs);
        m_ui.waitIdle();
        QCOMPARE(m_servers.dev->settings().value(kMessages), QJsonValue(false));
    }

    // A custom server confirms every change by default; with "Confirm every change" unticked in
    // the servers dialog (Space on the box, Enter saves), Apply sends at once.
    void customServerConfirmsUntilTurnedOff()
    {
        ServerRegistry registry;
        QCOMPARE(registry.set(QStringLiteral("lab"), m_servers.other->baseUrl()), QString());
        const SandboxProcess::Tokens tokens = m_servers.other->mintToken(kUser);
        QVERIFY(seed(*m_servers.store, m_servers.other->baseUrl(), {tokens.access, tokens.refresh}));
        m_ui.openLoaded(QStringLiteral("lab"), m_servers.store.get());

        m_ui.flip(kFollow);
        QVERIFY(m_ui.applyButton()->isEnabled());
        QVERIFY(m_ui.current()->server().needsConfirmation());
        QString title;
        whenModal<ProductionConfirmDialog>(this, [&title](ProductionConfirmDialog *dialog) {
            title = dialog->windowTitle();
            QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        });
        m_ui.clickApply();
        QTRY_COMPARE_WITH_TIMEOUT(title, QStringLiteral("Change lab?"), kWaitMs);
        QCOMPARE(
            countOf(*m_servers.other, QStringLiteral("PATCH"), QString::fromLatin1(SettingsSession::kPath)),
            0);

        bool saved = false;
        whenModal<ServersDialog>(this, [&saved](ServersDialog *dialog) {
            const auto items = dialog->list()->findItems(QStringLiteral("lab"), Qt::MatchExactly);
            if (items.isEmpty())
                return dialog->reject();
            dialog->list()->setCurrentItem(items.first());
            QCheckBox *box = dialog->confirmBox();
            const bool wasOn = box->isVisible() && box->isChecked();
            box->setFocus();
            QTest::keyClick(box, Qt::Key_Space);
            QTest::keyClick(box, Qt::Key_Return); // the default button: Save
            saved = wasOn && !box->isChecked() &&
                    dialog->messageLabel()->text().startsWith(QStringLiteral("Saved"));
            dialog->reject();
        });
        m_ui.click(m_ui.window->serverBanner()->findChild<QPushButton *>(QStringLiteral("manageServers")));
        QVERIFY(saved);
        QVERIFY(!ServerRegistry().find(QStringLiteral("lab"))->needsConfirmation());

        m_ui.clickApply(); // no question now
        QTRY_COMPARE_WITH_TIMEOUT(
            countOf(*m_servers.other, QStringLiteral("PATCH"), QString::fromLatin1(SettingsSession::kPath)),
            1, kWaitMs);
        registry.remove(QStringLiteral("lab"));
    }
};

QTEST_MAIN(TestSignInStates)
#include "tst_signinstates.moc"
