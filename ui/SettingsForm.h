#pragma once

#include "settings/FieldSpec.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class FieldRow;
class FreshnessLabel;
class QGroupBox;
#include "settings/SettingsModel.h"

// The settings, generated from the field table: a group box per group, a FieldRow per field,
// fields that depend on a master switch indented beneath it. It edits the one SettingsModel it
// is given and redraws from it; it keeps no state of its own. Above them, when the values are from.
class SettingsForm : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsForm(QWidget *parent = nullptr);

    void setModel(SettingsModel *model);
    SettingsModel *model() const { return m_model; }
    FieldRow *row(const QString &key) const { return m_rows.value(key); }
    FreshnessLabel *freshness() const { return m_freshness; }
    // Tab order follows the table; returns the last focusable widget.
    QWidget *chainTabOrder(QWidget *previous) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();

    QPointer<SettingsModel> m_model;
    FreshnessLabel *m_freshness;
    QHash<QString, FieldRow *> m_rows;
    QList<FieldRow *> m_order;
    QHash<int, QGroupBox *> m_groups;
};
