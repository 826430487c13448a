#include "AccountPanel.h"

#include "MessageBox.h"
#include "RetryButton.h"
#include "SignInDialog.h"
#include "auth/AccountSession.h"
#include "session/ServerContext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

AccountPanel::AccountPanel(QWidget *parent)
    : QFrame(parent), m_status(new QLabel(this)), m_signIn(new QPushButton(this)),
      m_signOut(new QPushButton(this)), m_signOutEverywhere(new QPushButton(this)),
      m_sessionOnly(new QPushButton(this)), m_retry(new RetryButton(this))
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
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_context)
            m_retry->readAgain(m_context->account());
        retranslateUi();
    });
    connect(m_retry, &RetryButton::answered, this, &AccountPanel::retranslateUi);
    retranslateUi();
}

QList<QWidget *> AccountPanel::focusChain() const
{
    return {m_retry, m_sessionOnly, m_signIn, m_signOut, m_signOutEverywhere};
}

void AccountPanel::setContext(ServerContext *context)
{
    m_context = context;
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
    const SignInState state = context ? context->signInState() : SignInState{};
    using Kind = SignInState::Kind;
    const QString title = context ? context->server().title() : QString();
    QString text;
    if (!context) {
        text = QString();
    } else if (!state.fixedToken && !context->server().hasUrl()) {
        text = tr("No address is set for %1, so there is no sign-in yet.").arg(title);
    } else if (m_retry->isReading() || state.kind == Kind::Checking) {
        text = tr("Checking the sign-in for %1…").arg(title);
    } else if (state.fixedToken && state.kind == Kind::Rejected) {
        text = fixedTokenRejectedText();
    } else if (state.fixedToken) {
        text = tr("Using the token from ALLMINE_TOKEN (not stored)");
        if (!state.name.isEmpty())
            text += QStringLiteral(" — ") + tr("signed in as %1").arg(state.name);
    } else if (state.kind == Kind::KeychainLocked) {
        text = tr("The keychain is locked, so the sign-in for %1 cannot be read. Unlock it (for example "
                  "in your password manager) and choose Retry.")
                   .arg(title);
    } else if (state.kind == Kind::KeychainUnavailable) {
        text = tr("Your sign-in cannot be kept in the system keychain. %1").arg(state.message);
    } else if (state.kind == Kind::Rejected) {
        text = tr("The server rejected your sign-in to %1. Sign in again; your changes are kept.").arg(title);
    } else if (state.kind == Kind::SignedIn) {
        text = signedInText(state, title);
    } else {
        text = tr("Not signed in to %1.").arg(title);
    }
    m_status->setText(text);
    const bool settled = context && !m_retry->isReading() && state.kind != Kind::Checking;
    // In place (disabled) while it cannot be used yet; never beside "Signed in as", nor beside the
    // session-only sign-in a keychain that cannot keep one leaves (one way to sign in, not two).
    const bool keychainOut = state.kind == Kind::KeychainLocked || state.kind == Kind::KeychainUnavailable;
    m_signIn->setVisible(context && !state.fixedToken && state.kind != Kind::SignedIn && !keychainOut);
    m_signIn->setEnabled(settled && state.canSignIn() && context->server().hasUrl());
    m_signOut->setVisible(settled && state.canSignOut());
    m_signOutEverywhere->setVisible(settled && state.kind == Kind::SignedIn && !state.fixedToken);
    m_sessionOnly->setVisible(settled && (state.kind == Kind::KeychainLocked ||
                                          (state.kind == Kind::KeychainUnavailable && !state.sessionOnly)));
    // Stays in place (disabled) while the keychain is asked again, then keeps the focus.
    m_retry->setVisible(state.kind == Kind::KeychainLocked || m_retry->isReading());
}

QString AccountPanel::fixedTokenRejectedText()
{
    return tr("The server rejected the token from ALLMINE_TOKEN. Start the app without it to sign in.");
}

QString AccountPanel::signedInText(const SignInState &state, const QString &server)
{
    const QString until = state.expiry.isValid()
                              ? QLocale().toString(state.expiry.toLocalTime(), QLocale::ShortFormat)
                              : QString();
    const QString who = state.name.isEmpty() ? tr("Signed in") : tr("Signed in as %1").arg(state.name);
    QString text =
        until.isEmpty() ? tr("%1 on %2").arg(who, server) : tr("%1 on %2, until %3").arg(who, server, until);
    // One sentence for the sign-in with what qualifies it, then anything else as its own.
    if (state.sessionOnly)
        text += QLatin1Char(' ') + tr("(this session only)");
    if (state.unanswered)
        text += QLatin1Char(' ') + tr("(the server could not be asked just now)");
    text += QLatin1Char('.');
    if (state.registrationIncomplete)
        text +=
            QLatin1Char(' ') + tr("This account has not finished registering; finish it in the Allmine app.");
    return text;
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
