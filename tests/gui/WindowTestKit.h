#pragma once
// Helpers shared by the tests that drive the real window offscreen against the sandbox
// (tests/gui/tst_faults, tst_accountui, tst_draftkill, tst_requestlog and
// tests/keychain/tst_guisecrets): open the window, find its widgets, act as a user would, and
// answer modal dialogs from inside their own event loop.
#include "AccountPanel.h"
#include "ApplyBar.h"
#include "FieldRow.h"
#include "MainWindow.h"
#include "NoticeBanner.h"
#include "SandboxProcess.h"
#include "ServerBanner.h"
#include "ServerContext.h"
#include "SettingsForm.h"
#include "TestEnv.h"
#include "api/ApiClient.h"
#include "api/SettingsSession.h"
#include "auth/TokenStore.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
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

// This process as the app, in `env`'s HOME, without ALLMINE_TOKEN (call first in initTestCase).
inline void becomeTheApp(const TestEnv &env)
{
    env.applyToCurrentProcess();
    QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
    QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    qunsetenv("ALLMINE_TOKEN");
}

// Saves a token pair in `store` for `origin` and waits until it is kept.
inline bool seed(TokenStore &store, const QUrl &baseUrl, const TokenPair &tokens)
{
    bool saved = false;
    store.save(ServerProfile::originOf(baseUrl), tokens,
               [&saved](const TokenStore::Result &) { saved = true; });
    return QTest::qWaitFor([&saved] { return saved; }, kWaitMs);
}

// Runs `answer` with the next modal dialog of type T once it is shown (from inside its exec()),
// so a test can fill in and close a dialog the window opens with MessageBox::exec().
template <typename T> void whenModal(QObject *context, std::function<void(T *)> answer)
{
    auto *timer = new QTimer(context);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, context, [timer, answer] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        answer(dialog);
    });
    timer->start();
}

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
               row(key)->revertButton()->isEnabled() && box(key)->font().bold();
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
    QString errorText() const
    {
        return errorBanner()->title() + QStringLiteral(" | ") + errorBanner()->message();
    }
};
} // namespace kit
