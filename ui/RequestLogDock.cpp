#include "RequestLogDock.h"

#include "MessageBox.h"
#include "RequestLogModel.h"
#include "api/CurlCommand.h"

#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

RequestLogDock::RequestLogDock(RequestLogModel *model, QWidget *parent)
    : QDockWidget(parent), m_model(model), m_table(new QTableView), m_details(new QPlainTextEdit),
      m_copyCurl(new QPushButton), m_clear(new QPushButton), m_export(new QPushButton)
{
    setObjectName(QStringLiteral("requestLog"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RequestLogModel::Url, QHeaderView::Stretch);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyCurl->setEnabled(false);
    m_export->setObjectName(QStringLiteral("exportRequestLog"));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_export);
    buttons->addWidget(m_copyCurl);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RequestLogDock::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestLogDock::showSelected);
    connect(m_copyCurl, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(selectedAsCurl()); });
    connect(m_clear, &QPushButton::clicked, m_model, &RequestLogModel::clear);
    connect(m_export, &QPushButton::clicked, this, &RequestLogDock::exportAll);
    const auto updateExport = [this] { m_export->setEnabled(m_model->rowCount() > 0); };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateExport);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateExport);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateExport);
    updateExport(); // built after requests were logged
    retranslateUi();
}

int RequestLogDock::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

QString RequestLogDock::selectedAsCurl() const
{
    const int row = selectedRow();
    // Redacted like the details: a refresh or sign-in body never reaches the clipboard.
    return row < 0 ? QString() : CurlCommand::fromRecord(RequestLogModel::redacted(m_model->record(row)));
}

void RequestLogDock::showSelected()
{
    const int row = selectedRow();
    m_copyCurl->setEnabled(row >= 0);
    m_details->setPlainText(row < 0 ? QString() : RequestLogModel::details(m_model->record(row)));
}

bool RequestLogDock::exportTo(const QString &file, QString *error) const
{
    QSaveFile out(file);
    // The log names accounts (emails, phone numbers): readable by this user only.
    const bool written = out.open(QIODevice::WriteOnly) &&
                         out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                         out.write(m_model->toJson().toJson(QJsonDocument::Indented)) >= 0 && out.commit();
    if (!written && error)
        *error = out.errorString();
    return written;
}

void RequestLogDock::exportAll()
{
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export request log"),
        QDir::home().filePath(
            QStringLiteral("allmine-requests-%1.json").arg(QDate::currentDate().toString(Qt::ISODate))),
        tr("JSON files (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportTo(file, &error))
        MessageBox::ask(this, QMessageBox::Warning, tr("Export request log"),
                        tr("Could not write %1: %2").arg(QDir::toNativeSeparators(file), error),
                        QMessageBox::Ok, QMessageBox::Ok);
}

void RequestLogDock::retranslateUi()
{
    setWindowTitle(tr("Request log"));
    m_table->setAccessibleName(tr("Requests"));
    m_details->setAccessibleName(tr("Request details"));
    m_copyCurl->setText(tr("Copy as cURL"));
    m_copyCurl->setToolTip(tr("Copy the selected request as a curl command; the token reads $ALLMINE_TOKEN"));
    m_clear->setText(tr("Clear"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save every request and answer as a JSON file; tokens and one-time codes are "
                            "redacted"));
    m_model->retranslate();
    showSelected(); // the details pane words the answer
}

void RequestLogDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}
