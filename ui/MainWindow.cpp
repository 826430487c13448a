#include "MainWindow.h"

#include "AccountPanel.h"
#include "ApplyBar.h"
#include "MainMenus.h"
#include "MessageBox.h"
#include "NoticeBanner.h"
#include "ReloadController.h"
#include "RequestLogDock.h"
#include "RequestLogModel.h"
#include "ServerBanner.h"
#include "ServersDialog.h"
#include "SettingsForm.h"
#include "SettingsStatus.h"
#include "SettingsTransfer.h"
#include "WindowFit.h"
#include "WindowPlacement.h"
#include "api/SettingsSession.h"
#include "i18n/LanguageManager.h"
#include "servers/ServerRegistry.h"
#include "session/ServerContext.h"
#include "session/ServerSessions.h"
#include "settings/SettingsModel.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

namespace {
const QString kPreferredLanguage = QStringLiteral("preferredLanguage");

// Before any widget exists, so they are built in the UI language.
LanguageManager *languagesFor(const MainWindow::Options &options, QObject *owner)
{
    LanguageManager *languages = options.languages ? options.languages : new LanguageManager(owner);
    if (languages->current().isEmpty())
        languages->apply(QStringLiteral("en")); // English plural forms come from allmine_en.qm
    return languages;
}
} // namespace

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent), m_options(options), m_confirmation(this), m_languages(languagesFor(options, this)),
      m_logModel(new RequestLogModel(this)),
      m_sessions(
          new ServerSessions({options.server, options.baseUrl, options.fixedToken, options.tokenStore}, this))
{
    connect(m_sessions, &ServerSessions::exchanged, this,
            [this](const ServerProfile &server, const RequestRecord &record) {
                m_logModel->append(server, record);
            });
    // The first server's request (or, without ALLMINE_TOKEN, the keychain read it waits for)
    // starts before the widgets are built; answers come through the event loop, to a built window.
    m_sessions->setLanguage(uiLanguage());
    m_sessions->activate(m_sessions->startServer());
    m_menus = new MainMenus(menuBar(), uiLanguage(), this);
    m_menus->view()->insertAction(m_menus->requestLog(), (new ReloadController(this, m_sessions))->action());
    new SettingsTransfer(this, m_sessions, m_menus); // Compare with…, Export and Import

    m_serverBanner = new ServerBanner;
    m_errorBanner = new NoticeBanner(NoticeBanner::Kind::Error);
    m_noticeBanner = new NoticeBanner(NoticeBanner::Kind::Info);
    m_accountPanel = new AccountPanel;
    m_applyBar = new ApplyBar;
    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to its fields; it scrolls to the focused one
    m_form = new SettingsForm;

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_serverBanner);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_noticeBanner);
    layout->addWidget(m_accountPanel);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_applyBar);
    setCentralWidget(central);

    connect(m_serverBanner, &ServerBanner::serverChosen, this, &MainWindow::requestServer);
    connect(m_serverBanner, &ServerBanner::manageServersRequested, this, &MainWindow::showServersDialog);
    connect(m_serverBanner, &ServerBanner::resumeConfirmationsRequested, this, [this] {
        if (current())
            m_confirmation.resume(current()->server());
        refreshServers();
    });
    connect(m_applyBar, &ApplyBar::applyRequested, this, &MainWindow::apply);
    connect(m_applyBar, &ApplyBar::revertRequested, this, &MainWindow::revertAll);
    connect(m_errorBanner, &NoticeBanner::actionTriggered, this, &MainWindow::retry);
    connect(m_noticeBanner, &NoticeBanner::actionTriggered, this, [this] {
        const std::function<void()> action = m_noticeAction; // clearNotice() drops it
        clearNotice();
        if (action)
            action();
    });
    connect(m_noticeBanner, &NoticeBanner::dismissed, this, [this] {
        const std::function<void()> dismissed = m_noticeDismissed;
        clearNotice();
        if (dismissed)
            dismissed();
    });
    for (NoticeBanner *banner : {m_errorBanner, m_noticeBanner})
        connect(banner, &NoticeBanner::roomChanged, this, [this] {
            if (m_settled)
                fitIfUntouched();
        });
    connect(m_languages, &LanguageManager::languageChanged, this, &MainWindow::onLanguageChanged);
    connect(m_accountPanel, &AccountPanel::sessionOnlyRequested, m_sessions,
            &ServerSessions::useSessionOnlyStore);
    followSessions();
    followMenus();

    retranslateUi();
    showActive(current()); // the banner and account texts count in the size
    resize(WindowFit::preferred(this, m_scroll, m_form));
    m_openedSize = size();
    m_scroll->setWidget(m_form); // after the size is known: it is laid out once, at that size
    chainTabOrder();             // once every widget is in the window
    if (m_options.rememberPlacement && WindowPlacement::restore(this, [this] { return requestLog(); }))
        m_openedSize = QSize(); // the user's size stays
}

