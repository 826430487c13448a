// The account part of the real window, offscreen, against real sandboxes: signing in through the
// dialog (email, phone, a pasted token), signing out (here / everywhere), each server's own
// account, a keychain that cannot be used, and the servers dialog. Each test says what the user
// sees and checks it on screen and on the server.
#include "ServersDialog.h"
#include "WindowTestKit.h"
#include "auth/AccountNames.h"
#include "auth/JwtInspector.h"
#include "servers/ServerRegistry.h"

#include <QListWidget>
#include <QPlainTextEdit>

using namespace kit;

namespace {
const QString kAuth = QStringLiteral("/api/v1/auth/");

// A keychain that cannot be reached (as on a desktop without Secret Service).
class NoKeychain : public TokenStore
{
public:
    int calls = 0;
    void load(const QString &, ReadCallback done) override
    {
        answer([done](const Result &result) { done(result, {}); });
    }
    void save(const QString &, const TokenPair &, WriteCallback done) override { answer(done); }
    void remove(const QString &, WriteCallback done) override { answer(done); }
    bool isSessionOnly() const override { return false; }

private:
    void answer(const std::function<void(const Result &)> &done)
    {
        ++calls;
        QMetaObject::invokeMethod(
            this,
            [done] {
                done({Status::NoBackend,
                      QStringLiteral("No keychain service is running (Secret Service / GNOME "
                                     "Keyring / KWallet).")});
            },
            Qt::QueuedConnection);
    }
};
} // namespace

