#include "SignInDialog.h"

#include "ServerBanner.h"
#include "api/ApiClient.h"
#include "auth/AccountNames.h"
#include "auth/AccountSession.h"
#include "auth/JwtInspector.h"
#include "auth/SignInFlow.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

SignInDialog::SignInDialog(ApiClient *client, AccountSession *account, QWidget *parent)
    : QDialog(parent), m_server(client->server()), m_account(account), m_flow(new SignInFlow(client, this)),
      m_production(new QLabel), m_tabs(new QTabWidget), m_codePage(new QWidget), m_tokenPage(new QWidget),
      m_emailLabel(new QLabel), m_email(new QLineEdit), m_phoneLabel(new QLabel), m_country(new QLineEdit),
      m_phone(new QLineEdit), m_send(new QPushButton), m_codeLabel(new QLabel), m_code(new QLineEdit),
      m_codeNote(new QLabel), m_verify(new QPushButton), m_tokenLabel(new QLabel),
      m_token(new QPlainTextEdit), m_tokenInfo(new QLabel), m_useToken(new QPushButton),
      m_problem(new QLabel), m_close(new QPushButton)
{
    setObjectName(QStringLiteral("signInDialog"));
    m_email->setObjectName(QStringLiteral("email"));
    m_code->setObjectName(QStringLiteral("code"));
    m_token->setObjectName(QStringLiteral("token"));
    m_country->setMaximumWidth(60);
    m_country->setPlaceholderText(QStringLiteral("90"));
    m_phone->setPlaceholderText(QStringLiteral("5551234567"));
    m_emailLabel->setBuddy(m_email);
    m_phoneLabel->setBuddy(m_country);
    m_codeLabel->setBuddy(m_code);
    m_tokenLabel->setBuddy(m_token);
    m_codeNote->setWordWrap(true);
    m_tokenInfo->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_code->setEnabled(false);
    m_verify->setEnabled(false);
    m_useToken->setEnabled(false);
    m_token->setTabChangesFocus(true);
    // The banner's red, white text: the same warning as in the window.
    m_production->setObjectName(QStringLiteral("productionWarning"));
    m_production->setWordWrap(true);
    m_production->setMargin(8);
    m_production->setAutoFillBackground(true);
    QPalette red = m_production->palette();
    red.setColor(QPalette::Window, ServerBanner::backgroundFor(m_server));
    red.setColor(QPalette::WindowText, Qt::white);
    m_production->setPalette(red);
    m_production->setVisible(m_server.isProduction());

    auto *phone = new QHBoxLayout;
    phone->addWidget(m_country);
    phone->addWidget(m_phone, 1);
    auto *form = new QFormLayout(m_codePage);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_phoneLabel, phone);
    form->addRow(QString(), m_send);
    form->addRow(m_codeLabel, m_code);
    form->addRow(QString(), m_codeNote);
    form->addRow(QString(), m_verify);

    auto *tokenLayout = new QVBoxLayout(m_tokenPage);
    tokenLayout->addWidget(m_tokenLabel);
    tokenLayout->addWidget(m_token, 1);
    tokenLayout->addWidget(m_tokenInfo);
    tokenLayout->addWidget(m_useToken, 0, Qt::AlignRight);

    m_tabs->addTab(m_codePage, QString());
    m_tabs->addTab(m_tokenPage, QString());
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_production);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_send, &QPushButton::clicked, this, &SignInDialog::sendCode);
    connect(m_verify, &QPushButton::clicked, this, &SignInDialog::verify);
    connect(m_token, &QPlainTextEdit::textChanged, this, &SignInDialog::inspectToken);
    connect(m_useToken, &QPushButton::clicked, this, &SignInDialog::useToken);
    m_focusWatch = connect(qApp, &QApplication::focusChanged, this,
                           [this](QWidget *, QWidget *now) { followFocus(now); });
    connect(m_flow, &SignInFlow::codeSent, this, [this](const QString &serverCode) {
        m_code->setEnabled(true);
        m_verify->setEnabled(true);
        // The server returns the code only on Development; only then is it filled in.
        m_code->setText(serverCode);
        m_codeSent = true;
        m_codeFromServer = !serverCode.isEmpty();
        showCodeNote();
        m_code->setFocus();
        m_send->setEnabled(true);
    });
    connect(m_flow, &SignInFlow::signedIn, this, [this](const TokenPair &tokens, const QJsonObject &user) {
        AccountNames::save(m_account->origin(), JwtInspector::inspect(tokens.access).subject,
                           AccountNames::fromUser(user));
        m_account->signIn(tokens);
        accept();
    });
    connect(m_flow, &SignInFlow::failed, this, [this](const ApiError &error) {
        m_send->setEnabled(true);
        m_verify->setEnabled(m_code->isEnabled());
        showProblem([error] { return error.message(); });
    });
    retranslateUi();
    m_send->setDefault(true);
    m_email->setFocus(); // not the tab bar: the user can type at once
}

