#include "JwtSigner.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

JwtSigner::JwtSigner()
{
    regenerateSecret();
}

JwtSigner::JwtSigner(const QByteArray &secret) : m_secret(secret) {}

void JwtSigner::regenerateSecret()
{
    QByteArray s(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(s.data()), s.size() / 4);
    m_secret = s;
}

QByteArray JwtSigner::base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> JwtSigner::fromBase64Url(const QByteArray &text)
{
    auto r = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return std::nullopt;
    return r.decoded;
}

QByteArray JwtSigner::sign(const QJsonObject &claims) const
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                    base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray mac =
        QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
    return signingInput + '.' + base64Url(mac);
}

std::optional<QJsonObject> JwtSigner::verify(const QByteArray &token) const
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto header = fromBase64Url(parts[0]);
    const auto payload = fromBase64Url(parts[1]);
    const auto signature = fromBase64Url(parts[2]);
    if (!header || !payload || !signature)
        return std::nullopt;
    const QJsonObject h = QJsonDocument::fromJson(*header).object();
    if (h.value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return std::nullopt;
    const QByteArray expected =
        QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1], m_secret, QCryptographicHash::Sha256);
    // Constant-time comparison.
    if (expected.size() != signature->size())
        return std::nullopt;
    unsigned char diff = 0;
    for (int i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ signature->at(i));
    if (diff != 0)
        return std::nullopt;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(*payload, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}
