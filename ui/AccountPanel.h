#pragma once

#include "RetryButton.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;
class ServerContext;
struct SignInState;

// Who is signed in to the active server and until when, as the server says (its SignInState),
// with Sign in, Sign out and Sign out everywhere; a token the server rejected offers Sign in. When
// the keychain cannot be used it says why and offers a session-only sign-in; when it is locked,
// also a Retry once it is unlocked.
class AccountPanel : public QFrame
{
    Q_OBJECT
public:
    explicit AccountPanel(QWidget *parent = nullptr);
    // Said wherever a server refuses ALLMINE_TOKEN: no sign-in replaces it in this run.
    static QString fixedTokenRejectedText();

    void setContext(ServerContext *context);
    void refresh();
    QList<QWidget *> focusChain() const;
    QLabel *statusLabel() const { return m_status; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *signOutButton() const { return m_signOut; }
    QPushButton *signOutEverywhereButton() const { return m_signOutEverywhere; }
    QPushButton *sessionOnlyButton() const { return m_sessionOnly; }
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void sessionOnlyRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    static QString signedInText(const SignInState &state, const QString &server);
    void signIn();
    void signOut(bool everywhere);

    QPointer<ServerContext> m_context;
    QLabel *m_status;
    QPushButton *m_signIn;
    QPushButton *m_signOut;
    QPushButton *m_signOutEverywhere;
    QPushButton *m_sessionOnly;
    RetryButton *m_retry;
};
