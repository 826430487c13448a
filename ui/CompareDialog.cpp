#include "CompareDialog.h"

#include "AccountPanel.h"
#include "MessageBox.h"
#include "RetryButton.h"
#include "SignInDialog.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "servers/ServerRegistry.h"
#include "session/ServerContext.h"
#include "session/ServerSessions.h"
#include "settings/FieldTable.h"
#include "settings/SettingsFile.h"
#include "settings/SettingsModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <utility>

namespace {
enum Column
{
    Label,
    Here,
    There,
    Mark,
    ColumnCount
};

// A value as the window shows it; one not of its field's type says what the server sent.
QString shown(const FieldSpec &field, const QJsonValue &value)
{
    if (!FieldTable::hasValidType(field, value))
        return CompareDialog::tr("unknown (the server sent %1)").arg(FieldTable::sentText(value));
    return FieldTable::display(field, value);
}
} // namespace

CompareDialog::CompareDialog(ServerSessions *sessions, QWidget *parent)
    : QDialog(parent), m_sessions(sessions), m_here(sessions->active()), m_intro(new QLabel),
      m_servers(new QComboBox), m_status(new QLabel), m_signIn(new QPushButton), m_retry(new RetryButton),
      m_table(new QTableWidget(int(FieldTable::fields().size()), ColumnCount)), m_use(new QPushButton),
      m_close(new QPushButton)
{
    setObjectName(QStringLiteral("compareDialog"));
    m_servers->setObjectName(QStringLiteral("compareServer"));
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents); // every field at once
    m_intro->setBuddy(m_servers);
    m_signIn->setAutoDefault(false);
    m_retry->setAutoDefault(false);
    m_use->setObjectName(QStringLiteral("useValues"));
    m_use->setDefault(true); // sends nothing: the values become edits, reviewed before Apply

    for (const ServerProfile &server : sessions->servers(ServerRegistry())) {
        if (server.name != m_here->server().name)
            m_servers->addItem(server.title(), server.name);
    }
    // The first server that has an address, as the one most likely meant.
    for (int i = 0; i < m_servers->count(); ++i) {
        if (sessions->context(m_servers->itemData(i).toString())->server().hasUrl()) {
            m_servers->setCurrentIndex(i);
            break;
        }
    }

    auto *choice = new QHBoxLayout;
    choice->addWidget(m_intro);
    choice->addWidget(m_servers, 1);
    auto *status = new QHBoxLayout;
    status->addWidget(m_status, 1);
    status->addWidget(m_signIn);
    status->addWidget(m_retry);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_use, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choice);
    layout->addLayout(status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    connect(m_servers, &QComboBox::currentIndexChanged, this, &CompareDialog::showChosen);
    connect(m_signIn, &QPushButton::clicked, this, &CompareDialog::signIn);
    connect(m_retry, &QPushButton::clicked, this, &CompareDialog::retry);
    connect(m_use, &QPushButton::clicked, this, &CompareDialog::useValues);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    setTabOrder(m_servers, m_signIn);
    setTabOrder(m_signIn, m_retry);
    setTabOrder(m_retry, m_table);
    setTabOrder(m_table, m_use);
    setTabOrder(m_use, m_close);

    retranslateUi();
    resize(qMax(sizeHint().width(), fontMetrics().averageCharWidth() * 100), sizeHint().height());
    m_servers->setFocus();
    showChosen();
}

CompareDialog::~CompareDialog()
{
    disconnect(m_accountWatch);
    if (m_call)
        m_call->cancel();
}

ServerContext *CompareDialog::there() const
{
    const QString name = m_servers->currentData().toString();
    return name.isEmpty() ? nullptr : m_sessions->context(name);
}

