#include "settings/SettingsModel.h"

#include "settings/FieldTable.h"

QJsonValue SettingsModel::confirmedValue(const QString &key) const
{
    const auto it = m_confirmed.constFind(key);
    if (it != m_confirmed.constEnd())
        return *it;
    const FieldSpec *field = FieldTable::find(key);
    return field ? field->defaultValue() : QJsonValue(QJsonValue::Undefined);
}

QJsonValue SettingsModel::baseValue(const QString &key) const
{
    const auto it = m_inFlight.constFind(key);
    return it != m_inFlight.constEnd() ? *it : confirmedValue(key);
}

QJsonValue SettingsModel::value(const QString &key) const
{
    const auto it = m_edits.constFind(key);
    return it != m_edits.constEnd() ? *it : baseValue(key);
}

bool SettingsModel::setValue(const QString &key, const QJsonValue &newValue)
{
    const FieldSpec *field = FieldTable::find(key);
    if (!field || !FieldTable::hasValidType(*field, newValue))
        return false;
    const QJsonValue before = value(key);
    if (newValue == baseValue(key))
        m_edits.remove(key);
    else
        m_edits.insert(key, newValue);
    if (before != newValue)
        Q_EMIT changed();
    return true;
}

bool SettingsModel::isChanged(const QString &key) const
{
    return m_edits.contains(key) || value(key) != confirmedValue(key);
}

QStringList SettingsModel::changedKeys() const
{
    QStringList result;
    for (const FieldSpec &field : FieldTable::fields()) {
        if (isChanged(field.jsonKey()))
            result << field.jsonKey();
    }
    return result;
}

QStringList SettingsModel::pendingKeys() const
{
    QStringList result;
    for (const FieldSpec &field : FieldTable::fields()) {
        if (m_edits.contains(field.jsonKey()))
            result << field.jsonKey();
    }
    return result;
}

void SettingsModel::setConfirmed(const QJsonObject &serverObject)
{
    m_confirmed = serverObject;
    m_loaded = true;
    dropEditsEqualToBase();
    Q_EMIT changed();
}

QJsonObject SettingsModel::beginPatch()
{
    if (isInFlight() || m_edits.isEmpty())
        return {};
    m_inFlight = m_edits;
    m_edits = {};
    return m_inFlight;
}

void SettingsModel::finishPatch(const QJsonObject &serverObject)
{
    m_inFlight = {};
    setConfirmed(serverObject);
}

void SettingsModel::failPatch()
{
    for (auto it = m_inFlight.constBegin(); it != m_inFlight.constEnd(); ++it) {
        if (!m_edits.contains(it.key()))
            m_edits.insert(it.key(), it.value());
    }
    m_inFlight = {};
    dropEditsEqualToBase();
    Q_EMIT changed();
}

void SettingsModel::revert(const QString &key)
{
    const bool wasChanged = isChanged(key);
    m_edits.remove(key);
    // An in-flight value cannot be recalled from the wire: reverting it means sending the
    // confirmed value again after the answer.
    if (m_inFlight.contains(key) && m_inFlight.value(key) != confirmedValue(key))
        m_edits.insert(key, confirmedValue(key));
    if (wasChanged)
        Q_EMIT changed();
}

void SettingsModel::revertAll()
{
    for (const FieldSpec &field : FieldTable::fields())
        revert(field.jsonKey());
}

void SettingsModel::restoreEdits(const QJsonObject &edits)
{
    for (auto it = edits.constBegin(); it != edits.constEnd(); ++it)
        setValue(it.key(), it.value());
}

void SettingsModel::dropEditsEqualToBase()
{
    const QStringList keys = m_edits.keys();
    for (const QString &key : keys) {
        if (m_edits.value(key) == baseValue(key))
            m_edits.remove(key);
    }
}
