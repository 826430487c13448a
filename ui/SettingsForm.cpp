#include "SettingsForm.h"

#include "FieldRow.h"
#include "FreshnessLabel.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QEvent>
#include <QGroupBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
constexpr int kChildIndent = 28;
}

SettingsForm::SettingsForm(QWidget *parent) : QWidget(parent), m_freshness(new FreshnessLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_freshness);
    for (const FieldSpec &field : FieldTable::fields()) {
        QGroupBox *&group = m_groups[int(field.group)];
        if (!group) {
            group = new QGroupBox(this);
            group->setObjectName(QStringLiteral("group_%1").arg(int(field.group)));
            new QVBoxLayout(group);
            layout->addWidget(group);
        }
        auto *row = new FieldRow(field, group);
        if (field.parentKey)
            row->setContentsMargins(kChildIndent, 0, 0, 0);
        group->layout()->addWidget(row);
        m_rows.insert(field.jsonKey(), row);
        m_order << row;
        connect(row, &FieldRow::edited, this, [this](const QString &key, const QJsonValue &value) {
            if (m_model)
                m_model->setValue(key, value);
        });
        connect(row, &FieldRow::revertRequested, this, [this](const QString &key) {
            if (m_model)
                m_model->revert(key);
        });
    }
    layout->addStretch(1);
    retranslateUi();
    refresh();
}

void SettingsForm::setModel(SettingsModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model)
        connect(m_model, &SettingsModel::changed, this, &SettingsForm::refresh);
    refresh();
}

void SettingsForm::refresh()
{
    // Until the server has answered there are no values to show or edit.
    const bool loaded = m_model && m_model->isLoaded();
    setEnabled(loaded);
    for (FieldRow *row : qAsConst(m_order)) {
        const FieldSpec &field = row->field();
        if (!loaded) {
            row->setNote(FieldRow::Note::None);
            row->setState(QJsonValue::Undefined, false, false); // no value, rather than a default
            continue;
        }
        // An unreadable master switch is not "off": its categories stay as they are.
        const QJsonValue parent =
            field.parentKey ? m_model->value(QString::fromLatin1(field.parentKey)) : QJsonValue();
        const bool inactive = parent.isBool() && !parent.toBool();
        const QString key = field.jsonKey();
        const QJsonValue value = m_model->value(key);
        row->setState(value, m_model->isChanged(key), inactive);
        if (m_model->isLoaded() && !FieldTable::hasValidType(field, value))
            row->setNote(FieldRow::Note::Unreadable, FieldTable::sentText(value));
        else if (m_model->isNotApplied(key))
            row->setNote(FieldRow::Note::NotApplied);
        else if (m_model->serverChangedKeys().contains(key))
            row->setNote(FieldRow::Note::ChangedOnServer);
        else
            row->setNote(FieldRow::Note::None);
    }
    m_freshness->setModel(m_model);
}

QWidget *SettingsForm::chainTabOrder(QWidget *previous) const
{
    for (FieldRow *row : m_order) {
        setTabOrder(previous, row->editor());
        setTabOrder(row->editor(), row->revertButton());
        previous = row->revertButton();
    }
    return previous;
}

void SettingsForm::retranslateUi()
{
    for (auto it = m_groups.constBegin(); it != m_groups.constEnd(); ++it)
        it.value()->setTitle(FieldTable::groupTitle(FieldGroup(it.key())));
}

void SettingsForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
