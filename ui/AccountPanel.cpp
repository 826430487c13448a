#include "AccountPanel.h"

#include "MessageBox.h"
#include "SignInDialog.h"
#include "auth/AccountNames.h"
#include "auth/AccountSession.h"
#include "auth/JwtInspector.h"
#include "session/ServerContext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

AccountPanel::AccountPanel(QWidget *parent)
    : QFrame(parent), m_status(new QLabel(this)), m_signIn(new QPushButton(this)),
      m_signOut(new QPushButton(this)), m_signOutEverywhere(new QPushButton(this)),
      m_sessionOnly(new QPushButton(this)), m_retry(new QPushButton(this))
{
    setObjectName(QStringLiteral("accountPanel"));
    m_status->setObjectName(QStringLiteral("accountStatus"));
    m_status->setWordWrap(true);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signOut->setObjectName(QStringLiteral("signOut"));
    m_signOutEverywhere->setObjectName(QStringLiteral("signOutEverywhere"));
    m_sessionOnly->setObjectName(QStringLiteral("sessionOnly"));
    m_retry->setObjectName(QStringLiteral("retryKeychain"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_sessionOnly);
    layout->addWidget(m_signIn);
    layout->addWidget(m_signOut);
    layout->addWidget(m_signOutEverywhere);
    connect(m_signIn, &QPushButton::clicked, this, &AccountPanel::signIn);
    connect(m_signOut, &QPushButton::clicked, this, [this] { signOut(false); });
    connect(m_signOutEverywhere, &QPushButton::clicked, this, [this] { signOut(true); });
    connect(m_sessionOnly, &QPushButton::clicked, this, &AccountPanel::sessionOnlyRequested);
    connect(m_retry, &QPushButton::clicked, this, &AccountPanel::retry);
    retranslateUi();
}

QList<QWidget *> AccountPanel::focusChain() const
{
    return {m_retry, m_sessionOnly, m_signIn, m_signOut, m_signOutEverywhere};
}

void AccountPanel::setContext(ServerContext *context)
{
    m_context = context;
    m_retrying = false;
    refresh();
}

void AccountPanel::refresh()
{
    retranslateUi();
}

void AccountPanel::retranslateUi()
{
    m_signIn->setText(tr("Sign in…"));
    m_signOut->setText(tr("Sign out"));
    m_signOutEverywhere->setText(tr("Sign out everywhere…"));
    m_sessionOnly->setText(tr("Sign in for this session only"));
    m_sessionOnly->setToolTip(tr("Keep the sign-in in memory until the app quits"));
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Read the sign-in from the keychain again, once it is unlocked"));

    const ServerContext *context = m_context;
    const AccountSession *account = context ? context->account() : nullptr;
    QString text;
    bool signedIn = false;
    bool keychainProblem = false;
    bool locked = false;
    const auto until = [](const QDateTime &expiry) {
        return expiry.isValid() ? QLocale().toString(expiry.toLocalTime(), QLocale::ShortFormat) : QString();
    };
    if (!context) {
        text = QString();
    } else if (context->usesFixedToken()) {
        text = tr("Using the token from ALLMINE_TOKEN (not stored)");
        if (!context->subject().isEmpty())
            text += QStringLiteral(" — ") + tr("signed in as %1").arg(context->subject());
    } else if (!context->server().hasUrl()) {
        text = tr("No address is set for %1, so there is no sign-in yet.").arg(context->server().title());
    } else if (!account || account->state() == AccountSession::State::Unknown || m_retrying) {
        text = tr("Checking the sign-in for %1…").arg(context->server().title());
    } else if (account->state() == AccountSession::State::KeychainUnavailable &&
               account->keychainStatus() == TokenStore::Status::Locked) {
        text = tr("The keychain is locked, so the sign-in for %1 cannot be read. Unlock it (for example "
                  "in your password manager) and choose Retry.")
                   .arg(context->server().title());
        keychainProblem = locked = !account->store()->isSessionOnly();
    } else if (account->state() == AccountSession::State::KeychainUnavailable) {
        text = tr("Your sign-in cannot be kept in the system keychain: %1").arg(account->stateMessage());
        keychainProblem = !account->store()->isSessionOnly();
    } else if (account->isSignedIn()) {
        signedIn = true;
        const JwtInfo info = account->accessInfo();
        const QString name = AccountNames::load(context->server().origin(), info.subject);
        const QString shown = name.isEmpty() ? info.subject : name;
        const QString who = shown.isEmpty() ? tr("signed in") : tr("Signed in as %1").arg(shown);
        text = info.expiry.isValid()
                   ? tr("%1 on %2, until %3").arg(who, context->server().title(), until(info.expiry))
                   : tr("%1 on %2").arg(who, context->server().title());
        if (account->store()->isSessionOnly())
            text += QStringLiteral(" ") + tr("(this session only)");
    } else {
        text = tr("Not signed in to %1.").arg(context->server().title());
    }
    m_status->setText(text);
    const bool fixed = context && context->usesFixedToken();
    m_signIn->setVisible(!fixed && !signedIn);
    m_signIn->setEnabled(context && context->server().hasUrl() && account &&
                         account->state() != AccountSession::State::Unknown &&
                         account->state() != AccountSession::State::KeychainUnavailable);
    m_signOut->setVisible(signedIn);
    m_signOutEverywhere->setVisible(signedIn);
    m_sessionOnly->setVisible(keychainProblem);
    // Stays in place (disabled) while the keychain is asked again, then keeps the focus.
    m_retry->setVisible(locked || m_retrying);
    m_retry->setEnabled(!m_retrying);
}

void AccountPanel::retry()
{
    AccountSession *account = m_context ? m_context->account() : nullptr;
    if (!account)
        return;
    m_retrying = true;
    const bool hadFocus = m_retry->hasFocus();
    connect(
        account, &AccountSession::stateChanged, this,
        [this, hadFocus] {
            m_retrying = false;
            retranslateUi();
            if (hadFocus && m_retry->isVisible())
                m_retry->setFocus(Qt::OtherFocusReason);
        },
        Qt::SingleShotConnection);
    retranslateUi();
    account->load();
}

void AccountPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void AccountPanel::signIn()
{
    if (!m_context || !m_context->account())
        return;
    SignInDialog dialog(m_context->client(), m_context->account(), this);
    MessageBox::exec(&dialog);
}

void AccountPanel::signOut(bool everywhere)
{
    if (!m_context || !m_context->account())
        return;
    if (everywhere &&
        MessageBox::ask(this, QMessageBox::Warning, tr("Sign out everywhere"),
                        tr("This ends every session of this account on %1: on every phone, computer and "
                           "browser, not only here. Continue?")
                            .arg(m_context->server().title()),
                        QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Ok)
        return;
    m_context->account()->signOut(everywhere);
}