SignInDialog::~SignInDialog()
{
    disconnect(m_focusWatch);
}

void SignInDialog::followFocus(QWidget *now)
{
    if (now == m_code)
        m_verify->setDefault(true);
    else if (now == m_email || now == m_country || now == m_phone)
        m_send->setDefault(true);
}

void SignInDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to %1").arg(m_server.title()));
    const QString host = m_server.hasUrl() ? m_server.baseUrl.authority() : m_server.title();
    m_production->setText(tr("PRODUCTION — %1. This is the live server: what you change after signing "
                             "in affects real users.")
                              .arg(host));
    m_tabs->setTabText(0, tr("&Email or phone"));
    m_tabs->setTabText(1, tr("&Paste a token"));
    m_emailLabel->setText(tr("E&mail:"));
    m_phoneLabel->setText(tr("or p&hone:"));
    m_country->setAccessibleName(tr("Country code"));
    m_phone->setAccessibleName(tr("Phone number"));
    m_send->setText(tr("Send code"));
    m_codeLabel->setText(tr("&Code:"));
    m_verify->setText(tr("Sign in"));
    m_tokenLabel->setText(tr("Access &token (with or without \"Bearer \"):"));
    m_useToken->setText(tr("Use this token"));
    m_close->setText(tr("Close"));
    showCodeNote();
    inspectToken();
    if (m_problemText)
        m_problem->setText(m_problemText());
}

void SignInDialog::showCodeNote()
{
    if (m_codeSent)
        m_codeNote->setText(
            m_codeFromServer
                ? tr("%1 returned the code in its answer, so it is filled in.").arg(m_server.title())
                : tr("Enter the code you received."));
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SignInDialog::showProblem(std::function<QString()> text)
{
    m_problemText = std::move(text);
    m_problem->setText(m_problemText ? m_problemText() : QString());
}

void SignInDialog::sendCode()
{
    const QString email = m_email->text();
    const QString country = m_country->text().trimmed();
    const QString phone = m_phone->text().trimmed();
    // By phone only when the phone fields are used and the email field is not.
    const bool byEmail = !email.trimmed().isEmpty() || (country.isEmpty() && phone.isEmpty());
    showProblem([byEmail, email, country, phone] {
        if (byEmail && email.trimmed().isEmpty())
            return tr("Enter your email address, or a phone number below.");
        return byEmail ? SignInFlow::checkEmail(email) : SignInFlow::checkPhone(country, phone);
    });
    if (!m_problem->text().isEmpty())
        return;
    m_send->setEnabled(false);
    if (byEmail)
        m_flow->sendEmailCode(m_email->text());
    else
        m_flow->sendPhoneCode(m_country->text(), m_phone->text());
}

void SignInDialog::verify()
{
    const QString code = m_code->text();
    showProblem([code] { return SignInFlow::checkCode(code); });
    if (!m_problem->text().isEmpty())
        return;
    m_verify->setEnabled(false);
    m_flow->verify(m_code->text());
}

void SignInDialog::inspectToken()
{
    const QString token = JwtInspector::normalize(m_token->toPlainText());
    if (token.isEmpty()) {
        m_tokenInfo->clear();
        m_useToken->setEnabled(false);
        return;
    }
    const JwtInfo info = JwtInspector::inspect(token);
    if (!info.valid) {
        m_tokenInfo->setText(tr("Not a token: %1").arg(info.error));
        m_useToken->setEnabled(false);
        return;
    }
    QStringList lines;
    lines << tr("Subject: %1").arg(info.subject.isEmpty() ? tr("(none)") : info.subject);
    if (info.expiry.isValid())
        lines << tr("Expires: %1").arg(QLocale().toString(info.expiry.toLocalTime(), QLocale::LongFormat));
    else
        lines << tr("Expires: not stated; only the server can tell.");
    if (info.isExpired())
        lines << tr("Warning: this token has EXPIRED; the server will refuse it.");
    m_tokenInfo->setText(lines.join(QLatin1Char('\n')));
    m_useToken->setEnabled(true);
}

void SignInDialog::useToken()
{
    // A pasted token has no refresh token: when it expires, the user pastes or signs in again.
    m_account->signIn({JwtInspector::normalize(m_token->toPlainText()), QString()});
    accept();
}
