#pragma once

#include <QSet>
#include <QString>

class QWidget;
class SettingsModel;
struct ServerProfile;

// The question before Apply sends anything to a server that asks for it: Production, wherever it
// is reached from, and a custom server that confirms every change (ServerProfile::
// needsConfirmation(), the rule the command line follows too). "Don't ask again until I quit"
// pauses it for that server only (never for Production because a test server was paused), for
// the rest of the run or until resumed.
class ChangeConfirmation
{
public:
    explicit ChangeConfirmation(QWidget *parent) : m_parent(parent) {}

    // True when `model`'s pending changes may go to `server`: no question needed, or confirmed.
    bool confirm(const ServerProfile &server, const SettingsModel &model);
    bool isPaused(const ServerProfile &server) const;
    void resume(const ServerProfile &server);

private:
    QWidget *m_parent;
    QSet<QString> m_paused; // server names: "Don't ask again until I quit"
};
