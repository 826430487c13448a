#include "FieldRow.h"

#include "AppIcons.h"
#include "settings/FieldTable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace {
void setBold(QWidget *widget, bool bold)
{
    QFont font = widget->font();
    font.setBold(bold);
    widget->setFont(font);
}
} // namespace

FieldRow::FieldRow(const FieldSpec &field, QWidget *parent)
    : QWidget(parent), m_field(&field), m_description(new QLabel(this)), m_inactiveNote(new QLabel(this)),
      m_marker(new QLabel(this)), m_noteLabel(new QLabel(this)), m_revert(new QToolButton(this))
{
    setObjectName(QStringLiteral("row_") + field.jsonKey());
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(0);

    QWidget *editorWidget = nullptr;
    if (field.type == FieldType::Bool) {
        m_check = new QCheckBox(this);
        // stateChanged, not toggled: leaving the unknown (partial) state for "on" is an edit too.
        connect(m_check, &QCheckBox::stateChanged, this, [this](int state) {
            if (state != Qt::PartiallyChecked)
                emitEdited();
        });
        editorWidget = m_check;
        layout->addWidget(m_check, 0, 0, 1, 2);
    } else {
        m_comboLabel = new QLabel(this);
        m_combo = new QComboBox(this);
        m_comboLabel->setBuddy(m_combo);
        for (const LanguageChoice &language : FieldTable::languages())
            m_combo->addItem(QString::fromUtf8(language.name), QString::fromLatin1(language.code));
        connect(m_combo, &QComboBox::currentIndexChanged, this, &FieldRow::emitEdited);
        editorWidget = m_combo;
        layout->addWidget(m_comboLabel, 0, 0);
        layout->addWidget(m_combo, 0, 1, Qt::AlignLeft);
    }
    editorWidget->setObjectName(QStringLiteral("editor_") + field.jsonKey());

    m_marker->setObjectName(QStringLiteral("marker"));
    m_marker->setVisible(false);
    m_revert->setObjectName(QStringLiteral("revert"));
    m_revert->setIcon(AppIcons::revert());
    m_revert->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Shown with the "Changed" mark, on the rows that have something to revert; its place is kept
    // so that nothing moves. Nine greyed-out buttons said nothing and were a twentieth of start-up.
    QSizePolicy revertPolicy = m_revert->sizePolicy();
    revertPolicy.setRetainSizeWhenHidden(true);
    m_revert->setSizePolicy(revertPolicy);
    m_revert->setEnabled(false);
    m_revert->setVisible(false);
    connect(m_revert, &QToolButton::clicked, this, [this] { Q_EMIT revertRequested(key()); });

    // Descriptions and the note wrap, so a narrow window never scrolls sideways.
    m_description->setWordWrap(true);
    m_inactiveNote->setWordWrap(true);
    dimDescription();
    m_inactiveNote->setVisible(false);
    m_noteLabel->setObjectName(QStringLiteral("serverNote"));
    // Its bold line would touch the descenders of the description right above it.
    m_noteLabel->setContentsMargins(0, m_noteLabel->fontMetrics().descent(), 0, 0);
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setVisible(false);

    layout->addWidget(m_marker, 0, 2);
    layout->addWidget(m_revert, 0, 3);
    layout->addWidget(m_description, 1, 0, 1, 2);
    layout->addWidget(m_inactiveNote, 2, 0, 1, 2);
    layout->addWidget(m_noteLabel, 3, 0, 1, 4);
    layout->setColumnStretch(1, 1);
    retranslateUi();
}

QWidget *FieldRow::editor() const
{
    return m_check ? static_cast<QWidget *>(m_check) : m_combo;
}

void FieldRow::retranslateUi()
{
    const QString label = FieldTable::label(*m_field);
    const QString description = FieldTable::description(*m_field);
    if (m_check)
        m_check->setText(label);
    else
        m_comboLabel->setText(tr("%1:").arg(label));
    editor()->setAccessibleName(m_changed ? tr("%1 (changed)").arg(label) : label);
    editor()->setAccessibleDescription(description);
    m_description->setText(description);
    m_marker->setText(tr("• Changed"));
    m_revert->setText(tr("Revert"));
    m_revert->setToolTip(tr("Put back the value the server has for “%1”").arg(label));
    m_revert->setAccessibleName(tr("Revert “%1”").arg(label));
    // Said once, under the master switch, rather than under each of its categories.
    if (const int dependents = dependentCount(); dependents > 0)
        m_inactiveNote->setText(
            tr("Off: the %n setting(s) below are inactive and keep their own values.", nullptr, dependents));
    if (m_combo)
        showLanguage(m_combo->currentData().toString());
    showNote();
}

