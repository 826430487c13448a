#pragma once
// Helpers shared by the tests that drive the real window offscreen against the sandbox
// (tests/gui/tst_faults, tst_accountui, tst_draftkill, tst_requestlog and
// tests/keychain/tst_guisecrets): open the window, find its widgets, act as a user would, and
// answer modal dialogs from inside their own event loop.
#include "AccountPanel.h"
#include "ApplyBar.h"
#include "FieldRow.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "NoticeBanner.h"
#include "SandboxProcess.h"
#include "ServerBanner.h"
#include "SettingsForm.h"
#include "SignInDialog.h"
#include "TestEnv.h"
#include "api/ApiClient.h"
#include "api/SettingsSession.h"
#include "auth/MemoryTokenStore.h"
#include "auth/TokenStore.h"
#include "servers/AppSettings.h"
#include "servers/ServerRegistry.h"
#include "session/ServerContext.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDebug>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <functional>
#include <memory>

namespace kit {
inline const QString kUser = QStringLiteral("qa@example.com");
inline const QString kPayment = QStringLiteral("paymentNotifications");
inline const QString kMessages = QStringLiteral("messageNotifications");
inline const QString kFollow = QStringLiteral("followNotifications");

// Long enough for a loaded machine (2 cores, other builds running); QTRY returns as soon as it can.
constexpr int kWaitMs = 20000;

inline QJsonObject defaults()
{
    QJsonObject all;
    for (const FieldSpec &field : FieldTable::fields())
        all.insert(field.jsonKey(), field.defaultValue());
    return all;
}

// A sandbox fault on the settings path (GET and PATCH), once unless `extra` says otherwise.
inline QJsonObject fault(const QString &name, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("fault"), name);
    if (!extra.contains(QStringLiteral("path")))
        extra.insert(QStringLiteral("path"), QString::fromLatin1(SettingsSession::kPath));
    return extra;
}

inline QJsonObject bodyOf(const QJsonValue &request)
{
    return QJsonDocument::fromJson(request.toObject().value(QStringLiteral("body")).toString().toUtf8())
        .object();
}

inline int countOf(SandboxProcess &sandbox, const QString &method, const QString &path)
{
    return int(sandbox.requests(method, path).size());
}

// Lets the window's layouts settle, through window-system and posted events.
inline void settleLayouts()
{
    for (int pass = 0; pass < 3; ++pass) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
}

// This process as the app, in `env`'s HOME, without ALLMINE_TOKEN (call first in initTestCase).
inline void becomeTheApp(const TestEnv &env)
{
    env.applyToCurrentProcess();
    QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
    QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    qunsetenv("ALLMINE_TOKEN");
}

// Starts a sandbox with default settings for kUser as the Development server (in initTestCase,
// after becomeTheApp()); check the result with isRunning().
inline std::unique_ptr<SandboxProcess> startDevServer()
{
    auto sandbox = std::make_unique<SandboxProcess>();
    if (sandbox->isRunning()) {
        sandbox->setSettings(kUser, defaults());
        if (!ServerRegistry().set(QStringLiteral("dev"), sandbox->baseUrl()).isEmpty())
            qWarning("could not set the Development server's address");
    }
    MessageBox::clearNextAnswer();
    return sandbox;
}

// Saves a token pair in `store` for `origin` and waits until it is kept.
inline bool seed(TokenStore &store, const QUrl &baseUrl, const TokenPair &tokens)
{
    bool saved = false;
    store.save(ServerProfile::originOf(baseUrl), tokens,
               [&saved](const TokenStore::Result &) { saved = true; });
    return QTest::qWaitFor([&saved] { return saved; }, kWaitMs);
}

// Runs `answer` with the next modal dialog of type T once it is shown and active (from inside
// its exec()), so a test can fill in and close a dialog the window opens with MessageBox::exec().
// Active, as a person sees it: a dialog is modal before it has the focus, and slower builds
// (sanitizers) show the gap.
template <typename T> QTimer *whenModal(QObject *context, std::function<void(T *)> answer)
{
    auto *timer = new QTimer(context);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, context, [timer, answer] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog || QApplication::activeWindow() != dialog)
            return;
        timer->stop();
        timer->deleteLater();
        answer(dialog);
    });
    timer->start();
    return timer;
}

// The visible button of `parent` that reads `text`.
inline QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (QPushButton *button : parent->findChildren<QPushButton *>()) {
        if (button->text() == text && button->isVisible())
            return button;
    }
    qWarning() << "no button" << text;
    return nullptr;
}

