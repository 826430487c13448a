#include "SettingsTransfer.h"

#include "CompareDialog.h"
#include "MainMenus.h"
#include "MessageBox.h"
#include "session/ServerContext.h"
#include "session/ServerSessions.h"
#include "settings/SettingsFile.h"
#include "settings/SettingsModel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

SettingsTransfer::SettingsTransfer(QWidget *window, ServerSessions *sessions, MainMenus *menus)
    : QObject(window), m_window(window), m_sessions(sessions), m_menus(menus),
      m_folder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    connect(menus->compareWith(), &QAction::triggered, this, &SettingsTransfer::compare);
    connect(menus->exportSettings(), &QAction::triggered, this, &SettingsTransfer::chooseExportFile);
    connect(menus->importSettings(), &QAction::triggered, this, &SettingsTransfer::chooseImportFile);
    connect(sessions, &ServerSessions::changed, this, &SettingsTransfer::updateActions);
    connect(sessions, &ServerSessions::activeChanged, this, &SettingsTransfer::updateActions);
    updateActions();
}

// Each needs the active server's settings on screen.
void SettingsTransfer::updateActions()
{
    const ServerContext *context = m_sessions->active();
    const bool loaded = context && context->model()->isLoaded();
    for (QAction *action : {m_menus->compareWith(), m_menus->exportSettings(), m_menus->importSettings()})
        action->setEnabled(loaded);
}

void SettingsTransfer::compare()
{
    if (!m_sessions->active() || !m_sessions->active()->model()->isLoaded())
        return;
    CompareDialog dialog(m_sessions, m_window);
    MessageBox::exec(&dialog);
}

void SettingsTransfer::chooseExportFile()
{
    const ServerContext *context = m_sessions->active();
    if (!context)
        return;
    QFileDialog dialog(m_window, tr("Export settings of %1").arg(context->server().title()), m_folder,
                       tr("Settings files (*.json)"));
    dialog.setObjectName(QStringLiteral("exportFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("json"));
    dialog.selectFile(QStringLiteral("allmine-settings-%1.json").arg(context->server().name));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    m_folder = dialog.directory().absolutePath();
    exportTo(dialog.selectedFiles().constFirst());
}

void SettingsTransfer::chooseImportFile()
{
    QFileDialog dialog(m_window, tr("Import settings"), m_folder,
                       tr("Settings files (*.json);;All files (*)"));
    dialog.setObjectName(QStringLiteral("importFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    m_folder = dialog.directory().absolutePath();
    importFrom(dialog.selectedFiles().constFirst());
}

bool SettingsTransfer::exportTo(const QString &path)
{
    const ServerContext *context = m_sessions->active();
    if (!context || !context->model()->isLoaded())
        return false;
    // The server's values, as the command line's export writes them; replaced only when whole.
    const QByteArray bytes = SettingsFile::toJson(context->model()->confirmed());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        warn(tr("Could not export the settings"),
             tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) +
                 QLatin1Char('\n') + tr("Choose another file or folder and try again."));
        return false;
    }
    QString text =
        tr("Saved the settings of %1 to %2.").arg(context->server().title(), QDir::toNativeSeparators(path));
    if (const int pending = int(context->model()->pendingKeys().size()); pending > 0)
        text += QLatin1Char(' ') +
                tr("The file holds the server's values: your %n unsaved change(s) are not in it.", nullptr,
                   pending);
    inform(tr("Settings exported"), text);
    return true;
}

bool SettingsTransfer::importFrom(const QString &path)
{
    ServerContext *context = m_sessions->active();
    if (!context || !context->model()->isLoaded())
        return false;
    // Checked whole first, with the command line's rules: a file is used whole or not at all.
    const SettingsFile::Result file = SettingsFile::read(QDir::toNativeSeparators(path));
    if (!file.ok()) {
        warn(tr("Could not import the settings"),
             file.error + QLatin1Char('\n') +
                 tr("Nothing was changed. Correct the file, or choose another."));
        return false;
    }
    SettingsModel *model = context->model();
    // The user's own edits first: a file that sets one back to the server's value undoes it.
    QJsonObject editsBefore;
    for (const QString &key : model->pendingKeys())
        editsBefore.insert(key, model->value(key));
    bool changed = false;
    for (auto it = file.values.constBegin(); it != file.values.constEnd(); ++it)
        changed = (model->value(it.key()) != it.value() && model->setValue(it.key(), it.value())) || changed;
    int replaced = 0;
    for (auto it = editsBefore.constBegin(); it != editsBefore.constEnd(); ++it)
        replaced += model->value(it.key()) != it.value() ? 1 : 0;
    const int waiting = int(model->pendingKeys().size());
    const QString name = QFileInfo(path).fileName();
    const QString server = context->server().title();
    QString text;
    if (!changed)
        text = tr("The window already shows the values in %1. Nothing was changed.").arg(name);
    else if (waiting == 0)
        text = tr("%1 holds the values %2 has, so no change waits to be sent.").arg(name, server);
    else
        text = tr("With the values from %1, %n change(s) wait to be sent. Review them, then press Apply to "
                  "send them to %2; nothing was sent yet.",
                  nullptr, waiting)
                   .arg(name, server);
    if (replaced > 0)
        text += QLatin1Char(' ') +
                tr("The file's values replaced %n unsaved change(s) of yours.", nullptr, replaced);
    inform(tr("Settings imported"), text);
    return true;
}

void SettingsTransfer::inform(const QString &title, const QString &text)
{
    MessageBox::ask(m_window, QMessageBox::Information, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void SettingsTransfer::warn(const QString &title, const QString &text)
{
    MessageBox::ask(m_window, QMessageBox::Warning, title, text, QMessageBox::Ok, QMessageBox::Ok);
}
