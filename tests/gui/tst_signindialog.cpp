// The sign-in dialog, offscreen, against the real sandbox, driven from the keyboard: the keys go
// to the window and land wherever the focus is, as typed. Where the focus starts, what Enter does
// in each field, what an empty email is told, and which server the dialog signs in to.
#include "ServerBanner.h"
#include "WindowTestKit.h"
#include "auth/AccountSession.h"

#include <QPlainTextEdit>
#include <QTabBar>

using namespace kit;

namespace {
const QString kSend = QStringLiteral("/api/v1/auth/send-otp-email");
const QString kVerify = QStringLiteral("/api/v1/auth/verify-otp-email");
const QUrl kProduction(QStringLiteral("https://production.allmine.invalid"));
} // namespace

class TestSignInDialog : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<MemoryTokenStore> m_store;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<AccountSession> m_account;
    std::unique_ptr<SignInDialog> m_dialog;

    // Sign in… for `server`, as the account panel opens it: the dialog is shown and active.
    SignInDialog *open(const QString &server)
    {
        m_dialog.reset();
        m_account.reset();
        m_client = std::make_unique<ApiClient>(*ServerRegistry().find(server));
        m_account = std::make_unique<AccountSession>(m_client.get(), m_store.get());
        m_dialog = std::make_unique<SignInDialog>(m_client.get(), m_account.get());
        showActive(m_dialog.get());
        return m_dialog.get();
    }
    void type(const QString &text) const { typeInto(m_dialog.get(), text); }
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const
    {
        pressIn(m_dialog.get(), key, modifiers);
    }
    QWidget *focused() const { return QApplication::focusWidget(); }
    QString problem() const { return signin::problem(m_dialog.get())->text(); }
    int sends() const { return countOf(*m_sandbox, QStringLiteral("POST"), kSend); }
    QString noteText() const
    {
        for (QLabel *label : m_dialog->findChildren<QLabel *>()) {
            if (label->text().contains(QStringLiteral("code")) && label->text().endsWith(QLatin1Char('.')) &&
                label != signin::problem(m_dialog.get()))
                return label->text();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->isRunning());
        // Production elsewhere: the dialog never sends to it here.
        ServerRegistry registry;
        QCOMPARE(registry.set(QStringLiteral("dev"), m_sandbox->baseUrl()), QString());
        QCOMPARE(registry.set(QStringLiteral("prod"), kProduction), QString());
    }

    void init()
    {
        m_sandbox->reset(true);
        m_store = std::make_unique<MemoryTokenStore>();
    }

    void cleanup()
    {
        m_dialog.reset();
        m_account.reset();
        m_client.reset();
    }

    // The focus starts in the email field (not on the tabs), so the user can type at once; after
    // switching pages with their shortcuts it is in the page's first field.
    void focusStartsInTheFirstField()
    {
        open(QStringLiteral("dev"));
        QCOMPARE(focused(), m_dialog->emailEdit());
        type(kUser);
        QCOMPARE(m_dialog->emailEdit()->text(), kUser);

        press(Qt::Key_P, Qt::AltModifier); // "&Paste a token"
        QTRY_COMPARE(focused(), static_cast<QWidget *>(m_dialog->tokenEdit()));
        press(Qt::Key_E, Qt::AltModifier); // "&Email or phone"
        QTRY_COMPARE(focused(), static_cast<QWidget *>(m_dialog->emailEdit()));
        QVERIFY(!qobject_cast<QTabBar *>(focused()));
    }

    // Enter in the email field sends the code; Enter in the code field signs in with it, and
    // never asks for a new code (which would make the one received useless).
    void enterSendsTheCodeThenSignsIn()
    {
        open(QStringLiteral("dev"));
        type(kUser);
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_dialog->codeEdit()->isEnabled() && m_dialog->codeEdit()->text().size() == 4, kWaitMs);
        QCOMPARE(sends(), 1);
        QCOMPARE(focused(), m_dialog->codeEdit());

        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible() || sends() > 1 || !problem().isEmpty(), kWaitMs);
        QCOMPARE(sends(), 1);
        QCOMPARE(countOf(*m_sandbox, QStringLiteral("POST"), kVerify), 1);
        QVERIFY2(!m_dialog->isVisible(), qPrintable(problem()));
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QVERIFY(m_account->isSignedIn());
    }

    // Nothing typed, or not an email: the message is about the email, and nothing is sent.
    void anEmptyOrMalformedEmailIsToldAboutTheEmail()
    {
        open(QStringLiteral("dev"));
        press(Qt::Key_Return);
        QVERIFY2(problem().contains(QStringLiteral("email")), qPrintable(problem()));
        QVERIFY2(!problem().contains(QStringLiteral("country code")), qPrintable(problem()));

        type(QStringLiteral("   "));
        press(Qt::Key_Return);
        QVERIFY2(problem().contains(QStringLiteral("email")), qPrintable(problem()));
        QVERIFY2(!problem().contains(QStringLiteral("country code")), qPrintable(problem()));

        type(QStringLiteral("qa@example"));
        press(Qt::Key_Return);
        QCOMPARE(problem(), QStringLiteral("\"qa@example\" is not an email address."));
        QTest::qWait(100);
        QCOMPARE(m_sandbox->requests().size(), 0);
        QVERIFY(!m_dialog->codeEdit()->isEnabled());
    }

    // The title names the server; Production adds its red warning, Development does not.
    void theDialogNamesItsServer()
    {
        open(QStringLiteral("dev"));
        QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Sign in to Development"));
        auto *warning = m_dialog->findChild<QLabel *>(QStringLiteral("productionWarning"));
        QVERIFY(!warning || !warning->isVisible());

        open(QStringLiteral("prod"));
        QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Sign in to Production"));
        warning = m_dialog->findChild<QLabel *>(QStringLiteral("productionWarning"));
        QVERIFY(warning && warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("PRODUCTION")), qPrintable(warning->text()));
        QVERIFY2(warning->text().contains(QStringLiteral("real users")), qPrintable(warning->text()));
        QVERIFY(warning->autoFillBackground());
        QCOMPARE(warning->palette().color(QPalette::Window),
                 ServerBanner::backgroundFor(*ServerRegistry().find(QStringLiteral("prod"))));
        QCOMPARE(warning->palette().color(QPalette::WindowText), QColor(Qt::white));
    }

    // Development at an address that reaches Production (localhost for 127.0.0.1) is Production:
    // its dialog warns as Production's does.
    void aServerReachingProductionWarnsAsProduction()
    {
        QUrl alias = m_sandbox->baseUrl();
        alias.setHost(QStringLiteral("localhost"));
        QCOMPARE(ServerRegistry().set(QStringLiteral("prod"), alias), QString());
        open(QStringLiteral("dev"));
        QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Sign in to Development"));
        auto *warning = m_dialog->findChild<QLabel *>(QStringLiteral("productionWarning"));
        const bool warned = warning && warning->isVisible();
        QCOMPARE(ServerRegistry().set(QStringLiteral("prod"), kProduction), QString());
        QVERIFY(warned);
        QVERIFY2(warning->text().contains(QStringLiteral("PRODUCTION")), qPrintable(warning->text()));
    }

    // "The server returned the code" only when it did: a server that only emails it (the
    // sandbox's nocode fault, as Production) leaves the field empty and asks for the code.
    void theReturnedCodeIsOnlyClaimedWhenReturned()
    {
        m_sandbox->addFault(
            {{QStringLiteral("fault"), QStringLiteral("nocode")}, {QStringLiteral("path"), kSend}});
        open(QStringLiteral("dev"));
        type(kUser);
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->codeEdit()->isEnabled(), kWaitMs);
        QCOMPARE(m_dialog->codeEdit()->text(), QString());
        QCOMPARE(noteText(), QStringLiteral("Enter the code you received."));

        QTest::mouseClick(buttonNamed(m_dialog.get(), QStringLiteral("Send code")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->codeEdit()->text().size() == 4, kWaitMs);
        QCOMPARE(noteText(),
                 QStringLiteral("Development returned the code in its answer, so it is filled in."));
        QCOMPARE(sends(), 2);
    }

    // The note names the server signed in to: never "Development" on Production.
    void theReturnedCodeNamesTheServer()
    {
        QCOMPARE(ServerRegistry().set(QStringLiteral("prod"), m_sandbox->baseUrl()), QString());
        open(QStringLiteral("prod"));
        type(kUser);
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->codeEdit()->text().size() == 4, kWaitMs);
        const QString note = noteText();
        m_dialog.reset();
        QCOMPARE(ServerRegistry().set(QStringLiteral("prod"), kProduction), QString());
        QCOMPARE(note, QStringLiteral("Production returned the code in its answer, so it is filled in."));
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
