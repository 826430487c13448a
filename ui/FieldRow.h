#pragma once

#include "settings/FieldSpec.h"

#include <QJsonValue>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QToolButton;

// One settings field as the user sees it: its editor (a check box or a language list), its
// description, a "Changed" marker and a button that reverts just this field. It shows what it
// is told and reports what the user does; the changed state lives in the SettingsModel.
class FieldRow : public QWidget
{
    Q_OBJECT
public:
    // What the row says about the server's value, under the field.
    enum class Note
    {
        None,
        ChangedOnServer, // a load or an answer changed it; the user had not
        NotApplied,      // sent, but the answer did not read back as sent
        Unreadable       // not of the field's type: shown in an unknown state, never as "off"
    };

    explicit FieldRow(const FieldSpec &field, QWidget *parent = nullptr);

    const FieldSpec &field() const { return *m_field; }
    QString key() const { return m_field->jsonKey(); }
    // `inactive`: the master switch this field depends on is off (the value is still shown).
    // An undefined `value`: none is known yet (nothing loaded); the editor shows none.
    void setState(const QJsonValue &value, bool changed, bool inactive);
    bool isChanged() const { return m_changed; }
    // After setState(): `sent` is what the server sent, for Unreadable.
    void setNote(Note note, const QString &sent = {});
    Note note() const { return m_note; }
    QLabel *noteLabel() const { return m_noteLabel; }

    QWidget *editor() const;
    QToolButton *revertButton() const { return m_revert; }
    QLabel *marker() const { return m_marker; }
    QLabel *description() const { return m_description; }

Q_SIGNALS:
    void edited(const QString &key, const QJsonValue &value);
    void revertRequested(const QString &key);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showNote();
    void dimDescription();
    void showLanguage(const QString &code);
    void emitEdited();

    const FieldSpec *m_field;
    QCheckBox *m_check = nullptr;
    QComboBox *m_combo = nullptr;
    QLabel *m_comboLabel = nullptr;
    QLabel *m_description;
    // How many fields depend on this one (a master switch has some).
    int dependentCount() const;

    QLabel *m_inactiveNote;
    QLabel *m_marker;
    QLabel *m_noteLabel;
    Note m_note = Note::None;
    QString m_sent;
    QToolButton *m_revert;
    bool m_changed = false;
    bool m_updating = false;
};
