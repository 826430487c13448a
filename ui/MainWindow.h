#pragma once

#include "ChangeConfirmation.h"
#include "NoticeBanner.h"

#include <QMainWindow>
#include <QUrl>
#include <functional>

class AccountPanel;
class ApplyBar;
class LanguageManager;
class MainMenus;
class QAction;
class QMenu;
class QScrollArea;
class RequestLogDock;
class RequestLogModel;
class ServerBanner;
class ServerContext;
class ServerSessions;
class SettingsForm;
class TokenStore;
struct ApiError;

// The settings window: the server banner on top, the account, the settings generated from the
// field table, and the Apply bar. It shows the active server of its ServerSessions, follows what
// that one reports, and asks the user before switching or closing with unsent changes.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        QString server;           // empty: the last active one
        QUrl baseUrl;             // for this run only, for `server`
        QString fixedToken;       // ALLMINE_TOKEN: for `server` at its start address, never stored
        TokenStore *tokenStore{}; // null: the OS keychain, opened on first use
        // The UI language (main.cpp applies the user's choice before building the window);
        // null: the window keeps its own. One still without a language is set to English.
        LanguageManager *languages{};
        // Opens where the user last closed it (with the request log as it was), and keeps that
        // on close. Off for --screenshot and tests: they need the window's own size.
        bool rememberPlacement = false;
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ServerContext *current() const; // the active server's context
    ServerSessions *sessions() const { return m_sessions; }
    ServerBanner *serverBanner() const { return m_serverBanner; }
    SettingsForm *settingsForm() const { return m_form; }
    ApplyBar *applyBar() const { return m_applyBar; }
    NoticeBanner *errorBanner() const { return m_errorBanner; }
    NoticeBanner *noticeBanner() const { return m_noticeBanner; }
    AccountPanel *accountPanel() const { return m_accountPanel; }
    RequestLogDock *requestLog(); // built on first use
    QAction *applyAction() const;
    QMenu *languageMenu() const;
    LanguageManager *languages() const { return m_languages; }
    // The language the window shows and every request's X-Language: "en" or "tr".
    QString uiLanguage() const;
    // Switches the window (and X-Language) live and keeps the choice for the next start.
    void switchLanguage(const QString &code);
    bool hasSettled() const { return m_settled; }

    // Asks about unsaved changes first; true when `name` is now active.
    bool requestServer(const QString &name);
    // Sends the pending edits (after the Production confirmation); false if nothing was sent.
    bool apply();
    void revertAll();
    // Writes waiting drafts, and waits (a few seconds at most) until the keychain has every token
    // written or deleted: after this, the app has nothing left to keep.
    void finishPendingWrites();

Q_SIGNALS:
    // The first server's first load finished or failed (what --screenshot waits for).
    void settled();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class AfterApply
    {
        Nothing,
        Switch,
        Close
    };

    void followMenus();
    void markSettled();
    void fitIfUntouched();
    void onLanguageChanged(const QString &code);
    // After preferredLanguage was applied: offers (in the notice banner) to show the window in it.
    void offerLanguage(const QString &code);
    // The notice banner with what its button and its Dismiss do (both optional).
    void showNotice(NoticeBanner::TextSource texts, std::function<void()> action = {},
                    std::function<void()> dismissed = {},
                    NoticeBanner::Attention attention = NoticeBanner::Attention::Announce);
    void clearNotice();
    void dropSignInWarnings();
    void retranslateUi();
    void chainTabOrder();
    void followSessions();
    void showActive(ServerContext *context);
    void welcome();
    void refreshServers();
    void closeAfterApply();
    void updateState();
    void onFailed(const ApiError &error, bool whileApplying);
    void onApplied(const QStringList &keys);
    void retry();
    void showServersDialog();

    Options m_options;
    ChangeConfirmation m_confirmation;
    bool m_settled = false;
    bool m_welcomed = false; // the welcome shows instead of "no address"
    QSize m_openedSize;      // the size the window chose for itself, until the user changes it
    bool m_retryApplies = false;
    AfterApply m_afterApply = AfterApply::Nothing;
    QString m_switchTarget;
    std::function<void()> m_noticeAction;
    std::function<void()> m_noticeDismissed;
    QString m_offeredLanguage;   // the language the notice banner offers, if it does
    bool m_signInNotice = false; // the notice banner speaks of a sign-in that a new one ends
    bool m_errorIsAuth = false;  // the error banner says the server refused the sign-in

    LanguageManager *m_languages; // before the widgets: they are built in its language

    RequestLogModel *m_logModel;
    ServerSessions *m_sessions; // before the widgets: the first server loads while they are built
    ServerBanner *m_serverBanner = nullptr;
    NoticeBanner *m_errorBanner = nullptr;
    NoticeBanner *m_noticeBanner = nullptr;
    AccountPanel *m_accountPanel = nullptr;
    SettingsForm *m_form = nullptr;
    QScrollArea *m_scroll = nullptr;
    ApplyBar *m_applyBar = nullptr;
    RequestLogDock *m_requestLog = nullptr;
    MainMenus *m_menus = nullptr;
};
