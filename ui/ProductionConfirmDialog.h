#pragma once

#include "servers/ServerProfile.h"

#include <QDialog>
#include <QJsonValue>

class QCheckBox;
class QLabel;
class QPushButton;
class SettingsModel;

// Shown before anything is sent to Production, or to a custom server that confirms every change
// (ServerProfile::needsConfirmation()): every change as "field: old → new", and an
// opt-out that lasts until the app quits.
class ProductionConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    ProductionConfirmDialog(const ServerProfile &server, const SettingsModel &model,
                            QWidget *parent = nullptr);

    bool dontAskAgain() const;
    QLabel *changeList() const { return m_changes; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *cancelButton() const { return m_cancel; }

    // "field: old → new" lines for the pending edits, in table order.
    static QStringList describeChanges(const SettingsModel &model);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    struct Change
    {
        QString key;
        QJsonValue from;
        QJsonValue to;
    };
    static QList<Change> pendingChanges(const SettingsModel &model);
    static QStringList describe(const QList<Change> &changes);

    ServerProfile m_server;
    QList<Change> m_pending; // as they were when the dialog opened; worded in the UI language
    QLabel *m_intro;
    QLabel *m_changes;
    QCheckBox *m_dontAsk;
    QPushButton *m_apply;
    QPushButton *m_cancel;
};
