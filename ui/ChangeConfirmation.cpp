#include "ChangeConfirmation.h"

#include "MessageBox.h"
#include "ProductionConfirmDialog.h"
#include "servers/ServerProfile.h"

bool ChangeConfirmation::confirm(const ServerProfile &server, const SettingsModel &model)
{
    if (!server.needsConfirmation() || m_paused)
        return true;
    ProductionConfirmDialog dialog(server, model, m_parent);
    if (MessageBox::exec(&dialog) != QDialog::Accepted)
        return false;
    m_paused = dialog.dontAskAgain();
    return true;
}
