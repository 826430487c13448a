#pragma once

#include <QObject>

class AccountPanel;
class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;

// The window's menu bar: File, Edit, View, Account, Language and Help, each reachable by its
// mnemonic. It holds the actions; the window connects them and keeps them enabled as it should.
// Help → About opens the AboutDialog from here.
class MainMenus : public QObject
{
    Q_OBJECT
public:
    MainMenus(QMenuBar *bar, const QString &language, QObject *parent = nullptr);

    QAction *servers() const { return m_servers; }
    QAction *exportSettings() const { return m_export; }
    QAction *importSettings() const { return m_import; }
    QAction *compareWith() const { return m_compare; }
    QAction *quit() const { return m_quit; }
    QAction *apply() const { return m_apply; }
    QAction *revert() const { return m_revert; }
    QAction *requestLog() const { return m_requestLog; }
    QMenu *view() const { return m_view; }
    QAction *signIn() const { return m_signIn; }
    QAction *signOut() const { return m_signOut; }
    QAction *about() const { return m_about; }
    QMenu *languageMenu() const { return m_languageMenu; }

    // Sign in… and Sign out do what the account line's buttons do, when it offers them.
    void followAccount(AccountPanel *panel);
    void updateAccount();
    // The language's own name ("Türkçe"), as the Language menu shows it.
    static QString languageName(const QString &code);
    // Puts the check mark on `code` in the Language menu.
    void checkLanguage(const QString &code);
    void retranslateUi();

Q_SIGNALS:
    void languageChosen(const QString &code);

private:
    void showAbout();

    AccountPanel *m_accountPanel = nullptr;
    QMenu *m_file;
    QMenu *m_edit;
    QMenu *m_view;
    QMenu *m_account;
    QMenu *m_languageMenu;
    QMenu *m_help;
    QActionGroup *m_languages;
    QAction *m_servers;
    QAction *m_export;
    QAction *m_import;
    QAction *m_compare;
    QAction *m_quit;
    QAction *m_apply;
    QAction *m_revert;
    QAction *m_requestLog;
    QAction *m_signIn;
    QAction *m_signOut;
    QAction *m_about;
};