MainWindow::~MainWindow()
{
    // The dock hides itself while the window is torn down; the menu must not follow it then.
    if (m_requestLog)
        m_requestLog->toggleViewAction()->disconnect(m_menus->requestLog());
    m_menus->requestLog()->disconnect(this);
    // The sessions first: their calls may still report to the widgets.
    delete m_sessions;
    m_sessions = nullptr;
}

ServerContext *MainWindow::current() const
{
    return m_sessions ? m_sessions->active() : nullptr;
}

QAction *MainWindow::applyAction() const
{
    return m_menus->apply();
}

QMenu *MainWindow::languageMenu() const
{
    return m_menus->languageMenu();
}

void MainWindow::followMenus()
{
    connect(m_menus->servers(), &QAction::triggered, this, &MainWindow::showServersDialog);
    connect(m_menus->quit(), &QAction::triggered, this, &QWidget::close);
    connect(m_menus->apply(), &QAction::triggered, this, &MainWindow::apply);
    connect(m_menus->revert(), &QAction::triggered, this, &MainWindow::revertAll);
    // The dock is built on first use: most people never open it, and it costs start-up time.
    connect(m_menus->requestLog(), &QAction::toggled, this,
            [this](bool on) { requestLog()->setVisible(on); });
    connect(m_menus, &MainMenus::languageChosen, this, &MainWindow::switchLanguage);
    m_menus->followAccount(m_accountPanel);
}

// The one connection point to the servers: whatever comes from here is the active server's.
void MainWindow::followSessions()
{
    connect(m_sessions, &ServerSessions::activeChanged, this, &MainWindow::showActive);
    connect(m_sessions, &ServerSessions::changed, this, &MainWindow::updateState);
    connect(m_sessions, &ServerSessions::applied, this, &MainWindow::onApplied);
    connect(m_sessions, &ServerSessions::failed, this, &MainWindow::onFailed);
    connect(m_sessions, &ServerSessions::settled, this, &MainWindow::markSettled);
    connect(m_sessions, &ServerSessions::accountProblem, this, [this](const QString &message) {
        const ServerProfile server = current()->server();
        showNotice([server, message] {
            return NoticeBanner::Texts{tr("Your account on %1").arg(server.title()), message, {}};
        });
        m_signInNotice = true;
    });
    connect(m_sessions, &ServerSessions::serversChanged, this, &MainWindow::refreshServers);
    connect(m_sessions, &ServerSessions::signedIn, this, &MainWindow::dropSignInWarnings);
    connect(m_sessions, &ServerSessions::conflictReloaded, this, [this](const ApiError &error) {
        m_afterApply = AfterApply::Nothing; // the user decides again after a 404 or 409
        const ServerProfile server = current()->server();
        m_retryApplies = false; // sending the same again meets the same refusal
        m_errorIsAuth = false;
        // An error, shown as one: nothing was applied. The answer to Apply, so it takes the focus.
        m_errorBanner->showTexts(
            [server, error] { return SettingsStatus::reloadedAfterRefusal(server, error); },
            NoticeBanner::Attention::TakeFocus);
    });
    connect(m_sessions, &ServerSessions::draftOffered, this, [this](int count) {
        const ServerProfile server = current()->server();
        showNotice(
            [server, count] {
                return NoticeBanner::Texts{
                    tr("Unsent changes from last time"),
                    tr("%n change(s) to %1 were not sent before the app closed.", nullptr, count)
                        .arg(server.title()),
                    tr("Restore")};
            },
            [this] {
                if (current())
                    current()->takeDraft();
            },
            [this] {
                if (current() && !current()->draftOffer().isEmpty())
                    current()->dropDraft();
            });
    });
}

