#include "ServersDialog.h"

#include "MessageBox.h"
#include "servers/ServerRegistry.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace {
bool isBuiltIn(const QString &name)
{
    return name == QLatin1String("dev") || name == QLatin1String("prod");
}
} // namespace

ServersDialog::ServersDialog(QWidget *parent)
    : QDialog(parent), m_list(new QListWidget), m_nameLabel(new QLabel), m_name(new QLineEdit),
      m_urlLabel(new QLabel), m_url(new QLineEdit), m_caLabel(new QLabel), m_ca(new QLineEdit),
      m_browse(new QPushButton), m_confirm(new QCheckBox), m_add(new QPushButton), m_remove(new QPushButton),
      m_save(new QPushButton), m_message(new QLabel)
{
    setObjectName(QStringLiteral("serversDialog"));
    m_nameLabel->setBuddy(m_name);
    m_urlLabel->setBuddy(m_url);
    m_caLabel->setBuddy(m_ca);
    m_url->setPlaceholderText(QStringLiteral("https://api.example.com"));
    m_message->setObjectName(QStringLiteral("message"));
    m_confirm->setObjectName(QStringLiteral("confirmChanges"));
    // Hidden for the built-in servers, but counted in the width: the list does not narrow when
    // a custom server is chosen or added.
    QSizePolicy confirmPolicy = m_confirm->sizePolicy();
    confirmPolicy.setRetainSizeWhenHidden(true);
    m_confirm->setSizePolicy(confirmPolicy);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // an address is shown as typed

    auto *ca = new QHBoxLayout;
    ca->addWidget(m_ca, 1);
    ca->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_urlLabel, m_url);
    form->addRow(m_caLabel, ca);
    form->addRow(QString(), m_confirm);
    form->addRow(QString(), m_message);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    listButtons->addStretch(1);
    listButtons->addWidget(m_save);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list);
    top->addLayout(form, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(listButtons);
    layout->addWidget(buttons);
    // Enter in a field saves; the file picker opens from Browse… only.
    m_save->setDefault(true);

    connect(buttons, &QDialogButtonBox::rejected, this, &ServersDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ServersDialog::pick);
    connect(m_add, &QPushButton::clicked, this, &ServersDialog::addNew);
    connect(m_remove, &QPushButton::clicked, this, &ServersDialog::removeSelected);
    connect(m_save, &QPushButton::clicked, this, &ServersDialog::save);
    for (QLineEdit *edit : {m_name, m_url, m_ca})
        connect(edit, &QLineEdit::textEdited, m_message, &QLabel::clear);
    connect(m_confirm, &QCheckBox::toggled, m_message, &QLabel::clear);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA certificate"), m_ca->text(), tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_ca->setText(file);
    });
    retranslateUi();
    reload(ServerRegistry().activeName());
}

void ServersDialog::retranslateUi()
{
    setWindowTitle(tr("Servers"));
    m_nameLabel->setText(tr("&Name:"));
    m_urlLabel->setText(tr("Base &URL:"));
    m_caLabel->setText(tr("&CA certificate:"));
    m_ca->setPlaceholderText(tr("optional, PEM file for a private server"));
    m_browse->setText(tr("&Browse…"));
    m_confirm->setText(tr("Con&firm every change (treat like Production)"));
    m_confirm->setToolTip(tr("Before Apply sends anything to this server, list the changes and ask"));
    m_add->setText(tr("&Add server"));
    m_remove->setText(tr("&Remove"));
    m_save->setText(tr("&Save"));
}

void ServersDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ServersDialog::reload(const QString &select)
{
    {
        const QSignalBlocker blocker(m_list); // the form follows once, below
        m_list->clear();
        for (const ServerProfile &profile : ServerRegistry().profiles()) {
            auto *item = new QListWidgetItem(profile.title(), m_list);
            item->setData(Qt::UserRole, profile.name);
            if (profile.name == select)
                m_list->setCurrentItem(item);
        }
        if (!m_list->currentItem())
            m_list->setCurrentRow(0);
    }
    showSelected();
}

void ServersDialog::select(const QString &name)
{
    const QSignalBlocker blocker(m_list);
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == name) {
            m_list->setCurrentRow(row);
            return;
        }
    }
    m_list->setCurrentRow(-1); // a new server, not in the list yet
}

// Another row picked: the form's unsaved changes are saved, dropped or kept (the pick undone)
// as the user says, never lost silently.
void ServersDialog::pick()
{
    const QString picked = selectedName();
    if (!settleBeforeMovingOn()) {
        select(m_shown);
        return;
    }
    select(picked); // saving reloaded the list
    showSelected();
}

bool ServersDialog::settleBeforeMovingOn()
{
    return settleUnsaved(tr("The changes to this server are not saved. Save them first?"));
}

