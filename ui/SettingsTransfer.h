#pragma once

#include <QObject>

class MainMenus;
class QWidget;
class ServerSessions;

// The window's side of moving settings between servers and files: View → Compare with… opens
// the CompareDialog; File → Export settings… writes the active server's nine fields as JSON (as
// the command line's export does); File → Import settings… checks a file as the command line's
// import does and turns its values into edits of the window. Nothing here sends: the edits are
// reviewed and go with Apply (and Production's confirmation).
class SettingsTransfer : public QObject
{
    Q_OBJECT
public:
    SettingsTransfer(QWidget *window, ServerSessions *sessions, MainMenus *menus);

    void compare();
    // What the menu items do once the user chose a file; each says how it went. True on success.
    bool exportTo(const QString &path);
    bool importFrom(const QString &path);

private:
    void chooseExportFile();
    void chooseImportFile();
    void updateActions();
    void inform(const QString &title, const QString &text);
    void warn(const QString &title, const QString &text);

    QWidget *m_window;
    ServerSessions *m_sessions;
    MainMenus *m_menus;
    QString m_folder; // where the last file was chosen
};