// The first load has settled, so the account line is final (the keychain's answer names the
// account, and may take it to two lines): the window fits every field again, unless the user has
// resized it meanwhile.
void MainWindow::markSettled()
{
    if (m_settled)
        return;
    m_settled = true;
    // The account line may be longer now (the expiry, "this session only").
    m_accountPanel->refresh();
    fitIfUntouched();
    Q_EMIT settled();
}

// The size the window chose for itself follows what it shows (a banner came or went, the account
// line grew); a size the user chose stays.
void MainWindow::fitIfUntouched()
{
    if (size() != m_openedSize || (windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        return;
    WindowFit::resizeOnScreen(this, WindowFit::preferred(this, m_scroll, m_form));
    m_openedSize = size();
}

RequestLogDock *MainWindow::requestLog()
{
    if (!m_requestLog) {
        m_requestLog = new RequestLogDock(m_logModel, this);
        addDockWidget(Qt::BottomDockWidgetArea, m_requestLog);
        restoreDockWidget(m_requestLog); // where the user last had it
        m_requestLog->hide();            // for QA; View → Request log
        connect(m_requestLog->toggleViewAction(), &QAction::toggled, m_menus->requestLog(),
                &QAction::setChecked);
    }
    return m_requestLog;
}

QString MainWindow::uiLanguage() const
{
    const QString code = m_languages->current();
    return code.isEmpty() ? QStringLiteral("en") : code;
}

void MainWindow::switchLanguage(const QString &code)
{
    if (m_languages->apply(code))
        LanguageManager::storeChoice(code);
    onLanguageChanged(uiLanguage()); // also puts the check mark back after a failed switch
}

void MainWindow::onLanguageChanged(const QString &code)
{
    // Server messages come back in the UI language from the next request on.
    m_sessions->setLanguage(code);
    m_menus->checkLanguage(code);
    if (!m_offeredLanguage.isEmpty() && m_offeredLanguage == code)
        clearNotice();
}

void MainWindow::offerLanguage(const QString &code)
{
    if (!LanguageManager::available().contains(code) || code == uiLanguage())
        return;
    const QString name = MainMenus::languageName(code);
    showNotice(
        [name] {
            return NoticeBanner::Texts{tr("Your Allmine language is now %1").arg(name),
                                       tr("Show this window in %1 too?").arg(name), tr("Use %1").arg(name)};
        },
        [this, code] { switchLanguage(code); }, {}, NoticeBanner::Attention::TakeFocus); // after Apply
    m_offeredLanguage = code;
}

// What was said about an old sign-in is over: no banner may ask to sign in again beside "Signed in".
void MainWindow::dropSignInWarnings()
{
    if (m_signInNotice)
        clearNotice();
    if (m_errorIsAuth)
        m_errorBanner->clear();
    m_errorIsAuth = false;
}

void MainWindow::showNotice(NoticeBanner::TextSource texts, std::function<void()> action,
                            std::function<void()> dismissed, NoticeBanner::Attention attention)
{
    m_noticeAction = std::move(action);
    m_noticeDismissed = std::move(dismissed);
    m_offeredLanguage.clear();
    m_signInNotice = false;
    m_noticeBanner->showTexts(std::move(texts), attention);
}

void MainWindow::clearNotice()
{
    m_signInNotice = false;
    m_noticeAction = nullptr;
    m_noticeDismissed = nullptr;
    m_offeredLanguage.clear();
    m_noticeBanner->clear();
}

void MainWindow::retranslateUi()
{
    m_menus->retranslateUi();
    updateState();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

// Top to bottom, as the user reads the window.
void MainWindow::chainTabOrder()
{
    QList<QWidget *> chain = {m_serverBanner->serverSwitch(),
                              m_serverBanner->findChild<QPushButton *>(QStringLiteral("manageServers")),
                              m_serverBanner->resumeButton(),
                              m_errorBanner->actionButton(),
                              m_errorBanner->dismissButton(),
                              m_noticeBanner->actionButton(),
                              m_noticeBanner->dismissButton()};
    chain << m_accountPanel->focusChain();
    QWidget *previous = chain.first();
    for (QWidget *next : chain.mid(1)) {
        setTabOrder(previous, next);
        previous = next;
    }
    previous = m_form->chainTabOrder(previous);
    setTabOrder(previous, m_applyBar->revertButton());
    setTabOrder(m_applyBar->revertButton(), m_applyBar->applyButton());
}

bool MainWindow::requestServer(const QString &name)
{
    ServerContext *const context = current();
    if (context && name == context->server().name)
        return true;
    if (context && context->model()->hasPending()) {
        const int pending = int(context->model()->pendingKeys().size());
        const auto answer = MessageBox::askUnsaved(
            this, tr("Unsaved changes"),
            tr("You have %n unsaved change(s) on %1. Apply them before switching?", nullptr, pending)
                .arg(context->server().title()),
            tr("Keep for later"));
        if (answer == QMessageBox::Save) { // they stay in its context (and draft) for its return
            m_sessions->activate(name);
            return true;
        }
        if (answer == QMessageBox::Apply) {
            m_afterApply = AfterApply::Switch;
            m_switchTarget = name;
            if (!apply())
                m_afterApply = AfterApply::Nothing;
        } else if (answer == QMessageBox::Discard) {
            context->model()->revertAll();
            m_sessions->activate(name);
            return true;
        }
        refreshServers(); // the switch shows the server still active
        return false;
    }
    m_sessions->activate(name); // the old server's late answers are dropped
    return true;
}

void MainWindow::showActive(ServerContext *context)
{
    m_afterApply = AfterApply::Nothing; // a pending "apply, then switch or close" is settled here
    m_errorBanner->clear();
    clearNotice();
    m_form->setModel(context->model());
    m_accountPanel->setContext(context);
    refreshServers();
    welcome();
    if (context->lastError().isError())
        onFailed(context->lastError(), false);
    if (context->hasSettled())
        markSettled();
    updateState();
}

// No server has an address (a first start): what to do, instead of an error.
void MainWindow::welcome()
{
    const QList<ServerProfile> servers = m_sessions->servers(ServerRegistry());
    m_welcomed = std::none_of(servers.cbegin(), servers.cend(),
                              [](const ServerProfile &server) { return server.hasUrl(); });
    if (!m_welcomed)
        return;
    m_errorBanner->clear();
    showNotice(
        [] {
            return NoticeBanner::Texts{
                tr("Welcome to Allmine Settings"),
                tr("To see and change your settings, choose Servers… and enter the address of your "
                   "Allmine server."),
                tr("Servers…")};
        },
        [this] { showServersDialog(); });
}

void MainWindow::refreshServers()
{
    // With this run's --base-url.
    const ServerProfile active = current() ? current()->server() : ServerProfile{};
    m_serverBanner->setServers(m_sessions->servers(ServerRegistry()), active);
    m_serverBanner->setConfirmationsPaused(m_confirmation.isPaused(active));
}

void MainWindow::updateState()
{
    ServerContext *const context = current();
    if (!context)
        return;
    const ApplyBar::State state = SettingsStatus::of(*context);
    m_applyBar->setState(state);
    m_menus->apply()->setEnabled(m_applyBar->canApply());
    m_menus->revert()->setEnabled(state.changed > 0);
    setWindowTitle(tr("%1 — Allmine Settings[*]").arg(state.server));
    setWindowModified(state.pending > 0);
    const QString accountText = m_accountPanel->statusLabel()->text();
    m_accountPanel->refresh();
    if (m_settled && m_accountPanel->statusLabel()->text() != accountText)
        fitIfUntouched(); // the sign-in check's answer may take the line to two
    m_menus->updateAccount();
    const SignInState signIn = context->signInState();
    if (signIn.kind == SignInState::Kind::SignedIn && !signIn.unanswered)
        dropSignInWarnings(); // the server works with this sign-in now (a reload, a renewal)
    if (!context->server().hasUrl() && m_errorBanner->isHidden() && !m_welcomed) {
        const ServerProfile server = context->server();
        m_errorBanner->showTexts([server] {
            return NoticeBanner::Texts{tr("%1 has no address").arg(server.title()),
                                       tr("Set its address under Servers… to load settings."),
                                       tr("Servers…")};
        });
    }
}

bool MainWindow::apply()
{
    if (!current() || !m_applyBar->canApply() ||
        !m_confirmation.confirm(current()->server(), *current()->model()))
        return false;
    m_serverBanner->setConfirmationsPaused(m_confirmation.isPaused(current()->server()));
    m_errorBanner->clear();
    return current()->session()->apply();
}

void MainWindow::revertAll()
{
    ServerContext *const context = current();
    if (context)
        context->model()->revertAll();
}

void MainWindow::onApplied(const QStringList &keys)
{
    const ServerContext *context = current();
    if (keys.contains(kPreferredLanguage))
        offerLanguage(context->model()->confirmedValue(kPreferredLanguage).toString());
    if (!m_errorBanner->isHidden()) // shown, or to be when the window is
        m_errorBanner->clear();
    if (context->model()->hasPending() || context->session()->isApplying())
        return; // edits made meanwhile wait for the next Apply
    const AfterApply after = std::exchange(m_afterApply, AfterApply::Nothing);
    if (after == AfterApply::Switch)
        m_sessions->activate(m_switchTarget);
    else if (after == AfterApply::Close)
        close();
}

void MainWindow::onFailed(const ApiError &error, bool whileApplying)
{
    const ServerContext *context = current();
    if (m_afterApply == AfterApply::Close)
        clearNotice();                  // no longer closing
    m_afterApply = AfterApply::Nothing; // the user decides again after an error
    m_retryApplies = whileApplying && context->model()->hasPending();
    // A refusal that ended the sign-in (a 403 on a sign-in the server still accepts does not).
    m_errorIsAuth = error.isAuthFailure() && context->signInState().kind != SignInState::Kind::SignedIn;
    const ServerProfile server = context->server();
    const bool fixedToken = context->usesFixedToken(); // refused, it is not replaced by signing in
    // Re-worded on a language switch; the server's own words stay as it sent them.
    m_errorBanner->showTexts(
        [server, error, whileApplying, fixedToken] {
            return NoticeBanner::Texts{
                whileApplying ? tr("Could not apply the changes to %1").arg(server.title())
                              : tr("Could not load the settings from %1").arg(server.title()),
                error.message(fixedToken ? AccountPanel::fixedTokenRejectedText() : QString()) +
                    (whileApplying ? QLatin1Char(' ') + tr("Your changes are kept.") : QString()),
                error.isRetryable() ? tr("Retry") : QString()}; // only where sending again can help
        },
        whileApplying ? NoticeBanner::Attention::TakeFocus : NoticeBanner::Attention::Announce);
    updateState();
}

void MainWindow::retry()
{
    ServerContext *const context = current();
    if (!context)
        return;
    if (!context->server().hasUrl())
        return showServersDialog();
    m_errorBanner->clear();
    if (m_retryApplies && context->model()->isLoaded())
        apply();
    else
        context->reload(); // a failed load, or a failed reload of what is shown
}

void MainWindow::showServersDialog()
{
    ServersDialog dialog(this);
    MessageBox::exec(&dialog);
    m_sessions->reconcile(ServerRegistry()); // shows another context if the active one's address changed
    if (m_welcomed) {                        // the first address may have been set
        clearNotice();
        welcome();
    }
    refreshServers();
    updateState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    ServerContext *const context = current();
    // Changes on the wire: closing now would abort them, so the window closes when the server
    // has answered (an error keeps it open, with the changes).
    if (context && context->session()->isApplying() && !context->model()->hasPending()) {
        event->ignore();
        closeAfterApply();
        return;
    }
    if (context && context->model()->hasPending()) {
        const int pending = int(context->model()->pendingKeys().size());
        const auto answer = MessageBox::askUnsaved(
            this, tr("Unsaved changes"),
            tr("You have %n unsaved change(s) on %1. Apply them before closing?", nullptr, pending)
                .arg(context->server().title()));
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Apply) {
            event->ignore();
            if (apply())
                closeAfterApply();
            return;
        }
        context->model()->revertAll(); // Discard: also forgets the draft
    }
    if (m_options.rememberPlacement)
        WindowPlacement::save(this, m_requestLog);
    event->accept();
}

// Says so, with a way back: the window closes when the server has answered.
void MainWindow::closeAfterApply()
{
    m_afterApply = AfterApply::Close;
    const QString server = current()->server().title();
    const auto cancel = [this] { m_afterApply = AfterApply::Nothing; };
    showNotice(
        [server] {
            return NoticeBanner::Texts{tr("Closing once the server answers…"),
                                       tr("Your changes are on their way to %1.").arg(server), tr("Cancel")};
        },
        cancel, cancel, NoticeBanner::Attention::TakeFocus); // the answer to Quit: Cancel is one key away
}

void MainWindow::finishPendingWrites()
{
    m_sessions->finishPendingWrites();
}
