#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

#include "ApiRequest.h"
#include "Envelope.h"
#include "JwtSigner.h"
#include "UserStore.h"

// The Allmine API as allmine-api.md describes it: user settings, one-time-code sign-in,
// refresh with rotation, revoke, logout, validate. Pure request -> Reply logic, no sockets.
class AllmineApi
{
public:
    enum class Style
    {
        Documented, // as the reference shows: settings, refresh, send-otp, verify-otp bare; others wrapped
        Wrapped,    // every success wrapped
        Bare,       // every success bare
    };
    static std::optional<Style> styleFromString(const QString &s);

    struct Config
    {
        Style style = Style::Documented;
        qint64 tokenTtl = 3600;
        qint64 refreshTtl = 2592000;
    };

    explicit AllmineApi(const Config &config);

    // (method, path) of every endpoint, for the server's routing table.
    static QList<QPair<QByteArray, QString>> endpoints();

    Reply handle(const ApiRequest &req);

    // {accessToken, refreshToken, expiresIn, refreshExpiresIn, user}; accessTtl may be <= 0.
    QJsonObject issueTokens(UserStore::User &user, qint64 accessTtl);

    // The settings of the request's authenticated user, or a fresh default object.
    QJsonObject settingsFor(const ApiRequest &req);

    UserStore &users() { return m_users; }
    void forgetState(); // users, codes, tokens; also a new signing secret

private:
    UserStore::User *authenticate(const ApiRequest &req);
    bool wrapped(bool documentedWrapped) const;
    Reply ok(const QJsonValue &data, int status, bool documentedWrapped) const;

    Reply getSettings(const ApiRequest &req);
    Reply patchSettings(const ApiRequest &req);
    Reply sendOtpEmail(const ApiRequest &req);
    Reply verifyOtpEmail(const ApiRequest &req);
    Reply sendOtpPhone(const ApiRequest &req);
    Reply verifyOtpPhone(const ApiRequest &req);
    Reply refresh(const ApiRequest &req);
    Reply revokeToken(const ApiRequest &req);
    Reply logout(const ApiRequest &req);
    Reply validateToken(const ApiRequest &req);

    Config m_config;
    JwtSigner m_signer;
    UserStore m_users;
};
