#pragma once

#include <QPushButton>

class AccountSession;

// A Retry that reads the sign-in from the keychain again: it stays in place, disabled, until the
// account answers (each read may ask the user to unlock, so one at a time), then gives the focus
// back if it had it and is still shown — a locked keychain keeps Retry under the keyboard.
class RetryButton : public QPushButton
{
    Q_OBJECT
public:
    using QPushButton::QPushButton;

    void readAgain(AccountSession *account);
    bool isReading() const { return m_reading; }

Q_SIGNALS:
    // The account's state changed after readAgain(); the focus is given back after the slots ran.
    void answered();

private:
    bool m_reading = false;
};
