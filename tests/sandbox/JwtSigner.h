#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <optional>

// HS256 JSON Web Tokens (RFC 7519) signed with a secret that is random per run.
class JwtSigner
{
public:
    JwtSigner(); // random 32-byte secret
    explicit JwtSigner(const QByteArray &secret);

    void regenerateSecret();

    // header.payload.signature, all base64url without padding.
    QByteArray sign(const QJsonObject &claims) const;

    // The claims if the token is well formed and the signature matches (expiry is NOT checked here).
    std::optional<QJsonObject> verify(const QByteArray &token) const;

    static QByteArray base64Url(const QByteArray &data);
    static std::optional<QByteArray> fromBase64Url(const QByteArray &text);

private:
    QByteArray m_secret;
};