class TestAccountUi : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    TwoServers m_servers; // "dev" and "staging"
    SandboxProcess::Tokens m_devTokens;
    WindowDriver m_ui;

    QString subjectOf(const QString &token) const { return JwtInspector::inspect(token).subject; }
    bool signedOutShown(const QString &server) const
    {
        AccountPanel *panel = m_ui.window->accountPanel();
        return m_ui.accountStatus()->text() == QStringLiteral("Not signed in to %1.").arg(server) &&
               panel->signInButton()->isVisible() && panel->signInButton()->isEnabled() &&
               !panel->signOutButton()->isVisible() && !panel->signOutEverywhereButton()->isVisible();
    }
    // `who` is the token's subject, or the email/phone this account was last signed in with here.
    bool signedInShown(const QString &who) const
    {
        const QString known = AccountNames::load(m_ui.current()->server().origin(), who);
        const QString shown = known.isEmpty() ? who : known;
        return m_ui.accountStatus()->text().startsWith(QStringLiteral("Signed in as %1 on ").arg(shown)) &&
               m_ui.window->accountPanel()->signOutButton()->isVisible() &&
               !m_ui.window->accountPanel()->signInButton()->isVisible();
    }
    // Opens Development signed out, as a first-time user sees it.
    void openSignedOut()
    {
        m_ui.open(QStringLiteral("dev"), m_servers.store.get());
        QTRY_VERIFY_WITH_TIMEOUT(signedOutShown(QStringLiteral("Development")), kWaitMs);
        QVERIFY(!m_ui.model()->isLoaded());
    }
    void signInDev()
    {
        QVERIFY(seed(*m_servers.store, m_servers.dev->baseUrl(), {m_devTokens.access, m_devTokens.refresh}));
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
        m_devTokens = m_servers.dev->mintToken(kUser);
        QVERIFY(!m_devTokens.access.isEmpty());
    }

    void cleanup() { m_servers.finish(m_ui); }

    // Sign in… → email → Send code: the Development server returns the code, which is filled in
    // with a note saying so; Sign in closes the dialog, the panel names the account and the
    // settings load.
    void signInByEmailWithTheReturnedCode()
    {
        openSignedOut();
        QString note;
        m_ui.withSignInDialog(this, [&note](SignInDialog *dialog) {
            QVERIFY(signin::sendCode(dialog, kUser));
            for (QLabel *label : dialog->findChildren<QLabel *>()) {
                if (label->text().contains(QStringLiteral("returned the code")))
                    note = label->text();
            }
            QVERIFY(signin::verify(dialog));
            QVERIFY2(!dialog->isVisible(), qPrintable(signin::problem(dialog)->text()));
        });
        QCOMPARE(note, QStringLiteral("Development returned the code in its answer, so it is filled in."));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.current()->account()->isSignedIn(), kWaitMs);
        m_ui.waitLoaded();
        // Shown by the address the user signed in with, not the token's opaque subject.
        QTRY_VERIFY2_WITH_TIMEOUT(signedInShown(kUser), qPrintable(m_ui.accountStatus()->text()), kWaitMs);
        QVERIFY(!m_ui.current()->subject().isEmpty());
        QCOMPARE(countOf(*m_servers.dev, QStringLiteral("POST"), kAuth + QStringLiteral("send-otp-email")),
                 1);
        QCOMPARE(
            bodyOf(m_servers.dev->requests(QStringLiteral("POST"), kAuth + QStringLiteral("verify-otp-email"))
                       .first())
                .value(QStringLiteral("email")),
            QJsonValue(kUser));
    }

    // A wrong code: the server's words ("Invalid or expired code") under the form, the dialog stays
    // open for another try, and nobody is signed in.
    void wrongCodeShowsTheServerErrorAndKeepsTheDialogOpen()
    {
        openSignedOut();
        QString problem;
        bool stillOpen = false;
        m_ui.withSignInDialog(this, [&](SignInDialog *dialog) {
            QVERIFY(signin::sendCode(dialog, kUser));
            const QString wrong = dialog->codeEdit()->text() == QLatin1String("0000")
                                      ? QStringLiteral("1111")
                                      : QStringLiteral("0000");
            dialog->codeEdit()->setText(wrong);
            QVERIFY(signin::verify(dialog));
            problem = signin::problem(dialog)->text();
            stillOpen = dialog->isVisible() && dialog->codeEdit()->isEnabled();
        });
        QVERIFY2(problem.contains(QStringLiteral("Invalid or expired code")), qPrintable(problem));
        QVERIFY(stillOpen);
        QVERIFY(signedOutShown(QStringLiteral("Development")));
        QVERIFY(!m_ui.current()->account()->isSignedIn());
    }

    // By phone: country code and number, the returned code, signed in.
    void signInByPhone()
    {
        openSignedOut();
        m_ui.withSignInDialog(this, [](SignInDialog *dialog) {
            QVERIFY(signin::sendCode(dialog, {}, QStringLiteral("90"), QStringLiteral("5551234567")));
            QVERIFY(signin::verify(dialog));
            QVERIFY2(!dialog->isVisible(), qPrintable(signin::problem(dialog)->text()));
        });
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.current()->account()->isSignedIn(), kWaitMs);
        m_ui.waitLoaded();
        const QJsonObject sent = bodyOf(
            m_servers.dev->requests(QStringLiteral("POST"), kAuth + QStringLiteral("send-otp")).first());
        QCOMPARE(sent.value(QStringLiteral("phoneNumber")).toString(), QStringLiteral("5551234567"));
        QCOMPARE(countOf(*m_servers.dev, QStringLiteral("POST"), kAuth + QStringLiteral("verify-otp")), 1);
        QTRY_VERIFY2_WITH_TIMEOUT(signedInShown(QStringLiteral("+90 5551234567")),
                                  qPrintable(m_ui.accountStatus()->text()), kWaitMs);
    }

    // A token pasted with "Bearer " and stray whitespace: the dialog shows its subject and expiry
    // before it is used; the settings are then loaded with exactly that token. An expired one is
    // flagged as EXPIRED.
    void pastedTokenShowsSubjectAndExpiry()
    {
        openSignedOut();
        const SandboxProcess::Tokens expired = m_servers.dev->mintToken(kUser, -60);
        QString info;
        QString expiredInfo;
        m_ui.withSignInDialog(this, [&](SignInDialog *dialog) {
            dialog->tokenEdit()->setPlainText(QStringLiteral("Bearer ") + expired.access);
            expiredInfo = dialog->tokenInfo()->text();
            dialog->tokenEdit()->setPlainText(QStringLiteral("  \n Bearer  ") + m_devTokens.access +
                                              QStringLiteral(" \n"));
            info = dialog->tokenInfo()->text();
            QVERIFY(dialog->useTokenButton()->isEnabled());
            QTest::mouseClick(dialog->useTokenButton(), Qt::LeftButton);
        });
        QVERIFY2(expiredInfo.contains(QStringLiteral("Warning: this token has EXPIRED")),
                 qPrintable(expiredInfo));
        QVERIFY2(info.contains(QStringLiteral("Subject: ") + subjectOf(m_devTokens.access)),
                 qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("Expires: ")) && !info.contains(QStringLiteral("EXPIRED")),
                 qPrintable(info));
        m_ui.waitLoaded();
        QTRY_VERIFY2_WITH_TIMEOUT(signedInShown(subjectOf(m_devTokens.access)),
                                  qPrintable(m_ui.accountStatus()->text()), kWaitMs);
        QCOMPARE(
            SandboxProcess::headerOf(
                m_servers.dev->requests(QStringLiteral("GET"), QString::fromLatin1(SettingsSession::kPath)),
                QStringLiteral("authorization")),
            QStringList{QStringLiteral("Bearer ") + m_devTokens.access});
    }

    // Sign out: the server is told to revoke this device's refresh token; the panel says signed out.
    void signOutRevokesTheRefreshToken()
    {
        signInDev();
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        QTRY_VERIFY_WITH_TIMEOUT(signedInShown(subjectOf(m_devTokens.access)), kWaitMs);
        m_ui.click(m_ui.window->accountPanel()->signOutButton());
        QTRY_VERIFY_WITH_TIMEOUT(signedOutShown(QStringLiteral("Development")), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            countOf(*m_servers.dev, QStringLiteral("POST"), kAuth + QStringLiteral("revoke-token")), 1,
            kWaitMs);
        QCOMPARE(
            bodyOf(m_servers.dev->requests(QStringLiteral("POST"), kAuth + QStringLiteral("revoke-token"))
                       .first()),
            QJsonObject({{QStringLiteral("refreshToken"), m_devTokens.refresh}}));
        QCOMPARE(countOf(*m_servers.dev, QStringLiteral("POST"), kAuth + QStringLiteral("logout")), 0);
    }

    // Sign out everywhere asks first (it ends every session of the account): Cancel sends
    // nothing and keeps the user signed in; OK sends logout and signs out.
    void signOutEverywhereAsksFirst()
    {
        signInDev();
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        QTRY_VERIFY_WITH_TIMEOUT(signedInShown(subjectOf(m_devTokens.access)),
                                 kWaitMs); // the server was asked
        m_servers.dev->reset();
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        m_ui.click(m_ui.window->accountPanel()->signOutEverywhereButton());
        QTest::qWait(200);
        QCOMPARE(m_servers.dev->requests().size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(signedInShown(subjectOf(m_devTokens.access)), kWaitMs);

        MessageBox::setNextAnswer(QMessageBox::Ok);
        m_ui.click(m_ui.window->accountPanel()->signOutEverywhereButton());
        QTRY_VERIFY_WITH_TIMEOUT(signedOutShown(QStringLiteral("Development")), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            countOf(*m_servers.dev, QStringLiteral("POST"), kAuth + QStringLiteral("logout")), 1, kWaitMs);
        QCOMPARE(countOf(*m_servers.dev, QStringLiteral("POST"), kAuth + QStringLiteral("revoke-token")), 0);
    }

    // Each server has its own account: signed in on Development, not on staging (which receives
    // nothing), and still signed in on Development after switching back.
    void eachServerShowsItsOwnAccount()
    {
        signInDev();
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        QTRY_VERIFY_WITH_TIMEOUT(signedInShown(subjectOf(m_devTokens.access)), kWaitMs);
        m_ui.choose(QStringLiteral("staging"));
        QTRY_VERIFY_WITH_TIMEOUT(signedOutShown(QStringLiteral("staging")), kWaitMs);
        QTest::qWait(200);
        QCOMPARE(m_servers.other->requests().size(), 0);
        m_ui.choose(QStringLiteral("dev"));
        QTRY_VERIFY_WITH_TIMEOUT(signedInShown(subjectOf(m_devTokens.access)), kWaitMs);
    }

    // No keychain: the panel says so in plain words and offers "Sign in for this session only";
    // choosing it signs in with a memory-only store ("(this session only)"), the keychain untouched.
    void keychainUnavailableOffersSessionOnly()
    {
        NoKeychain keychain;
        m_ui.open(QStringLiteral("dev"), &keychain);
        AccountPanel *panel = m_ui.window->accountPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->sessionOnlyButton()->isVisible(), kWaitMs);
        QCOMPARE(m_ui.accountStatus()->text(),
                 QStringLiteral(
                     "Your sign-in cannot be kept in the system keychain. No keychain service is running "
                     "(Secret Service / GNOME Keyring / KWallet)."));
        QVERIFY(!panel->signInButton()->isVisible()); // one way to sign in: for this session only
        QCOMPARE(panel->sessionOnlyButton()->text(), QStringLiteral("Sign in for this session only"));
        QCOMPARE(m_servers.dev->requests().size(), 0);

        m_ui.click(panel->sessionOnlyButton());
        QTRY_VERIFY_WITH_TIMEOUT(signedOutShown(QStringLiteral("Development")), kWaitMs);
        QVERIFY(!panel->sessionOnlyButton()->isVisible());
        const int keychainCalls = keychain.calls;
        m_ui.signInByEmail(this, kUser);
        m_ui.waitLoaded();
        QVERIFY2(m_ui.accountStatus()->text().contains(QStringLiteral(" (this session only). ")),
                 qPrintable(m_ui.accountStatus()->text()));
        QVERIFY(m_ui.current()->account()->store()->isSessionOnly());
        QCOMPARE(keychain.calls, keychainCalls);
    }

    // The servers dialog: a custom server is added and used; editing its URL (another origin for the
    // same machine) does not carry the token along — the window shows it signed out and sends
    // nothing; removing it falls back to Development. Development and Production cannot be
    // removed, and plain http:// to another machine is refused with the reason.
    void serversDialogAddEditRemove()
    {
        const QString name = QStringLiteral("qa-box");
        const SandboxProcess::Tokens tokens = m_servers.other->mintToken(kUser); // for the server to be added
        QVERIFY(seed(*m_servers.store, m_servers.other->baseUrl(), {tokens.access, tokens.refresh}));
        signInDev();
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        QString refused;
        int builtInsLocked = 0; // of Development and Production, those that cannot be removed or renamed
        runServersDialog([&](ServersDialog *dialog) {
            QTest::mouseClick(buttonNamed(dialog, QStringLiteral("&Add server")), Qt::LeftButton);
            QTest::keyClicks(dialog->nameEdit(), QStringLiteral("lan"));
            QTest::keyClicks(dialog->urlEdit(), QStringLiteral("http://192.168.1.10:8080"));
            QVERIFY(!dialog->save());
            refused = dialog->messageLabel()->text();
            MessageBox::setNextAnswer(QMessageBox::Discard); // moving on drops the refused entry
            for (int row = 0; row < dialog->list()->count(); ++row) {
                dialog->list()->setCurrentRow(row);
                const QString server = dialog->list()->currentItem()->data(Qt::UserRole).toString();
                if (server == QLatin1String("dev") || server == QLatin1String("prod"))
                    builtInsLocked += !buttonNamed(dialog, QStringLiteral("&Remove"))->isEnabled() &&
                                      dialog->nameEdit()->isReadOnly();
            }
            QTest::mouseClick(buttonNamed(dialog, QStringLiteral("&Add server")), Qt::LeftButton);
            QTest::keyClicks(dialog->nameEdit(), name);
            QTest::keyClicks(dialog->urlEdit(), m_servers.other->baseUrl().toString());
            QVERIFY2(dialog->save(), qPrintable(dialog->messageLabel()->text()));
        });
        QVERIFY2(refused.contains(QStringLiteral("Plain http:// is only allowed for this computer")),
                 qPrintable(refused));
        QCOMPARE(builtInsLocked, 2);
        QVERIFY(!ServerRegistry().find(QStringLiteral("lan")));
        QVERIFY(m_ui.window->serverBanner()->serverSwitch()->findData(name) >= 0);

        m_ui.choose(name);
        m_ui.waitLoaded();
        QTRY_VERIFY_WITH_TIMEOUT(signedInShown(subjectOf(tokens.access)), kWaitMs);

        // The same machine under another origin: the token stays with the old one.
        QUrl moved = m_servers.other->baseUrl();
        moved.setHost(QStringLiteral("localhost"));
        m_servers.other->reset();
        runServersDialog([&](ServersDialog *dialog) {
            dialog->list()->setCurrentItem(dialog->list()->findItems(name, Qt::MatchExactly).first());
            dialog->urlEdit()->setText(moved.toString());
            QVERIFY2(dialog->save(), qPrintable(dialog->messageLabel()->text()));
        });
        QCOMPARE(m_ui.current()->server().name, name);
        QCOMPARE(m_ui.current()->server().baseUrl, moved);
        QTRY_VERIFY_WITH_TIMEOUT(signedOutShown(name), kWaitMs);
        QTest::qWait(200);
        QCOMPARE(m_servers.other->requests().size(), 0);

        runServersDialog([&](ServersDialog *dialog) {
            dialog->list()->setCurrentItem(dialog->list()->findItems(name, Qt::MatchExactly).first());
            MessageBox::setNextAnswer(QMessageBox::Yes); // "Remove the server …?"
            QTest::mouseClick(buttonNamed(dialog, QStringLiteral("&Remove")), Qt::LeftButton);
            QVERIFY(dialog->list()->findItems(name, Qt::MatchExactly).isEmpty());
        });
        QVERIFY(!ServerRegistry().find(name));
        QCOMPARE(m_ui.current()->server().name, QStringLiteral("dev"));
        QCOMPARE(m_ui.window->serverBanner()->serverSwitch()->findData(name), -1);
    }

private:
    // File → Servers… with `steps` run inside the dialog, which is then closed.
    void runServersDialog(const std::function<void(ServersDialog *)> &steps)
    {
        bool ran = false;
        const QPointer<QTimer> watch = whenModal<ServersDialog>(this, [&](ServersDialog *dialog) {
            steps(dialog);
            ran = true;
            dialog->reject();
        });
        m_ui.click(m_ui.window->serverBanner()->findChild<QPushButton *>(QStringLiteral("manageServers")));
        delete watch.data();
        QVERIFY2(ran, "the servers dialog did not open");
    }
};

QTEST_MAIN(TestAccountUi)
#include "tst_accountui.moc"
