#include "settings/SettingsModel.h"

#include "settings/FieldTable.h"

#include <utility>

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

QStringList SettingsModel::keysWhere(const std::function<bool(const QString &)> &test) const
{
    QStringList result;
    for (const FieldSpec &field : FieldTable::fields()) {
        if (test(field.jsonKey()))
            result << field.jsonKey();
    }
    return result;
}

bool SettingsModel::isReadable(const QString &key) const
{
    const FieldSpec *field = FieldTable::find(key);
    return field && FieldTable::hasValidType(*field, confirmedValue(key));
}

QStringList SettingsModel::unreadableKeys() const
{
    return keysWhere([this](const QString &key) { return !isReadable(key); });
}

QStringList SettingsModel::serverChangedKeys() const
{
    return keysWhere([this](const QString &key) { return m_serverChanged.contains(key); });
}

QStringList SettingsModel::notAppliedKeys() const
{
    return keysWhere([this](const QString &key) { return m_notApplied.contains(key); });
}

QDateTime SettingsModel::updatedAt() const
{
    const QString text = m_confirmed.value(QStringLiteral("updatedAt")).toString();
    const QDateTime withMs = QDateTime::fromString(text, Qt::ISODateWithMs);
    return withMs.isValid() ? withMs : QDateTime::fromString(text, Qt::ISODate);
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
    if (before != newValue) {
        forgetServerNews(key);
        Q_EMIT changed();
    }
    return true;
}

void SettingsModel::forgetServerNews(const QString &key)
{
    m_serverChanged.clear();
    m_notApplied.removeAll(key);
}

bool SettingsModel::isChanged(const QString &key) const
{
    return m_edits.contains(key) || value(key) != confirmedValue(key);
}

QStringList SettingsModel::changedKeys() const
{
    return keysWhere([this](const QString &key) { return isChanged(key); });
}

QStringList SettingsModel::pendingKeys() const
{
    return keysWhere([this](const QString &key) { return m_edits.contains(key); });
}

void SettingsModel::setConfirmed(const QJsonObject &serverObject)
{
    replaceConfirmed(serverObject, {});
    dropEditsEqualToBase();
    Q_EMIT changed();
}

void SettingsModel::replaceConfirmed(const QJsonObject &next, const QJsonObject &expected)
{
    if (m_loaded) {
        for (const FieldSpec &field : FieldTable::fields()) {
            const QString key = field.jsonKey();
            if (m_edits.contains(key) || m_inFlight.contains(key) || expected.contains(key) ||
                m_serverChanged.contains(key))
                continue;
            const QJsonValue now = next.contains(key) ? next.value(key) : field.defaultValue();
            if (now != confirmedValue(key))
                m_serverChanged << key;
        }
    }
    m_confirmed = next;
    m_loaded = true;
    m_loadedAt = QDateTime::currentDateTimeUtc();
}

QJsonObject SettingsModel::beginPatch()
{
    if (isInFlight() || m_edits.isEmpty())
        return {};
    m_inFlight = m_edits;
    m_edits = {};
    return m_inFlight;
}

QStringList SettingsModel::finishPatch(const QJsonObject &serverObject)
{
    const QJsonObject sent = std::exchange(m_inFlight, {});
    QJsonObject next = m_confirmed;
    for (auto it = serverObject.constBegin(); it != serverObject.constEnd(); ++it)
        next.insert(it.key(), it.value());
    replaceConfirmed(next, sent);
    QStringList applied;
    for (const FieldSpec &field : FieldTable::fields()) {
        const QString key = field.jsonKey();
        if (!sent.contains(key))
            continue;
        m_notApplied.removeAll(key);
        if (next.value(key) == sent.value(key)) {
            applied << key;
            continue;
        }
        m_notApplied << key;
        if (!m_edits.contains(key))
            m_edits.insert(key, sent.value(key));
    }
    dropEditsEqualToBase();
    Q_EMIT changed();
    return applied;
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
    if (wasChanged)
        forgetServerNews(key);
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
