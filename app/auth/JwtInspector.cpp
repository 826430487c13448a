#include "auth/JwtInspector.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace {

// 9999-12-31T23:59:59Z: the last second QDateTime and every JWT library can agree on.
constexpr double MaxNumericDate = 253402300799.0;

bool isBase64UrlChar(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
}

// Decodes one base64url part (padding optional). Returns false with a reason on bad input.
bool decodePart(const QString &part, QByteArray *out)
{
    int end = part.size();
    while (end > 0 && part.at(end - 1) == QLatin1Char('='))
        --end;
    if (part.size() - end > 2)
        return false;
    for (int i = 0; i < end; ++i) {
        if (!isBase64UrlChar(part.at(i)))
            return false;
    }
    if (end % 4 == 1) // no base64 text has this length
        return false;
    const QByteArray text = part.left(end).toLatin1();
    const auto result = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                                 QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = result.decoded;
    return true;
}

bool decodeJsonObject(const QByteArray &bytes, QJsonObject *out)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

JwtInfo invalid(const QString &why)
{
    JwtInfo info;
    info.valid = false;
    info.error = why;
    return info;
}

} // namespace

QString JwtInspector::normalize(const QString &pasted)
{
    QString s = pasted.trimmed();
    // A whole header copied from a browser's network tab or a curl command line.
    static const QString header = QStringLiteral("Authorization:");
    if (s.startsWith(header, Qt::CaseInsensitive))
        s = s.mid(header.size()).trimmed();
    static const QString bearer = QStringLiteral("Bearer");
    if (s.size() > bearer.size() && s.startsWith(bearer, Qt::CaseInsensitive) &&
        s.at(bearer.size()).isSpace())
        s = s.mid(bearer.size()).trimmed();
    return s;
}

JwtInfo JwtInspector::inspect(const QString &token)
{
    if (token.isEmpty())
        return invalid(tr("The token is empty."));
    if (token.size() > MaxTokenLength)
        return invalid(tr("The token is too long (over %1 KiB); a sign-in token is much shorter. "
                          "Check that you copied only the token.")
                           .arg(MaxTokenLength / 1024));
    for (const QChar c : token) {
        if (c.isSpace())
            return invalid(tr("The token contains spaces or line breaks. Copy it again as one piece."));
    }

    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return invalid(
            tr("A token has three parts separated by dots; this one has %n part(s).", "", int(parts.size())));
    if (parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return invalid(tr("The token's header or payload part is empty."));

    QByteArray headerBytes, payloadBytes, signatureBytes;
    if (!decodePart(parts.at(0), &headerBytes))
        return invalid(tr("The token's header is not valid base64url text."));
    if (!decodePart(parts.at(1), &payloadBytes))
        return invalid(tr("The token's payload is not valid base64url text."));
    if (!decodePart(parts.at(2), &signatureBytes))
        return invalid(tr("The token's signature is not valid base64url text."));

    QJsonObject header, payload;
    if (!decodeJsonObject(headerBytes, &header))
        return invalid(tr("The token's header is not a JSON object."));
    if (!decodeJsonObject(payloadBytes, &payload))
        return invalid(tr("The token's payload is not a JSON object."));

    JwtInfo info;
    info.payload = payload;

    const QJsonValue sub = payload.value(QLatin1String("sub"));
    if (sub.isString()) {
        info.subject = sub.toString();
    } else if (sub.isDouble()) {
        const double d = sub.toDouble();
        if (std::isfinite(d) && std::abs(d) < 1e15 && d == std::floor(d))
            info.subject = QString::number(qint64(d));
    }

    const QJsonValue exp = payload.value(QLatin1String("exp"));
    if (!exp.isUndefined() && !exp.isNull()) {
        const double seconds = exp.isDouble() ? exp.toDouble() : -1.0;
        if (!exp.isDouble() || !std::isfinite(seconds) || seconds < 0 || seconds > MaxNumericDate)
            return invalid(tr("The token's expiry (\"exp\") is not a valid date."));
        info.expiry = QDateTime::fromMSecsSinceEpoch(qint64(std::floor(seconds * 1000.0)), Qt::UTC);
    }

    info.valid = true;
    return info;
}
