#include "settings/SettingsFile.h"

#include "api/ServerText.h"
#include "settings/FieldTable.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace {
// A JSON value as it stands in the file, safe to print.
QString literal(const QJsonValue &value)
{
    const QString text = FieldTable::plain(value);
    return value.isString() ? QStringLiteral("\"%1\"").arg(text) : text;
}

// Where the JSON breaks, as an editor shows it: line and column, not a byte offset.
QString notJson(const QByteArray &bytes, const QJsonParseError &error, const QString &name)
{
    const QByteArray before = bytes.left(error.offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size() + 1;
    return SettingsFile::tr("%1 is not valid JSON: %2 at line %3, column %4. A settings file looks like "
                            "{\"notifications\": false, \"preferredLanguage\": \"en\"}.")
        .arg(name, error.errorString())
        .arg(line)
        .arg(column);
}

SettingsFile::Result failure(const QString &error)
{
    SettingsFile::Result result;
    result.error = error;
    return result;
}
} // namespace

QJsonObject SettingsFile::fieldsOf(const QJsonObject &settings)
{
    QJsonObject fields;
    for (const FieldSpec &field : FieldTable::fields())
        fields.insert(field.jsonKey(), settings.value(field.jsonKey()).isUndefined()
                                           ? field.defaultValue()
                                           : settings.value(field.jsonKey()));
    return fields;
}

QByteArray SettingsFile::toJson(const QJsonObject &settings)
{
    return QJsonDocument(fieldsOf(settings)).toJson(QJsonDocument::Indented);
}

QStringList SettingsFile::differingKeys(const QJsonObject &a, const QJsonObject &b)
{
    const QJsonObject fieldsA = fieldsOf(a);
    const QJsonObject fieldsB = fieldsOf(b);
    QStringList keys;
    for (const FieldSpec &field : FieldTable::fields()) {
        if (fieldsA.value(field.jsonKey()) != fieldsB.value(field.jsonKey()))
            keys << field.jsonKey();
    }
    return keys;
}

SettingsFile::Result SettingsFile::read(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failure(tr("%1 does not exist.").arg(path));
    if (!info.isFile())
        return failure(tr("%1 is not a file.").arg(path));
    if (info.size() > kMaxBytes)
        return failure(
            tr("%1 is over %2 KiB, too large for a settings file.").arg(path).arg(kMaxBytes / 1024));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("%1 cannot be read: %2").arg(path, file.errorString()));
    return read(&file, path);
}

SettingsFile::Result SettingsFile::read(QIODevice *device, const QString &name)
{
    // One byte more than allowed tells a file at the limit from a larger one. A pipe gives what
    // it has so far on each read: read until its end.
    QByteArray bytes;
    while (bytes.size() <= kMaxBytes) {
        const QByteArray chunk = device->read(kMaxBytes + 1 - bytes.size());
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.size() > kMaxBytes)
        return failure(
            tr("%1 is over %2 KiB, too large for a settings file.").arg(name).arg(kMaxBytes / 1024));
    return parse(bytes, name);
}

SettingsFile::Result SettingsFile::parse(const QByteArray &bytes, const QString &name)
{
    if (bytes.trimmed().isEmpty())
        return failure(tr("%1 is empty.").arg(name));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(notJson(bytes, parseError, name));
    if (!document.isObject())
        return failure(tr("%1 holds no JSON object; a settings file is {\"field\": value, …}.").arg(name));
    const QJsonObject object = document.object();
    if (object.isEmpty())
        return failure(tr("%1 names no setting.").arg(name));

    QStringList problems;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const FieldSpec *field = FieldTable::find(it.key());
        const QString key = ServerText::line(it.key());
        if (!field)
            problems << tr("%1: not a settings field").arg(key) + FieldTable::suggestionHint(key);
        else if (!FieldTable::hasValidType(*field, it.value()))
            problems << (field->type == FieldType::Bool
                             ? tr("%1: true or false, not %2").arg(key, literal(it.value()))
                             : tr("%1: a language code, not %2").arg(key, literal(it.value())));
        else if (field->type == FieldType::Language && !FieldTable::isKnownLanguage(it.value().toString()))
            problems << tr("%1: %2 is not a language this app knows (%3)")
                            .arg(key, literal(it.value()),
                                 FieldTable::languageCodes().join(QStringLiteral(", ")));
    }
    if (!problems.isEmpty())
        return failure(tr("%1 cannot be used, because of these entries:").arg(name) + QStringLiteral("\n  ") +
                       problems.join(QStringLiteral("\n  ")));
    Result result;
    result.values = object;
    return result;
}
