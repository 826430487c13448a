#include "ChangeConfirmation.h"

#include "MessageBox.h"
#include "ProductionConfirmDialog.h"
#include "servers/ServerProfile.h"

bool ChangeConfirmation::confirm(const ServerProfile &server, const SettingsModel &model)
{
    if (!server.needsConfirmation() || isPaused(server))
        return true;
    ProductionConfirmDialog dialog(server, model, m_parent);
    if (MessageBox::exec(&dialog) != QDialog::Accepted)
        return false;
    if (dialog.dontAskAgain())
        m_paused.insert(server.name);
    return true;
}

bool ChangeConfirmation::isPaused(const ServerProfile &server) const
{
    return m_paused.contains(server.name);
}

void ChangeConfirmation::resume(const ServerProfile &server)
{
    m_paused.remove(server.name);
}