void CompareDialog::showChosen()
{
    disconnect(m_accountWatch);
    if (m_call) { // its late answer is never shown
        m_call->disconnect(this);
        m_call->cancel();
        m_call = nullptr;
    }
    m_loaded = false;
    m_thereSettings = {};
    m_signIn->hide();
    m_retry->hide();
    fillTable();
    ServerContext *context = there();
    if (!context) {
        setStatus([] { return tr("There is no other server. Add one under File → Servers…."); });
        return;
    }
    const ServerProfile server = context->server();
    if (!server.hasUrl()) {
        setStatus([server] {
            return tr("%1 has no address yet. Set one under File → Servers… to compare with it.")
                .arg(server.title());
        });
        return;
    }
    // The server's one sign-in state: what the keychain, the window and this dialog learnt of it.
    m_accountWatch = connect(context, &ServerContext::accountChanged, this, &CompareDialog::onAccountChanged);
    AccountSession *account = context->account();
    if (account && account->state() == AccountSession::State::Unknown) {
        setStatus([server] { return tr("Reading the sign-in for %1…").arg(server.title()); });
        account->load(); // onAccountChanged() follows
        return;
    }
    onAccountChanged();
}

void CompareDialog::onAccountChanged()
{
    ServerContext *context = there();
    if (!context || m_call || (m_loaded && context->hasToken()))
        return; // a renewal, or what is shown is still this account's
    const ServerProfile server = context->server();
    AccountSession *account = context->account();
    if (account && account->state() == AccountSession::State::Unknown)
        return;
    using Kind = SignInState::Kind;
    const SignInState state = context->signInState();
    m_retry->setVisible(state.kind == Kind::KeychainLocked);
    // As the window's account line: no sign-in while the keychain cannot keep it.
    m_signIn->setVisible(state.canSignIn());
    if (state.kind == Kind::KeychainLocked || state.kind == Kind::KeychainUnavailable) {
        const QString message = state.message;
        setStatus([message] { return message; });
        return;
    }
    if (!context->hasToken() || state.kind == Kind::Rejected) {
        m_loaded = false;
        m_thereSettings = {};
        fillTable();
        const bool refused = context->hasToken();
        const bool fixed = state.fixedToken;
        setStatus([server, refused, fixed] {
            if (fixed)
                return AccountPanel::fixedTokenRejectedText();
            return (refused ? tr("%1 refused the sign-in. Sign in again to compare with its settings.")
                            : tr("You are not signed in to %1. Sign in to compare with its settings."))
                .arg(server.title());
        });
        return;
    }
    fetch();
}

void CompareDialog::retry()
{
    ServerContext *context = there();
    if (!context)
        return;
    AccountSession *account = context->account();
    if (!account || context->signInState().kind != SignInState::Kind::KeychainLocked)
        return fetch();
    const ServerProfile server = context->server();
    setStatus([server] { return tr("Reading the sign-in for %1…").arg(server.title()); });
    m_retry->readAgain(account); // onAccountChanged() follows, locked or not
}

void CompareDialog::fetch()
{
    ServerContext *context = there();
    if (!context || m_call)
        return;
    m_retry->hide();
    const ServerProfile server = context->server();
    setStatus([server] { return tr("Loading the settings of %1…").arg(server.title()); });
    m_call = context->client()->get(QString::fromLatin1(SettingsSession::kPath));
    connect(m_call, &ApiCall::finished, this, &CompareDialog::onFetched);
}

void CompareDialog::onFetched(const ApiResult &result)
{
    m_call = nullptr;
    ServerContext *context = there();
    const ServerProfile server = context->server();
    ApiError error = result.error;
    if (!error.isError() && !result.data.isObject())
        error = ApiError::of(ApiError::Kind::Malformed, tr("the settings were not an object"));
    if (error.isError()) {
        // A refused sign-in is refused for the whole window. Noting it emits accountChanged(),
        // which may show the refusal here already: onAccountChanged() shows the same again.
        context->noteAuthFailure(error);
        if ((context->account() && !context->account()->isSignedIn()) ||
            context->signInState().kind == SignInState::Kind::Rejected)
            return onAccountChanged(); // the sign-in ended or is refused: offered again
        // The server's own words first, then what to do.
        setStatus([server, error] {
            return tr("Could not load the settings from %1.").arg(server.title()) + QLatin1Char(' ') +
                   error.message();
        });
        m_retry->setVisible(error.isRetryable());
        m_signIn->setVisible(error.isAuthFailure() && context->account());
        return;
    }
    m_thereSettings = result.object();
    m_loaded = true;
    fillTable();
}

