#pragma once

#include "RetryButton.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>
#include <functional>

class ApiCall;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class ServerContext;
class ServerSessions;
struct ApiResult;

// View → Compare with…: the active server's values (as the window shows them) beside another
// server's, read with that server's own sign-in; differing rows say "Differs" in bold. "Use these
// values" turns the other server's differing values into edits of the window, which are then
// reviewed and sent with Apply. A server the user is not signed in to, or whose sign-in it refuses,
// is offered a Sign in; a locked keychain, a Retry.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CompareDialog(ServerSessions *sessions, QWidget *parent = nullptr);
    ~CompareDialog() override;

    QComboBox *serverChoice() const { return m_servers; }
    QTableWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *useButton() const { return m_use; }
    // The fields (table order) whose values differ, once the other server's settings are shown.
    QStringList differingKeys() const { return m_differing; }

protected:
    void changeEvent(QEvent *event) override;

private:
    ServerContext *there() const;
    // Shows the chosen server: its settings, or why they cannot be shown yet.
    void showChosen();
    void onAccountChanged();
    void fetch();
    // Asks the keychain again when it was locked, else the server.
    void retry();
    void onFetched(const ApiResult &result);
    void fillTable();
    void signIn();
    void useValues();
    // Worded again on a language switch, like every text set in code here.
    void setStatus(std::function<QString()> text);
    void retranslateUi();

    ServerSessions *m_sessions;
    ServerContext *m_here;
    QLabel *m_intro;
    QComboBox *m_servers;
    QLabel *m_status;
    QPushButton *m_signIn;
    RetryButton *m_retry;
    QTableWidget *m_table;
    QPushButton *m_use;
    QPushButton *m_close;
    std::function<QString()> m_statusText;
    QPointer<ApiCall> m_call;
    QMetaObject::Connection m_accountWatch;
    QJsonObject m_thereSettings; // the other server's answer, empty until it came
    bool m_loaded = false;
    QStringList m_differing;
};
