#include "RetryButton.h"

#include "auth/AccountSession.h"

void RetryButton::readAgain(AccountSession *account)
{
    if (!account || m_reading)
        return;
    m_reading = true;
    const bool hadFocus = hasFocus();
    setEnabled(false);
    connect(
        account, &AccountSession::stateChanged, this,
        [this, hadFocus] {
            m_reading = false;
            setEnabled(true);
            Q_EMIT answered();
            if (hadFocus && isVisible())
                setFocus(Qt::OtherFocusReason);
        },
        Qt::SingleShotConnection);
    account->load();
}