void CompareDialog::fillTable()
{
    const ServerContext *context = there();
    const SettingsModel *model = m_here->model();
    QJsonObject here;
    for (const FieldSpec &field : FieldTable::fields())
        here.insert(field.jsonKey(), model->value(field.jsonKey()));
    const QJsonObject thereValues = SettingsFile::fieldsOf(m_thereSettings);
    m_differing = m_loaded ? SettingsFile::differingKeys(here, m_thereSettings) : QStringList();

    m_table->setHorizontalHeaderLabels({tr("Setting"), tr("%1 (this window)").arg(m_here->server().title()),
                                        m_servers->currentText(), tr("Difference")});
    int row = 0;
    for (const FieldSpec &field : FieldTable::fields()) {
        const QString key = field.jsonKey();
        const bool differs = m_differing.contains(key);
        const QStringList texts = {FieldTable::label(field), shown(field, here.value(key)),
                                   m_loaded ? shown(field, thereValues.value(key)) : QString(),
                                   differs ? tr("Differs") : QString()};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts.at(column));
            QFont font = item->font();
            font.setBold(differs); // with the "Differs" text, never by colour alone
            item->setFont(font);
            item->setData(Qt::UserRole, key);
            m_table->setItem(row, column, item);
        }
        ++row;
    }
    m_table->resizeColumnsToContents();

    const auto usable = [&] {
        for (const QString &key : m_differing) {
            if (FieldTable::hasValidType(*FieldTable::find(key), thereValues.value(key)))
                return true;
        }
        return false;
    };
    m_use->setEnabled(m_loaded && model->isLoaded() && usable());
    if (!m_loaded || !context)
        return;
    const QString hereTitle = m_here->server().title();
    const QString thereTitle = context->server().title();
    const int count = int(m_differing.size());
    const bool edited = model->hasPending();
    setStatus([hereTitle, thereTitle, count, edited] {
        QString text = count == 0 ? tr("%1 and %2 have the same settings.").arg(hereTitle, thereTitle)
                                  : tr("%n setting(s) differ. \"Use these values\" makes them changes here, "
                                       "which you review and then send with Apply.",
                                       nullptr, count);
        if (edited)
            text += QLatin1Char(' ') + tr("The %1 column includes your unsaved changes.").arg(hereTitle);
        return text;
    });
}

void CompareDialog::signIn()
{
    ServerContext *context = there();
    if (!context || !context->account())
        return;
    SignInDialog dialog(context->client(), context->account(), this);
    MessageBox::exec(&dialog);
    onAccountChanged(); // loads now if the dialog signed in
}

void CompareDialog::useValues()
{
    const QJsonObject thereValues = SettingsFile::fieldsOf(m_thereSettings);
    for (const QString &key : qAsConst(m_differing)) {
        // An unreadable value is shown, never copied: setValue() refuses a wrong type.
        m_here->model()->setValue(key, thereValues.value(key));
    }
    accept();
}

void CompareDialog::setStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

void CompareDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CompareDialog::retranslateUi()
{
    const QString hereTitle = m_here->server().title();
    setWindowTitle(tr("Compare %1 with another server").arg(hereTitle));
    m_intro->setText(tr("Compare %1 &with:").arg(hereTitle));
    m_signIn->setText(tr("Sign &in…"));
    m_retry->setText(tr("&Try again"));
    m_use->setText(tr("&Use these values"));
    m_close->setText(tr("Close"));
    if (m_statusText)
        m_status->setText(m_statusText());
    fillTable();
}
