#include "MainWindow.h"

#include "AccountPanel.h"
#include "AppIcons.h"
#include "ApplyBar.h"
#include "FieldRow.h"
#include "MessageBox.h"
#include "NoticeBanner.h"
#include "ProductionConfirmDialog.h"
#include "RequestLogDock.h"
#include "RequestLogModel.h"
#include "ServerBanner.h"
#include "ServerContext.h"
#include "ServersDialog.h"
#include "SettingsForm.h"
#include "api/ApiClient.h"
#include "api/SettingsSession.h"
#include "auth/KeychainTokenStore.h"
#include "auth/MemoryTokenStore.h"
#include "i18n/LanguageManager.h"
#include "servers/ServerRegistry.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace {
const QString kPreferredLanguage = QStringLiteral("preferredLanguage");

// The language's own name ("Türkçe"), as the language menu and the offer show it.
QString languageName(const QString &code)
{
    for (const LanguageChoice &language : FieldTable::languages()) {
        if (code == QLatin1String(language.code))
            return QString::fromUtf8(language.name);
    }
    return code;
}

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
    : QMainWindow(parent), m_options(options), m_store(options.tokenStore),
      m_languages(languagesFor(options, this)), m_logModel(new RequestLogModel(this))
{
    // The first server's request (or, without ALLMINE_TOKEN, the keychain read it waits for)
    // starts before the widgets are built; answers come through the event loop, to a built window.
    ServerRegistry registry;
    const QString wanted =
        ServerRegistry::canonicalName(options.server.isEmpty() ? registry.activeName() : options.server);
    m_options.server = registry.find(wanted) ? wanted : QStringLiteral("dev"); // --base-url applies to it
    contextFor(m_options.server)->activate();
    createMenus();

    m_serverBanner = new ServerBanner;
    m_errorBanner = new NoticeBanner(NoticeBanner::Kind::Error);
    m_noticeBanner = new NoticeBanner(NoticeBanner::Kind::Info);
    m_accountPanel = new AccountPanel;
    m_applyBar = new ApplyBar;
    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
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
    connect(m_languages, &LanguageManager::languageChanged, this, &MainWindow::onLanguageChanged);
    connect(m_accountPanel, &AccountPanel::sessionOnlyRequested, this, &MainWindow::useSessionOnlyStore);

    retranslateUi();
    activate(m_options.server); // the banner and account texts count in the size
    resize(preferredSize());
    m_openedSize = size();
    m_scroll->setWidget(m_form); // after the size is known: it is laid out once, at that size
    chainTabOrder();             // once every widget is in the window
}

MainWindow::~MainWindow()
{
    // The dock hides itself while the window is torn down; the menu must not follow it then.
    if (m_requestLog)
        m_requestLog->toggleViewAction()->disconnect(m_logAction);
    m_logAction->disconnect(this);
    // Contexts first: their calls may still report to widgets and the store.
    qDeleteAll(m_contexts);
    m_contexts.clear();
}

// Wide enough for the banner's sentence and every field on one line, tall enough to show every
// field without scrolling (a scroll area asks for at most 24 lines of its content), within the
// screen with room for the title bar. Wrapping labels are asked their height at that width.
QSize MainWindow::preferredSize() const
{
    const QLayout *layout = centralWidget()->layout();
    const QMargins margins = layout->contentsMargins();
    const int width = std::max({sizeHint().width(), fontMetrics().averageCharWidth() * 100,
                                m_form->sizeHint().width() + margins.left() + margins.right()});
    const int formWidth = width - margins.left() - margins.right();
    // QScrollArea shows a scroll bar unless there is room for its content's height at that width
    // (the size hint's height is for the narrower width a wrapping label suggests).
    const int formHeight =
        m_form->hasHeightForWidth() ? m_form->heightForWidth(formWidth) : m_form->sizeHint().height();
    // The scroll area's share of the layout's height, as the layout counts it, becomes the form's.
    const QLayoutItem *scrollItem = layout->itemAt(layout->indexOf(m_scroll));
    Q_ASSERT(scrollItem); // the central layout holds the scroll area from the start
    const int scrollHeight = scrollItem->sizeHint().height();
    const int height =
        menuBar()->sizeHint().height() + layout->totalHeightForWidth(width) - scrollHeight + formHeight;
    const QScreen *screen = this->screen();
    if (!screen)
        return {width, height};
    const QRect available = screen->availableGeometry();
    const int titleBar = style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, this);
    return QSize(width, height).boundedTo(QSize(available.width(), available.height() - titleBar));
}

