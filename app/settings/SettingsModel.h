#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QStringList>
#include <functional>

// The user's settings for one server in three layers:
//   confirmed  the last object the server returned, whole (unknown fields kept, never sent);
//   in flight  the fields of the PATCH on the wire (at most one at a time);
//   edits      what the user changed since.
// The value shown is edits ⊕ in flight ⊕ confirmed. Edits are compared by value with the layer
// beneath them, so toggling twice leaves nothing to send. No widget and no network here.
// What the server sends is checked, not guessed: a value not of its field's type is unreadable
// (never read as "off"); a PATCH answer that does not read back as sent leaves the edit in place;
// fields the user did not touch that an answer changes are remembered until the next edit.
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
    // The server's value is of the field's type (a missing field is: it has its default).
    bool isReadable(const QString &key) const;
    QStringList unreadableKeys() const;
    // Fields the user did not change whose value a load or a PATCH answer changed, until the
    // next edit (table order).
    QStringList serverChangedKeys() const;
    // Fields the last PATCH sent that its answer did not read back as sent; they stay as edits.
    QStringList notAppliedKeys() const;
    bool isNotApplied(const QString &key) const { return m_notApplied.contains(key); }
    // The answer's updatedAt (invalid when it has none), and when the values arrived.
    QDateTime updatedAt() const;
    QDateTime loadedAt() const { return m_loadedAt; }

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

    // A fresh object from the server (a load), whole: a field it lacks has its documented
    // default. Edits equal to it disappear, others stay.
    void setConfirmed(const QJsonObject &serverObject);
    // Moves the pending edits onto the wire and returns the PATCH body; empty when there is
    // nothing to send or a PATCH is already in flight.
    QJsonObject beginPatch();
    // The PATCH succeeded: its answer updates the confirmed state (a field it lacks keeps its
    // last known value). Returns the fields sent that it read back as sent; the others go back
    // into edits (unless edited since) and are listed by notAppliedKeys().
    QStringList finishPatch(const QJsonObject &serverObject);
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
    // The fields passing `test`, in table order.
    QStringList keysWhere(const std::function<bool(const QString &)> &test) const;
    void dropEditsEqualToBase();
    // Takes `next` as confirmed, noting the fields outside `expected` whose value it changed.
    void replaceConfirmed(const QJsonObject &next, const QJsonObject &expected);
    // The user edited: what the server changed and did not apply is old news now.
    void forgetServerNews(const QString &key);

    QJsonObject m_confirmed;
    QJsonObject m_inFlight;
    QJsonObject m_edits;
    QStringList m_serverChanged;
    QStringList m_notApplied;
    QDateTime m_loadedAt;
    bool m_loaded = false;
};
