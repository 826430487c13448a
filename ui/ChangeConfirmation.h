#pragma once

class QWidget;
class SettingsModel;
struct ServerProfile;

// The question before Apply sends anything to a server that asks for it: Production, wherever it
// is reached from, and a custom server that confirms every change (ServerProfile::
// needsConfirmation(), the rule the command line follows too). "Don't ask again until I quit"
// pauses it for the rest of the run.
class ChangeConfirmation
{
public:
    explicit ChangeConfirmation(QWidget *parent) : m_parent(parent) {}

    // True when `model`'s pending changes may go to `server`: no question needed, or confirmed.
    bool confirm(const ServerProfile &server, const SettingsModel &model);

private:
    QWidget *m_parent;
    bool m_paused = false; // "Don't ask again until I quit"
};