// The first load has settled, so the account line is final (the keychain's answer names the
// account, and may take it to two lines): the window fits every field again, unless the user has
// resized it meanwhile.
void MainWindow::markSettled()
{
    if (m_settled)
        return;
    m_settled = true;
    if (size() == m_openedSize && !(windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))) {
        resize(preferredSize());
        m_openedSize = size();
        // Grown downwards, it may now run off the screen: up so that it ends where the screen does.
        if (const QScreen *screen = this->screen(); isVisible() && screen) {
            const QRect available = screen->availableGeometry();
            const int overflow = frameGeometry().bottom() - available.bottom();
            if (overflow > 0)
                move(x(), qMax(available.top(), y() - overflow));
        }
    }
    Q_EMIT settled();
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_serversAction = m_fileMenu->addAction(QString(), this, &MainWindow::showServersDialog);
    m_serversAction->setObjectName(QStringLiteral("serversAction"));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_editMenu = menuBar()->addMenu(QString());
    m_applyAction = m_editMenu->addAction(AppIcons::apply(), QString(), this, &MainWindow::apply);
    m_applyAction->setObjectName(QStringLiteral("applyAction"));
    m_applyAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_S), QKeySequence(Qt::CTRL | Qt::Key_Return),
                                 QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_revertAction = m_editMenu->addAction(AppIcons::revert(), QString(), this, &MainWindow::revertAll);

    m_viewMenu = menuBar()->addMenu(QString());
    // The dock is built on first use: most people never open it, and it costs start-up time.
    m_logAction = m_viewMenu->addAction(QString());
    m_logAction->setObjectName(QStringLiteral("requestLogAction"));
    m_logAction->setCheckable(true);
    m_logAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_logAction, &QAction::toggled, this, [this](bool on) { requestLog()->setVisible(on); });

    // Each language in its own name, so it can be found whatever the UI shows now.
    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const LanguageChoice &language : FieldTable::languages()) {
        const QString code = QString::fromLatin1(language.code);
        if (!LanguageManager::available().contains(code))
            continue;
        QAction *action = m_languageMenu->addAction(QString::fromUtf8(language.name));
        action->setObjectName(QStringLiteral("language_") + code);
        action->setData(code);
        action->setCheckable(true);
        action->setChecked(code == uiLanguage());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { switchLanguage(code); });
    }
}

RequestLogDock *MainWindow::requestLog()
{
    if (!m_requestLog) {
        m_requestLog = new RequestLogDock(m_logModel, this);
        addDockWidget(Qt::BottomDockWidgetArea, m_requestLog);
        m_requestLog->hide(); // for QA; View → Request log
        connect(m_requestLog->toggleViewAction(), &QAction::toggled, m_logAction, &QAction::setChecked);
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
    for (ServerContext *context : qAsConst(m_contexts))
        context->setLanguage(code);
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == code);
    if (!m_offeredLanguage.isEmpty() && m_offeredLanguage == code)
        clearNotice();
}

void MainWindow::offerLanguage(const QString &code)
{
    if (!LanguageManager::available().contains(code) || code == uiLanguage())
        return;
    const QString name = languageName(code);
    showNotice(
        [name] {
            return NoticeBanner::Texts{tr("Your Allmine language is now %1").arg(name),
                                       tr("Show this window in %1 too?").arg(name), tr("Use %1").arg(name)};
        },
        [this, code] { switchLanguage(code); });
    m_offeredLanguage = code;
}

void MainWindow::showNotice(NoticeBanner::TextSource texts, std::function<void()> action,
                            std::function<void()> dismissed)
{
    m_noticeAction = std::move(action);
    m_noticeDismissed = std::move(dismissed);
    m_offeredLanguage.clear();
    m_noticeBanner->showTexts(std::move(texts));
}

