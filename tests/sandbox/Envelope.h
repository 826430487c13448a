#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// One HTTP answer, built by the API logic and written to the socket by SandboxServer.
struct Reply
{
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers (Location, Retry-After, ...)
};

// The Allmine response shapes: the {isSuccess, statusCode, data, errors, timestamp} wrapper,
// bare payloads, and the error envelope with English or Turkish texts.
class Envelope
{
public:
    enum class Language
    {
        English,
        Turkish
    };

    // "tr", "tr-TR", "TR" -> Turkish; anything else -> English.
    static Language languageFromHeader(const QByteArray &xLanguage);

    // ISO-8601 UTC with milliseconds and a Z, e.g. 2024-05-01T12:00:00.000Z.
    static QString isoNow();

    // The generic text for a status (the table of the API page), in the given language.
    static QString statusText(int status, Language lang);

    // Success: wrapped as the guide describes, or the payload alone.
    static Reply success(const QJsonValue &data, int status, bool wrapped);

    // Error envelope: errors[0] is the generic status text, then the specific details.
    static Reply error(int status, Language lang, const QStringList &details = {});

    // Error envelope with exactly these messages (used by the `status` fault).
    static Reply errorWithMessages(int status, const QJsonArray &errors);

    // Compact JSON serialisation of an object or array value.
    static QByteArray toJson(const QJsonValue &value);
};
