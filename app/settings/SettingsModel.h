#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QStringList>

// The user's settings for one server in three layers:
//   confirmed  the last object the server returned, whole (unknown fields kept, never sent);
//   in flight  the fields of the PATCH on the wire (at most one at a time);
//   edits      what the user changed since.
// The value shown is edits ⊕ in flight ⊕ confirmed. Edits are compared by value with the layer
// beneath them, so toggling twice leaves nothing to send. No widget and no network here.
class SettingsModel : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isLoaded() const { return m_loaded; }
    QJsonObject confirmed() const { return m_confirmed; }
    QJsonObject inFlight() const { return m_inFlight; }
    QJsonObject edits() const { return m_edits; }

    // The server's value, or what the backend assumes when the account lacks the field.
    QJsonValue confirmedValue(const QString &key) const;
    // What the user sees.
    QJsonValue value(const QString &key) const;
    // Returns false (and changes nothing) for a key outside the field table or a wrong type.
    bool setValue(const QString &key, const QJsonValue &value);

    // Changed: the shown value differs from confirmed, or an edit waits behind the PATCH in flight.
    bool isChanged(const QString &key) const;
    QStringList changedKeys() const;
    // Fields the next Apply sends (table order), and that body.
    QStringList pendingKeys() const;
    QJsonObject pendingPatch() const { return m_edits; }
    bool hasPending() const { return !m_edits.isEmpty(); }
    bool isInFlight() const { return !m_inFlight.isEmpty(); }

    // A fresh object from the server (a load). Edits equal to it disappear, others stay.
    void setConfirmed(const QJsonObject &serverObject);
    // Moves the pending edits onto the wire and returns the PATCH body; empty when there is
    // nothing to send or a PATCH is already in flight.
    QJsonObject beginPatch();
    // The PATCH succeeded: its answer is the new confirmed state.
    void finishPatch(const QJsonObject &serverObject);
    // The PATCH failed, or its answer will never be applied (the user left the server): its
    // values return to edits unless the user changed them since.
    void failPatch();

    void revert(const QString &key);
    void revertAll();
    // Puts back edits saved earlier (a draft); invalid or unknown entries are ignored.
    void restoreEdits(const QJsonObject &edits);

Q_SIGNALS:
    void changed();

private:
    QJsonValue baseValue(const QString &key) const;
    void dropEditsEqualToBase();

    QJsonObject m_confirmed;
    QJsonObject m_inFlight;
    QJsonObject m_edits;
    bool m_loaded = false;
};
