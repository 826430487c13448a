#include "ServersDialog.h"

#include "servers/ServerRegistry.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

ServersDialog::ServersDialog(QWidget *parent)
    : QDialog(parent), m_list(new QListWidget), m_nameLabel(new QLabel), m_name(new QLineEdit),
      m_urlLabel(new QLabel), m_url(new QLineEdit), m_caLabel(new QLabel), m_ca(new QLineEdit),
      m_browse(new QPushButton), m_add(new QPushButton), m_remove(new QPushButton), m_save(new QPushButton),
      m_problem(new QLabel)
{
    setObjectName(QStringLiteral("serversDialog"));
    m_nameLabel->setBuddy(m_name);
    m_urlLabel->setBuddy(m_url);
    m_caLabel->setBuddy(m_ca);
    m_url->setPlaceholderText(QStringLiteral("https://api.example.com"));
    m_problem->setWordWrap(true);

    auto *ca = new QHBoxLayout;
    ca->addWidget(m_ca, 1);
    ca->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_urlLabel, m_url);
    form->addRow(m_caLabel, ca);
    form->addRow(QString(), m_problem);
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

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ServersDialog::showSelected);
    connect(m_add, &QPushButton::clicked, this, &ServersDialog::addNew);
    connect(m_remove, &QPushButton::clicked, this, &ServersDialog::removeSelected);
    connect(m_save, &QPushButton::clicked, this, &ServersDialog::save);
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

void ServersDialog::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    const auto profile = item ? ServerRegistry().find(item->data(Qt::UserRole).toString()) : std::nullopt;
    m_name->setText(profile ? profile->name : QString());
    m_name->setReadOnly(profile && profile->builtIn);
    m_url->setText(profile && profile->hasUrl() ? profile->baseUrl.toString() : QString());
    m_ca->setText(profile ? profile->caFile : QString());
    m_remove->setEnabled(profile && !profile->builtIn);
    m_problem->clear();
}

void ServersDialog::addNew()
{
    m_list->setCurrentRow(-1);
    m_name->clear();
    m_name->setReadOnly(false);
    m_url->clear();
    m_ca->clear();
    m_remove->setEnabled(false);
    m_name->setFocus();
}

bool ServersDialog::save()
{
    ServerRegistry registry;
    const QString problem =
        registry.set(m_name->text(), QUrl(m_url->text().trimmed()), m_ca->text().trimmed());
    m_problem->setText(problem);
    if (!problem.isEmpty())
        return false;
    reload(ServerRegistry::canonicalName(m_name->text()));
    return true;
}

void ServersDialog::removeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString problem = ServerRegistry().remove(item->data(Qt::UserRole).toString());
    m_problem->setText(problem);
    if (problem.isEmpty())
        reload(QStringLiteral("dev"));
}