void FieldRow::setNote(Note note, const QString &sent)
{
    m_note = note;
    m_sent = sent;
    if (m_check) {
        // The third state says "not known": neither on nor off until the user picks one.
        m_updating = true;
        m_check->setTristate(note == Note::Unreadable);
        if (note == Note::Unreadable)
            m_check->setCheckState(Qt::PartiallyChecked);
        m_updating = false;
    }
    showNote();
}

void FieldRow::showNote()
{
    QString text;
    switch (m_note) {
    case Note::None:
        break;
    case Note::ChangedOnServer:
        text = tr("This value was changed on the server.");
        break;
    case Note::NotApplied:
        text = tr("Not saved: the server did not apply this.");
        break;
    case Note::Unreadable:
        text = tr("Unknown: the server sent %1, not %2.").arg(m_sent, FieldTable::expected(*m_field));
        break;
    }
    m_noteLabel->setText(text);
    m_noteLabel->setVisible(!text.isEmpty());
    setBold(m_noteLabel, m_note == Note::Unreadable || m_note == Note::NotApplied);
    const QString label = FieldTable::label(*m_field);
    const QString name = m_changed ? tr("%1 (changed)").arg(label) : label;
    editor()->setAccessibleName(text.isEmpty() ? name : name + QLatin1String(": ") + text);
}

int FieldRow::dependentCount() const
{
    int count = 0;
    for (const FieldSpec &other : FieldTable::fields())
        count += other.parentKey && m_field->jsonKey() == QLatin1String(other.parentKey) ? 1 : 0;
    return count;
}

void FieldRow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::EnabledChange)
        dimDescription();
    QWidget::changeEvent(event);
}

// A description is dimmer than its label; a platform palette may make disabled text paler than
// placeholder text, so an inactive row takes the label's disabled colour and reads as one.
void FieldRow::dimDescription()
{
    m_description->setForegroundRole(m_description->isEnabled() ? QPalette::PlaceholderText
                                                                : QPalette::WindowText);
}

void FieldRow::setState(const QJsonValue &value, bool changed, bool inactive)
{
    m_updating = true;
    if (m_check && value.isBool()) {
        m_check->setTristate(false);
        m_check->setChecked(value.toBool());
    } else if (m_check) {
        m_check->setCheckState(Qt::PartiallyChecked); // neither on nor off: not known (yet)
    } else {
        showLanguage(value.toString()); // none selected when not known
    }
    m_updating = false;

    m_changed = changed;
    m_marker->setVisible(changed);
    m_revert->setEnabled(changed);
    m_revert->setVisible(changed);
    setBold(m_check ? static_cast<QWidget *>(m_check) : m_comboLabel, changed);
    const QString label = FieldTable::label(*m_field);
    editor()->setAccessibleName(changed ? tr("%1 (changed)").arg(label) : label);

    editor()->setEnabled(!inactive);
    m_description->setEnabled(!inactive);
    dimDescription();
    if (m_check && dependentCount() > 0)
        m_inactiveNote->setVisible(value.isBool() && !value.toBool()); // unreadable is not "off"
    if (m_field->parentKey) {
        const FieldSpec *parent = FieldTable::find(QLatin1String(m_field->parentKey));
        const QString why =
            tr("Inactive while “%1” is off; its own value is kept.").arg(FieldTable::label(*parent));
        editor()->setAccessibleDescription(inactive
                                               ? FieldTable::description(*m_field) + QLatin1Char(' ') + why
                                               : FieldTable::description(*m_field));
        editor()->setToolTip(inactive ? why : QString());
    }
}

// A code the table does not know (the server may know more languages) stays selected as an
// extra entry, so it is shown and never replaced behind the user's back.
void FieldRow::showLanguage(const QString &code)
{
    const QSignalBlocker blocker(m_combo);
    const int known = int(FieldTable::languages().size());
    int index = m_combo->findData(code);
    if (index < 0 && !code.isEmpty()) {
        // Room for a code the table lacks. Set only now: it builds the combo's pop-up at once,
        // which every start paid for before anyone opened it.
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_combo->addItem(QString(), code);
        index = m_combo->count() - 1;
    }
    for (int extra = known; extra < m_combo->count(); ++extra)
        m_combo->setItemText(extra,
                             tr("%1 (not known to this app)").arg(m_combo->itemData(extra).toString()));
    m_combo->setCurrentIndex(index);
}

void FieldRow::emitEdited()
{
    if (m_updating)
        return;
    if (m_check)
        Q_EMIT edited(key(), m_check->isChecked());
    else
        Q_EMIT edited(key(), m_combo->currentData().toString());
}