// Shows `dialog` on its own and waits until it is the active window, as when it opens.
inline void showActive(QWidget *dialog)
{
    dialog->show();
    dialog->activateWindow();
    if (!QTest::qWaitForWindowActive(dialog))
        qWarning() << dialog->objectName() << "did not become active";
}
// Typed on the keyboard into `window`: each key goes to its focused widget.
inline void typeInto(QWidget *window, const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(window->windowHandle(), c.toLatin1());
}
inline void pressIn(QWidget *window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(window->windowHandle(), key, modifiers);
}
// Runs `steps`; each modal dialog of type T shown meanwhile is handed to `handle` (which closes
// it) from inside its own event loop. Returns how many were shown.
template <typename T>
int whileModal(QObject *context, const std::function<void()> &steps, const std::function<void(T *)> &handle)
{
    int shown = 0;
    QTimer timer;
    timer.setInterval(20);
    QObject::connect(&timer, &QTimer::timeout, context, [&shown, &handle] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            ++shown;
            handle(dialog);
        }
    });
    timer.start();
    steps();
    QTest::qWait(50);
    return shown;
}

// Steps inside the sign-in dialog, as the user takes them.
namespace signin {
inline QLabel *problem(SignInDialog *dialog)
{
    return dialog->findChild<QLabel *>(QStringLiteral("problem"));
}
inline QLineEdit *withPlaceholder(SignInDialog *dialog, const QString &placeholder)
{
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (edit->placeholderText() == placeholder)
            return edit;
    }
    return nullptr;
}
// Types the email (or the phone: country code and number) and sends the code; true once the
// code field is enabled and filled in with the code the Development server returned.
inline bool sendCode(SignInDialog *dialog, const QString &email, const QString &country = {},
                     const QString &phone = {})
{
    if (!email.isEmpty()) {
        QTest::keyClicks(dialog->emailEdit(), email);
    } else {
        QTest::keyClicks(withPlaceholder(dialog, QStringLiteral("90")), country);
        QTest::keyClicks(withPlaceholder(dialog, QStringLiteral("5551234567")), phone);
    }
    QTest::mouseClick(buttonNamed(dialog, QStringLiteral("Send code")), Qt::LeftButton);
    return QTest::qWaitFor(
        [dialog] { return dialog->codeEdit()->isEnabled() && dialog->codeEdit()->text().size() == 4; },
        kWaitMs);
}
// Clicks Sign in; true once the dialog closed (signed in) or shows a problem.
inline bool verify(SignInDialog *dialog)
{
    QTest::mouseClick(buttonNamed(dialog, QStringLiteral("Sign in")), Qt::LeftButton);
    return QTest::qWaitFor([dialog] { return !dialog->isVisible() || !problem(dialog)->text().isEmpty(); },
                           kWaitMs);
}
} // namespace signin

// The real window and what a user does with it.
class WindowDriver
{
public:
    std::unique_ptr<MainWindow> window;

    MainWindow *open(const QString &server, TokenStore *store, const QString &fixedToken = {})
    {
        MainWindow::Options options;
        options.server = server;
        options.tokenStore = store;
        options.fixedToken = fixedToken;
        return open(options);
    }
    MainWindow *open(const MainWindow::Options &options)
    {
        window = std::make_unique<MainWindow>(options);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("window not exposed");
        return window.get();
    }
    // Opens and waits until the settings are on screen.
    MainWindow *openLoaded(const QString &server, TokenStore *store, const QString &fixedToken = {})
    {
        open(server, store, fixedToken);
        waitLoaded();
        return window.get();
    }
    void close() { window.reset(); }

    ServerContext *current() const { return window->current(); }
    SettingsModel *model() const { return current()->model(); }
    NoticeBanner *errorBanner() const { return window->errorBanner(); }
    QPushButton *applyButton() const { return window->applyBar()->applyButton(); }
    QLabel *accountStatus() const { return window->accountPanel()->statusLabel(); }

    bool loaded() const
    {
        return current()->model()->isLoaded() && !current()->session()->isLoading() &&
               window->settingsForm()->isEnabled();
    }
    bool idle() const { return !current()->session()->isApplying() && !current()->session()->isLoading(); }
    void waitLoaded() const { QTRY_VERIFY_WITH_TIMEOUT(loaded(), kWaitMs); }
    void waitIdle() const { QTRY_VERIFY_WITH_TIMEOUT(idle(), kWaitMs); }

    // Short waits and no retry pauses for fault tests; the limits themselves stay the app's.
    void setPolicy(const std::function<void(ApiClient::Policy &)> &change) const
    {
        ApiClient::Policy policy = current()->client()->policy();
        change(policy);
        current()->client()->setPolicy(policy);
    }