bool ServersDialog::settleUnsaved(const QString &question)
{
    if (!hasUnsavedChanges())
        return true;
    const auto answer =
        MessageBox::ask(this, QMessageBox::Warning, tr("Servers"), question,
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    return answer == QMessageBox::Discard || (answer == QMessageBox::Save && save());
}

QString ServersDialog::selectedName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ServersDialog::showSelected()
{
    const QString selected = selectedName();
    m_shown = selected;
    const auto profile = selected.isEmpty() ? std::nullopt : ServerRegistry().find(selected);
    m_name->setText(profile ? profile->name : QString());
    m_name->setReadOnly(profile && profile->builtIn);
    m_url->setText(profile && profile->hasUrl() ? profile->baseUrl.toString() : QString());
    m_ca->setText(profile ? profile->caFile : QString());
    m_remove->setEnabled(profile && !profile->builtIn);
    m_confirm->setVisible(!profile || !profile->builtIn);
    m_confirm->setChecked(!profile || profile->confirmChanges);
    m_message->clear();
}

bool ServersDialog::hasUnsavedChanges() const
{
    const QString &selected = m_shown;
    if (selected.isEmpty()) {
        return !m_name->text().trimmed().isEmpty() || !m_url->text().trimmed().isEmpty() ||
               !m_ca->text().trimmed().isEmpty() || !m_confirm->isChecked();
    }
    const auto profile = ServerRegistry().find(selected);
    if (!profile)
        return false;
    const QString url = profile->hasUrl() ? profile->baseUrl.toString() : QString();
    return ServerRegistry::canonicalName(m_name->text()) != profile->name || m_url->text().trimmed() != url ||
           m_ca->text().trimmed() != profile->caFile ||
           (!profile->builtIn && m_confirm->isChecked() != profile->confirmChanges);
}

void ServersDialog::addNew()
{
    if (!settleBeforeMovingOn())
        return;
    select(QString());
    m_shown.clear();
    m_name->clear();
    m_name->setReadOnly(false);
    m_url->clear();
    m_ca->clear();
    m_confirm->setVisible(true);
    m_confirm->setChecked(true); // a new server asks first until the user says otherwise
    m_remove->setEnabled(false);
    m_name->setFocus();
}

bool ServersDialog::mayReplace(const QString &name)
{
    const auto existing = ServerRegistry().find(name);
    if (!existing)
        return true;
    const QString address = existing->hasUrl() ? existing->baseUrl.toString() : tr("no address");
    return MessageBox::ask(this, QMessageBox::Question, tr("Replace server"),
                           tr("There is already a server named \"%1\" (%2). Replace it?").arg(name, address),
                           QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

bool ServersDialog::save()
{
    const QString from = m_shown; // empty for a new server
    const QString to = ServerRegistry::canonicalName(m_name->text());
    const QString typed = m_url->text().trimmed();
    QString problem = ServerProfile::checkBaseUrl(QUrl(typed), typed);
    if (problem.isEmpty() && to != from && isBuiltIn(to))
        problem =
            tr("Development and Production are built in: pick them in the list to change their address.");
    if (problem.isEmpty() && to != from && !mayReplace(to)) {
        m_message->setText(tr("Not saved."));
        return false;
    }
    // Checked here, not when a request fails later on a server the user has moved on from.
    QString ca = m_ca->text().trimmed();
    if (problem.isEmpty() && !ca.isEmpty()) {
        problem = ServerProfile::checkCaFile(ca);
        if (!problem.isEmpty())
            m_ca->setFocus();
        ca = QFileInfo(ca).absoluteFilePath();
    }
    ServerRegistry registry;
    if (problem.isEmpty())
        problem = registry.set(to, QUrl(typed), ca);
    if (problem.isEmpty() && !isBuiltIn(to))
        problem = registry.setConfirmChanges(to, m_confirm->isChecked());
    // A new name for the server picked is a rename, not a copy.
    if (problem.isEmpty() && !from.isEmpty() && from != to)
        problem = registry.remove(from);
    m_message->setText(problem);
    if (!problem.isEmpty())
        return false;
    reload(to);
    m_message->setText(tr("Saved %1.").arg(m_list->currentItem()->text()));
    return true;
}

void ServersDialog::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    if (MessageBox::ask(this, QMessageBox::Question, tr("Remove server"),
                        tr("Remove the server \"%1\" from the list?").arg(m_list->currentItem()->text()),
                        QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    const QString problem = ServerRegistry().remove(name);
    m_message->setText(problem);
    if (problem.isEmpty())
        reload(QStringLiteral("dev"));
}

void ServersDialog::reject()
{
    if (settleUnsaved(tr("The changes in this form are not saved. Save them before closing?")))
        QDialog::reject();
}