void MainWindow::clearNotice()
{
    m_noticeAction = nullptr;
    m_noticeDismissed = nullptr;
    m_offeredLanguage.clear();
    m_noticeBanner->clear();
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_serversAction->setText(tr("&Servers…"));
    m_quitAction->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_applyAction->setText(tr("&Apply changes"));
    m_revertAction->setText(tr("&Revert all changes"));
    m_viewMenu->setTitle(tr("&View"));
    m_logAction->setText(tr("&Request log"));
    m_languageMenu->setTitle(tr("&Language"));
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

TokenStore *MainWindow::tokenStore()
{
    // Opened only when a server needs it, so a run with ALLMINE_TOKEN never touches the keychain.
    if (!m_store)
        m_store = new KeychainTokenStore(this);
    return m_store;
}

void MainWindow::useSessionOnlyStore()
{
    if (m_store && m_store->isSessionOnly())
        return;
    m_store = new MemoryTokenStore(this);
    for (ServerContext *context : qAsConst(m_contexts))
        context->setTokenStore(m_store);
}

ServerContext *MainWindow::contextFor(const QString &name)
{
    if (ServerContext *existing = m_contexts.value(name))
        return existing;
    ServerRegistry registry;
    ServerProfile profile = registry.find(name).value_or(ServerProfile{});
    if (name == ServerRegistry::canonicalName(m_options.server) && !m_options.baseUrl.isEmpty()) {
        profile.baseUrl = m_options.baseUrl;
        registry.markProduction(profile);
    }
    // ALLMINE_TOKEN belongs to the server the app was started on, at the address it had then:
    // never to another server, nor to this one after its address was edited.
    const bool startServer = name == ServerRegistry::canonicalName(m_options.server);
    if (startServer && m_fixedTokenOrigin.isEmpty())
        m_fixedTokenOrigin = profile.origin();
    const bool fixed =
        !m_options.fixedToken.isEmpty() && startServer && profile.origin() == m_fixedTokenOrigin;
    auto *context = new ServerContext(profile, fixed ? nullptr : tokenStore(),
                                      fixed ? m_options.fixedToken : QString(), this);
    m_contexts.insert(name, context);
    context->setLanguage(uiLanguage());
    context->carryEdits(m_carriedEdits.take(name));

    // Every signal is checked against the active context: another server's news is not shown.
    const auto ifActive = [this, context](auto slot) {
        return [this, context, slot](auto &&...args) {
            if (context == m_current)
                slot(args...);
        };
    };
    connect(context->model(), &SettingsModel::changed, this, ifActive([this] { updateState(); }));
    connect(context->session(), &SettingsSession::busyChanged, this, ifActive([this] { updateState(); }));
    connect(context->session(), &SettingsSession::applied, this,
            ifActive([this, context](const QStringList &keys) {
                if (keys.contains(kPreferredLanguage))
                    offerLanguage(context->model()->confirmedValue(kPreferredLanguage).toString());
                onApplied(context);
            }));
    connect(context, &ServerContext::failed, this,
            ifActive([this, context](const ApiError &error, bool whileApplying) {
                onFailed(context, error, whileApplying);
            }));
    connect(context, &ServerContext::accountProblem, this, ifActive([this, context](const QString &message) {
                const ServerProfile server = context->server();
                showNotice([server, message] {
                    return NoticeBanner::Texts{tr("Your account on %1").arg(server.title()), message, {}};
                });
            }));
    connect(context->session(), &SettingsSession::conflictReloaded, this, ifActive([this](const ApiError &) {
                m_afterApply = AfterApply::Nothing; // the user decides again after a conflict
                showNotice([] {
                    return NoticeBanner::Texts{
                        tr("The settings changed on the server"),
                        tr("They were reloaded; your changes are kept on top. Check them and apply again."),
                        {}};
                });
            }));
    connect(context, &ServerContext::draftOffered, this, ifActive([this, context](int count) {
                const ServerProfile server = context->server();
                showNotice(
                    [server, count] {
                        return NoticeBanner::Texts{
                            tr("Unsent changes from last time"),
                            tr("%n change(s) to %1 were not sent before the app closed.", nullptr, count)
                                .arg(server.title()),
                            tr("Restore")};
                    },
                    [this] {
                        if (m_current)
                            m_current->takeDraft();
                    },
                    [this] {
                        if (m_current && !m_current->draftOffer().isEmpty())
                            m_current->dropDraft();
                    });
            }));
    connect(context, &ServerContext::accountChanged, this, ifActive([this] { updateState(); }));
    connect(context, &ServerContext::settled, this, ifActive([this] { markSettled(); }));
    connect(context->client(), &ApiClient::exchanged, this, [this, context](const RequestRecord &record) {
        m_logModel->append(context->server().title(), record);
    });
    return context;
}

bool MainWindow::requestServer(const QString &name)
{
    if (m_current && name == m_current->server().name)
        return true;
    if (m_current && m_current->model()->hasPending()) {
        const int pending = int(m_current->model()->pendingKeys().size());
        const auto answer = MessageBox::askUnsaved(
            this, tr("Unsaved changes"),
            tr("You have %n unsaved change(s) on %1. Apply them before switching?", nullptr, pending)
                .arg(m_current->server().title()));
        if (answer == QMessageBox::Apply) {
            m_afterApply = AfterApply::Switch;
            m_switchTarget = name;
            if (!apply())
                m_afterApply = AfterApply::Nothing;
        } else if (answer == QMessageBox::Discard) {
            m_current->model()->revertAll();
            activate(name);
            return true;
        }
        refreshServers(); // the switch shows the server still active
        return false;
    }
    activate(name);
    return true;
}

void MainWindow::activate(const QString &name)
{
    m_afterApply = AfterApply::Nothing; // a pending "apply, then switch or close" is settled here
    if (m_current)
        m_current->deactivate(); // its late answers are dropped, a PATCH on the wire goes back to edits
    m_errorBanner->clear();
    clearNotice();
    m_current = contextFor(name);
    ServerRegistry().setActiveName(name);
    m_form->setModel(m_current->model());
    m_accountPanel->setContext(m_current);
    refreshServers();
    m_current->activate();
    if (m_current->lastError().isError())
        onFailed(m_current, m_current->lastError(), false);
    if (m_current->hasSettled())
        markSettled();
    updateState();
}

void MainWindow::refreshServers()
{
    QList<ServerProfile> servers = ServerRegistry().profiles();
    for (ServerProfile &profile : servers) {
        if (ServerContext *context = m_contexts.value(profile.name))
            profile = context->server(); // shows this run's --base-url
    }
    m_serverBanner->setServers(servers, m_current ? m_current->server() : ServerProfile{});
}

void MainWindow::updateState()
{
    if (!m_current)
        return;
    const SettingsModel *model = m_current->model();
    const SettingsSession *session = m_current->session();
    ApplyBar::State state;
    state.server = m_current->server().title();
    state.pending = int(model->pendingKeys().size());
    state.changed = int(model->changedKeys().size());
    state.loading = session->isLoading();
    state.applying = session->isApplying();
    state.loaded = model->isLoaded();
    m_applyBar->setState(state);
    m_applyAction->setEnabled(m_applyBar->canApply());
    m_revertAction->setEnabled(state.changed > 0);
    setWindowTitle(tr("%1 — Allmine Settings[*]").arg(state.server));
    setWindowModified(state.pending > 0);
    m_accountPanel->refresh();
    if (!m_current->server().hasUrl() && m_errorBanner->isHidden()) {
        const ServerProfile server = m_current->server();
        m_errorBanner->showTexts([server] {
            return NoticeBanner::Texts{tr("%1 has no address").arg(server.title()),
                                       tr("Set its address under Servers… to load settings."),
                                       tr("Servers…")};
        });
    }
}

bool MainWindow::confirmProduction()
{
    if (!m_current->server().isProduction() || m_skipProductionConfirm)
        return true;
    ProductionConfirmDialog dialog(m_current->server(), *m_current->model(), this);
    if (MessageBox::exec(&dialog) != QDialog::Accepted)
        return false;
    m_skipProductionConfirm = dialog.dontAskAgain();
    return true;
}

bool MainWindow::apply()
{
    if (!m_current || !m_applyBar->canApply() || !confirmProduction())
        return false;
    m_errorBanner->clear();
    return m_current->session()->apply();
}

void MainWindow::revertAll()
{
    if (m_current)
        m_current->model()->revertAll();
}

void MainWindow::onApplied(ServerContext *context)
{
    if (!m_errorBanner->isHidden()) // shown, or to be when the window is
        m_errorBanner->clear();
    if (context->model()->hasPending() || context->session()->isApplying())
        return; // edits made meanwhile wait for the next Apply
    const AfterApply after = std::exchange(m_afterApply, AfterApply::Nothing);
    if (after == AfterApply::Switch)
        activate(m_switchTarget);
    else if (after == AfterApply::Close)
        close();
}

void MainWindow::onFailed(ServerContext *context, const ApiError &error, bool whileApplying)
{
    m_afterApply = AfterApply::Nothing; // the user decides again after an error
    m_retryApplies = whileApplying && context->model()->hasPending();
    const ServerProfile server = context->server();
    // Re-worded on a language switch; the server's own words stay as it sent them.
    m_errorBanner->showTexts([server, error, whileApplying] {
        return NoticeBanner::Texts{
            whileApplying ? tr("Could not apply the changes to %1").arg(server.title())
                          : tr("Could not load the settings from %1").arg(server.title()),
            error.message() + (whileApplying ? QLatin1Char(' ') + tr("Your changes are kept.") : QString()),
            tr("Retry")};
    });
    updateState();
}

void MainWindow::retry()
{
    if (!m_current)
        return;
    if (!m_current->server().hasUrl())
        return showServersDialog();
    m_errorBanner->clear();
    if (m_retryApplies && m_current->model()->isLoaded())
        apply();
    else if (!m_current->model()->isLoaded())
        m_current->session()->load();
}

void MainWindow::showServersDialog()
{
    ServersDialog dialog(this);
    MessageBox::exec(&dialog);
    // A server whose address or CA changed gets a new client: a token never follows an edited URL.
    ServerRegistry registry;
    const QString active = m_current ? m_current->server().name : QStringLiteral("dev");
    for (auto it = m_contexts.begin(); it != m_contexts.end();) {
        const auto profile = registry.find(it.key());
        const bool overridden =
            it.key() == ServerRegistry::canonicalName(m_options.server) && !m_options.baseUrl.isEmpty();
        if (profile && (overridden || (profile->baseUrl == it.value()->server().baseUrl &&
                                       profile->caFile == it.value()->server().caFile))) {
            ++it;
            continue;
        }
        if (it.value() == m_current)
            m_current = nullptr;
        it.value()->session()->cancel(); // a PATCH on the wire comes back into edits
        if (profile && it.value()->model()->hasPending())
            m_carriedEdits.insert(it.key(),
                                  it.value()->model()->edits()); // the edits follow, the token does not
        delete it.value();
        it = m_contexts.erase(it);
    }
    if (!m_current)
        activate(registry.find(active) ? active : QStringLiteral("dev"));
    refreshServers();
    updateState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Changes on the wire: closing now would abort them, so the window closes when the server
    // has answered (an error keeps it open, with the changes).
    if (m_current && m_current->session()->isApplying() && !m_current->model()->hasPending()) {
        event->ignore();
        m_afterApply = AfterApply::Close;
        return;
    }
    if (m_current && m_current->model()->hasPending()) {
        const int pending = int(m_current->model()->pendingKeys().size());
        const auto answer = MessageBox::askUnsaved(
            this, tr("Unsaved changes"),
            tr("You have %n unsaved change(s) on %1. Apply them before closing?", nullptr, pending)
                .arg(m_current->server().title()));
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Apply) {
            event->ignore();
            m_afterApply = AfterApply::Close;
            if (!apply())
                m_afterApply = AfterApply::Nothing;
            return;
        }
        m_current->model()->revertAll(); // Discard: also forgets the draft
    }
    event->accept();
}

void MainWindow::finishPendingWrites()
{
    // A refresh rotates the refresh token: quitting before the keychain has it would leave the
    // spent one behind and sign the user out at the next start.
    const auto saving = [this] {
        for (ServerContext *context : qAsConst(m_contexts)) {
            if (context->account() && context->account()->isSaving())
                return true;
        }
        return false;
    };
    QDeadlineTimer deadline(5000);
    while (saving() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    // Last, as the wait above may have brought in changes that wait to be kept as a draft.
    for (ServerContext *context : qAsConst(m_contexts))
        context->flushDraft();
}
