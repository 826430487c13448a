#include "Envelope.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

Envelope::Language Envelope::languageFromHeader(const QByteArray &xLanguage)
{
    return xLanguage.trimmed().toLower().startsWith("tr") ? Language::Turkish : Language::English;
}

QString Envelope::isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString Envelope::statusText(int status, Language lang)
{
    const bool tr = lang == Language::Turkish;
    switch (status) {
    case 400:
        return tr ? QStringLiteral("Doğrulama başarısız") : QStringLiteral("Validation failed");
    case 401:
        return tr ? QStringLiteral("Kimlik doğrulaması gerekli") : QStringLiteral("Authentication required");
    case 403:
        return tr ? QStringLiteral("Yetersiz izinler") : QStringLiteral("Insufficient permissions");
    case 404:
        return tr ? QStringLiteral("Kaynak bulunamadı") : QStringLiteral("Resource not found");
    case 409:
        return tr ? QStringLiteral("Kaynak zaten mevcut veya mevcut durumunda değiştirilemez")
                  : QStringLiteral("Resource already exists or cannot be changed in its current state");
    case 429:
        return tr ? QStringLiteral("Çok fazla istek") : QStringLiteral("Too many requests");
    case 500:
        return tr ? QStringLiteral("Sunucu hatası") : QStringLiteral("Internal server error");
    case 502:
        return tr ? QStringLiteral("Ağ geçidi hatası") : QStringLiteral("Bad gateway");
    case 503:
        return tr ? QStringLiteral("Hizmet kullanılamıyor") : QStringLiteral("Service unavailable");
    case 504:
        return tr ? QStringLiteral("Ağ geçidi zaman aşımı") : QStringLiteral("Gateway timeout");
    default:
        if (status >= 500)
            return tr ? QStringLiteral("Sunucu hatası") : QStringLiteral("Internal server error");
        return tr ? QStringLiteral("İstek başarısız") : QStringLiteral("Request failed");
    }
}

QByteArray Envelope::toJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    // Scalars: wrap in an array and strip the brackets.
    QByteArray a = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

Reply Envelope::success(const QJsonValue &data, int status, bool wrapped)
{
    Reply r;
    r.status = status;
    if (wrapped) {
        const QJsonObject o{{QStringLiteral("isSuccess"), true},
                            {QStringLiteral("statusCode"), status},
                            {QStringLiteral("data"), data},
                            {QStringLiteral("errors"), QJsonArray()},
                            {QStringLiteral("timestamp"), isoNow()}};
        r.body = toJson(o);
    } else {
        r.body = toJson(data);
    }
    return r;
}

Reply Envelope::error(int status, Language lang, const QStringList &details)
{
    QJsonArray errors{statusText(status, lang)};
    for (const QString &d : details)
        errors.append(d);
    return errorWithMessages(status, errors);
}

Reply Envelope::errorWithMessages(int status, const QJsonArray &errors)
{
    Reply r;
    r.status = status;
    const QJsonObject o{{QStringLiteral("isSuccess"), false},
                        {QStringLiteral("statusCode"), status},
                        {QStringLiteral("data"), QJsonValue::Null},
                        {QStringLiteral("errors"), errors},
                        {QStringLiteral("timestamp"), isoNow()}};
    r.body = toJson(o);
    return r;
}