    FieldRow *row(const QString &key) const { return window->settingsForm()->row(key); }
    QCheckBox *box(const QString &key) const { return qobject_cast<QCheckBox *>(row(key)->editor()); }
    // Marked, revertable and bold: what the user sees for a changed field.
    bool shownAsChanged(const QString &key) const
    {
        return row(key)->marker()->isVisible() &&
               row(key)->marker()->text().contains(QStringLiteral("Changed")) &&
               row(key)->revertButton()->isVisible() && row(key)->revertButton()->isEnabled() &&
               box(key)->font().bold();
    }
    void flip(const QString &key) const
    {
        box(key)->setFocus();
        QTest::keyClick(box(key), Qt::Key_Space); // as a keyboard user would
    }
    void click(QAbstractButton *button) const { QTest::mouseClick(button, Qt::LeftButton); }
    void clickApply() const { click(applyButton()); }
    // Picks `server` in the banner's switch, as the user does.
    void choose(const QString &server) const
    {
        QComboBox *combo = window->serverBanner()->serverSwitch();
        const int index = combo->findData(server);
        QVERIFY2(index >= 0, qPrintable(server));
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
    }
    // The error banner is on screen with Retry, and says `needle` somewhere.
    bool showsError(const QString &titlePart, const QString &needle) const
    {
        return errorBanner()->isVisible() && errorBanner()->title().contains(titlePart) &&
               errorBanner()->message().contains(needle) && errorBanner()->actionButton()->isVisible() &&
               errorBanner()->actionButton()->text() == QLatin1String("Retry");
    }
    // Opens Sign in… from the account panel and runs `steps` inside the dialog's own event loop;
    // returns once the dialog is closed (closed here if `steps` left it open).
    void withSignInDialog(QObject *context, const std::function<void(SignInDialog *)> &steps) const
    {
        bool ran = false;
        const QPointer<QTimer> watch = whenModal<SignInDialog>(context, [&ran, steps](SignInDialog *dialog) {
            steps(dialog);
            ran = true;
            if (dialog->isVisible())
                dialog->reject();
        });
        click(window->accountPanel()->signInButton());
        delete watch.data(); // when the dialog never opened
        QVERIFY2(ran, "the sign-in dialog did not open");
    }
    // Sign in… by email with the code the Development sandbox returns, until signed in.
    void signInByEmail(QObject *context, const QString &email) const
    {
        bool done = false;
        withSignInDialog(context, [&done, email](SignInDialog *dialog) {
            done = signin::sendCode(dialog, email) && signin::verify(dialog) && !dialog->isVisible();
        });
        QVERIFY2(done, "signing in by email did not finish");
        QTRY_VERIFY_WITH_TIMEOUT(current()->account()->isSignedIn() && !current()->account()->isSaving(),
                                 kWaitMs);
    }
    QString errorText() const
    {
        return errorBanner()->title() + QStringLiteral(" | ") + errorBanner()->message();
    }
};

// Two sandboxes registered as "dev" and "staging" in the test HOME, and a token store in memory
// (as a keychain would hold tokens; no real keychain in GUI tests).
struct TwoServers
{
    std::unique_ptr<SandboxProcess> dev;
    std::unique_ptr<SandboxProcess> other;
    std::unique_ptr<MemoryTokenStore> store;

    // In initTestCase, after becomeTheApp().
    void start()
    {
        dev = std::make_unique<SandboxProcess>();
        other = std::make_unique<SandboxProcess>();
        QVERIFY(dev->isRunning() && other->isRunning());
        ServerRegistry registry;
        QCOMPARE(registry.set(QStringLiteral("dev"), dev->baseUrl()), QString());
        QCOMPARE(registry.set(QStringLiteral("staging"), other->baseUrl()), QString());
        // Applied to without a question, as Development is (tst_signinstates covers the question).
        QCOMPARE(registry.setConfirmChanges(QStringLiteral("staging"), false), QString());
    }
    // In init(): no faults, default settings, nobody signed in, no pending dialog answer.
    void fresh()
    {
        store = std::make_unique<MemoryTokenStore>();
        for (SandboxProcess *sandbox : {dev.get(), other.get()}) {
            sandbox->reset();
            sandbox->setSettings(kUser, defaults());
        }
        MessageBox::clearNextAnswer();
    }
    // kUser signed in on both servers (tokens in the memory store), as if from an earlier run.
    bool signInBoth()
    {
        for (SandboxProcess *sandbox : {dev.get(), other.get()}) {
            const SandboxProcess::Tokens tokens = sandbox->mintToken(kUser);
            if (tokens.access.isEmpty() || !seed(*store, sandbox->baseUrl(), {tokens.access, tokens.refresh}))
                return false;
        }
        return true;
    }
    // In cleanup(): the window gone, no draft left for the next test.
    void finish(WindowDriver &ui)
    {
        ui.close();
        AppSettings::open()->remove(QStringLiteral("drafts"));
        MessageBox::clearNextAnswer();
    }
};
} // namespace kit
