#include "settings/DraftStore.h"

#include "servers/AppSettings.h"
#include "settings/FieldTable.h"

#include <QJsonDocument>

namespace {
// Keeps only fields of the table with the right type: a draft is never a way to send more.
QJsonObject onlyKnownFields(const QJsonObject &edits)
{
    QJsonObject result;
    for (auto it = edits.constBegin(); it != edits.constEnd(); ++it) {
        const FieldSpec *field = FieldTable::find(it.key());
        if (field && FieldTable::hasValidType(*field, it.value()))
            result.insert(it.key(), it.value());
    }
    return result;
}
} // namespace

QString DraftStore::keyFor(const QString &origin, const QString &subject)
{
    return AppSettings::accountKey(QStringLiteral("drafts"), origin, subject);
}

void DraftStore::save(const QString &origin, const QString &subject, const QJsonObject &edits)
{
    const QJsonObject kept = onlyKnownFields(edits);
    if (kept.isEmpty())
        return clear(origin, subject);
    AppSettings::store(keyFor(origin, subject),
                       QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)));
}

QJsonObject DraftStore::load(const QString &origin, const QString &subject)
{
    const QString text = AppSettings::open()->value(keyFor(origin, subject)).toString();
    return onlyKnownFields(QJsonDocument::fromJson(text.toUtf8()).object());
}

void DraftStore::clear(const QString &origin, const QString &subject)
{
    AppSettings::open()->remove(keyFor(origin, subject));
}
