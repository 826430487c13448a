#include "api/ResponseParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

ResponseParser::Parsed ResponseParser::parse(const QByteArray &body)
{
    Parsed result;
    if (body.trimmed().isEmpty()) {
        result.json = true;
        result.success = true;
        return result;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return result;
    result.json = true;
    const QJsonObject object = document.object();
    if (document.isObject() && object.contains(QLatin1String("isSuccess")) &&
        object.contains(QLatin1String("data"))) {
        result.wrapped = true;
        result.success = object.value(QLatin1String("isSuccess")).toBool();
        result.data = object.value(QLatin1String("data"));
        const QJsonValue errors = object.value(QLatin1String("errors"));
        if (errors.isArray()) {
            for (const QJsonValue &message : errors.toArray()) {
                if (message.isString() && !message.toString().isEmpty())
                    result.errors << message.toString();
            }
        } else if (errors.isString() && !errors.toString().isEmpty()) {
            result.errors << errors.toString();
        }
        return result;
    }
    result.success = true;
    result.data = document.isObject() ? QJsonValue(object) : QJsonValue(document.array());
    return result;
}
