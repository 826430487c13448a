#pragma once

#include "servers/ServerProfile.h"

#include <QDialog>
#include <functional>

class AccountSession;
class ApiClient;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class SignInFlow;
struct ApiError;

// Signing in to one server, named in the title (Production with its red warning): by email or
// phone with a one-time code (filled in only when the server returned it, i.e. on Development),
// or by pasting a token (QA), with or without "Bearer ". Enter sends the code from the address
// fields and signs in from the code field.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(ApiClient *client, AccountSession *account, QWidget *parent = nullptr);
    ~SignInDialog() override;

    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *codeEdit() const { return m_code; }
    QPlainTextEdit *tokenEdit() const { return m_token; }
    QLabel *tokenInfo() const { return m_tokenInfo; }
    QPushButton *useTokenButton() const { return m_useToken; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void sendCode();
    void verify();
    void inspectToken();
    void useToken();
    // Worded again on a language switch, like every text set in code here.
    void showProblem(std::function<QString()> text);
    void showCodeNote();
    // Makes Enter press the button of the field being typed in.
    void followFocus(QWidget *now);

    ServerProfile m_server;
    AccountSession *m_account;
    SignInFlow *m_flow;
    QLabel *m_production;
    QTabWidget *m_tabs;
    QWidget *m_codePage;
    QWidget *m_tokenPage;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QLabel *m_phoneLabel;
    QLineEdit *m_country;
    QLineEdit *m_phone;
    QPushButton *m_send;
    QLabel *m_codeLabel;
    QLineEdit *m_code;
    QLabel *m_codeNote;
    QPushButton *m_verify;
    QLabel *m_tokenLabel;
    QPlainTextEdit *m_token;
    QLabel *m_tokenInfo;
    QPushButton *m_useToken;
    QLabel *m_problem;
    QPushButton *m_close;
    std::function<QString()> m_problemText;
    // Cut before the fields are destroyed: their going moves the focus.
    QMetaObject::Connection m_focusWatch;
    bool m_codeSent = false;
    bool m_codeFromServer = false;
};
