#include "AllmineApi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

using Lang = Envelope::Language;

namespace {

const QString kSettingsPath = QStringLiteral("/api/v1/user-settings");
const QString kAuth = QStringLiteral("/api/v1/auth/");

Lang langOf(const ApiRequest &req)
{
    return Envelope::languageFromHeader(req.header("x-language"));
}

QString msg(Lang lang, const QString &en, const QString &tr)
{
    return lang == Lang::Turkish ? tr : en;
}

// The body as a JSON object, or a 400 in *error.
std::optional<QJsonObject> jsonObjectBody(const ApiRequest &req, Reply *error)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = Envelope::error(400, langOf(req),
                                 {msg(langOf(req), QStringLiteral("Request body must be a JSON object"),
                                      QStringLiteral("İstek gövdesi bir JSON nesnesi olmalıdır"))});
        return std::nullopt;
    }
    return doc.object();
}

QString requiredMsg(Lang lang, const QString &field)
{
    return msg(lang, QStringLiteral("%1 is required").arg(field), QStringLiteral("%1 gereklidir").arg(field));
}

bool isEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(s).hasMatch();
}

} // namespace

std::optional<AllmineApi::Style> AllmineApi::styleFromString(const QString &s)
{
    if (s == QLatin1String("documented"))
        return Style::Documented;
    if (s == QLatin1String("wrapped"))
        return Style::Wrapped;
    if (s == QLatin1String("bare"))
        return Style::Bare;
    return std::nullopt;
}

AllmineApi::AllmineApi(const Config &config) : m_config(config) {}

QList<QPair<QByteArray, QString>> AllmineApi::endpoints()
{
    return {
        {"GET", kSettingsPath},
        {"PATCH", kSettingsPath},
        {"POST", kAuth + QStringLiteral("send-otp-email")},
        {"POST", kAuth + QStringLiteral("verify-otp-email")},
        {"POST", kAuth + QStringLiteral("send-otp")},
        {"POST", kAuth + QStringLiteral("verify-otp")},
        {"POST", kAuth + QStringLiteral("refresh")},
        {"POST", kAuth + QStringLiteral("revoke-token")},
        {"POST", kAuth + QStringLiteral("logout")},
        {"GET", kAuth + QStringLiteral("validate-token")},
    };
}

void AllmineApi::forgetState()
{
    m_users.clear();
    m_signer.regenerateSecret();
}

bool AllmineApi::wrapped(bool documentedWrapped) const
{
    switch (m_config.style) {
    case Style::Wrapped:
        return true;
    case Style::Bare:
        return false;
    case Style::Documented:
        break;
    }
    return documentedWrapped;
}

Reply AllmineApi::ok(const QJsonValue &data, int status, bool documentedWrapped) const
{
    return Envelope::success(data, status, wrapped(documentedWrapped));
}

Reply AllmineApi::handle(const ApiRequest &req)
{
    const QByteArray &m = req.method;
    const QString &p = req.path;
    // Successful POSTs answer 201 (the NestJS default the guide alludes to); GET/PATCH 200.
    if (p == kSettingsPath && m == "GET")
        return getSettings(req);
    if (p == kSettingsPath && m == "PATCH")
        return patchSettings(req);
    if (p.startsWith(kAuth)) {
        const QString ep = p.mid(kAuth.size());
        if (m == "POST" && ep == QLatin1String("send-otp-email"))
            return sendOtpEmail(req);
        if (m == "POST" && ep == QLatin1String("verify-otp-email"))
            return verifyOtpEmail(req);
        if (m == "POST" && ep == QLatin1String("send-otp"))
            return sendOtpPhone(req);
        if (m == "POST" && ep == QLatin1String("verify-otp"))
            return verifyOtpPhone(req);
        if (m == "POST" && ep == QLatin1String("refresh"))
            return refresh(req);
        if (m == "POST" && ep == QLatin1String("revoke-token"))
            return revokeToken(req);
        if (m == "POST" && ep == QLatin1String("logout"))
            return logout(req);
        if (m == "GET" && ep == QLatin1String("validate-token"))
            return validateToken(req);
    }
    return Envelope::error(404, langOf(req),
                           {QStringLiteral("Cannot %1 %2").arg(QString::fromLatin1(m), req.path)});
}

UserStore::User *AllmineApi::authenticate(const ApiRequest &req)
{
    const QByteArray auth = req.header("authorization").trimmed();
    if (!auth.toLower().startsWith("bearer "))
        return nullptr;
    const QByteArray token = auth.mid(7).trimmed();
    const auto claims = m_signer.verify(token);
    if (!claims)
        return nullptr;
    if (claims->value(QStringLiteral("typ")).toString() != QLatin1String("access"))
        return nullptr;
    const qint64 exp = qint64(claims->value(QStringLiteral("exp")).toDouble(0));
    if (exp <= QDateTime::currentSecsSinceEpoch())
        return nullptr;
    UserStore::User *user = m_users.userById(claims->value(QStringLiteral("sub")).toString());
    if (!user || claims->value(QStringLiteral("gen")).toInt(-1) != user->generation)
        return nullptr;
    return user;
}

QJsonObject AllmineApi::issueTokens(UserStore::User &user, qint64 accessTtl)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{
        {QStringLiteral("sub"), user.id},         {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + accessTtl}, {QStringLiteral("typ"), QStringLiteral("access")},
        {QStringLiteral("gen"), user.generation}, {QStringLiteral("jti"), UserStore::newObjectId()},
    };
    return QJsonObject{
        {QStringLiteral("accessToken"), QString::fromLatin1(m_signer.sign(claims))},
        {QStringLiteral("refreshToken"), m_users.issueRefreshToken(user.id, m_config.refreshTtl)},
        {QStringLiteral("expiresIn"), accessTtl},
        {QStringLiteral("refreshExpiresIn"), m_config.refreshTtl},
        {QStringLiteral("user"), m_users.userJson(user)},
    };
}

QJsonObject AllmineApi::settingsFor(const ApiRequest &req)
{
    if (UserStore::User *u = authenticate(req))
        return *m_users.settings(u->id, true);
    return UserStore::defaultSettings();
}

Reply AllmineApi::getSettings(const ApiRequest &req)
{
    UserStore::User *u = authenticate(req);
    if (!u)
        return Envelope::error(401, langOf(req));
    return ok(*m_users.settings(u->id, true), 200, false);
}

Reply AllmineApi::patchSettings(const ApiRequest &req)
{
    UserStore::User *u = authenticate(req);
    const Lang lang = langOf(req);
    if (!u)
        return Envelope::error(401, lang);

    const QByteArray ct = req.header("content-type").split(';').first().trimmed().toLower();
    if (ct != "application/json")
        return Envelope::error(400, lang,
                               {msg(lang, QStringLiteral("Content-Type must be application/json"),
                                    QStringLiteral("Content-Type application/json olmalıdır"))});
    Reply err;
    const auto body = jsonObjectBody(req, &err);
    if (!body)
        return err;
    if (body->isEmpty())
        return Envelope::error(400, lang,
                               {msg(lang, QStringLiteral("At least one field is required"),
                                    QStringLiteral("En az bir alan gereklidir"))});

    QStringList problems;
    const QStringList &bools = UserStore::booleanFields();
    for (auto it = body->constBegin(); it != body->constEnd(); ++it) {
        const QString &key = it.key();
        if (bools.contains(key)) {
            if (!it.value().isBool())
                problems << msg(lang, QStringLiteral("%1 must be a boolean").arg(key),
                                QStringLiteral("%1 bir boolean (true/false) olmalıdır").arg(key));
        } else if (key == QLatin1String("preferredLanguage")) {
            const QString v = it.value().toString();
            if (!it.value().isString() || (v != QLatin1String("en") && v != QLatin1String("tr")))
                problems << msg(lang, QStringLiteral("preferredLanguage must be one of: en, tr"),
                                QStringLiteral("preferredLanguage şunlardan biri olmalıdır: en, tr"));
        } else {
            problems << msg(lang, QStringLiteral("Unknown field: %1").arg(key),
                            QStringLiteral("Bilinmeyen alan: %1").arg(key));
        }
    }
    if (!problems.isEmpty())
        return Envelope::error(400, lang, problems);

    QJsonObject s = *m_users.settings(u->id, true);
    for (auto it = body->constBegin(); it != body->constEnd(); ++it)
        s.insert(it.key(), it.value());
    // updatedAt strictly increases, even for two PATCHes within the same millisecond.
    QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime prev =
        QDateTime::fromString(s.value(QStringLiteral("updatedAt")).toString(), Qt::ISODateWithMs);
    if (prev.isValid() && now <= prev)
        now = prev.addMSecs(1);
    s.insert(QStringLiteral("updatedAt"), now.toString(Qt::ISODateWithMs));
    m_users.storeSettings(u->id, s);
    return ok(s, 200, false);
}

Reply AllmineApi::sendOtpEmail(const ApiRequest &req)
{
    const Lang lang = langOf(req);
    Reply err;
    const auto body = jsonObjectBody(req, &err);
    if (!body)
        return err;
    const QString email = body->value(QStringLiteral("email")).toString().trimmed();
    if (!isEmail(email))
        return Envelope::error(400, lang,
                               {msg(lang, QStringLiteral("email must be a valid email address"),
                                    QStringLiteral("email geçerli bir e-posta adresi olmalıdır"))});
    // Development behaviour: the code comes back in the body.
    const QString code = m_users.issueCode(UserStore::emailKey(email));
    return ok(QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("code"), code}}, 201, true);
}

Reply AllmineApi::verifyOtpEmail(const ApiRequest &req)
{
    const Lang lang = langOf(req);
    Reply err;
    const auto body = jsonObjectBody(req, &err);
    if (!body)
        return err;
    const QString email = body->value(QStringLiteral("email")).toString().trimmed();
    const QString code = body->value(QStringLiteral("code")).toString();
    if (!isEmail(email) || code.isEmpty())
        return Envelope::error(400, lang, {requiredMsg(lang, QStringLiteral("email, code"))});
    if (!m_users.consumeCode(UserStore::emailKey(email), code))
        return Envelope::error(400, lang,
                               {msg(lang, QStringLiteral("Invalid or expired code"),
                                    QStringLiteral("Geçersiz veya süresi dolmuş kod"))});
    UserStore::User *u = m_users.findOrCreateByEmail(email);
    return ok(issueTokens(*u, m_config.tokenTtl), 200, true); // the docs show statusCode 200 here
}

Reply AllmineApi::sendOtpPhone(const ApiRequest &req)
{
    const Lang lang = langOf(req);
    Reply err;
    const auto body = jsonObjectBody(req, &err);
    if (!body)
        return err;
    static const QRegularExpression ccRe(QStringLiteral("^\\+?\\d{1,4}$"));
    static const QRegularExpression phoneRe(QStringLiteral("^\\d{4,15}$"));
    const QString cc = body->value(QStringLiteral("countryCode")).toString();
    const QString phone = body->value(QStringLiteral("phoneNumber")).toString();
    if (!ccRe.match(cc).hasMatch() || !phoneRe.match(phone).hasMatch())
        return Envelope::error(400, lang,
                               {msg(lang, QStringLiteral("countryCode and phoneNumber must be digits"),
                                    QStringLiteral("countryCode ve phoneNumber rakamlardan oluşmalıdır"))});
    const QString code = m_users.issueCode(UserStore::phoneKey(cc, phone));
    // Echoed with its "+", as the docs show ("90" in, "+90" out).
    const QString shownCc = cc.startsWith(QLatin1Char('+')) ? cc : QLatin1Char('+') + cc;
    return ok(QJsonObject{{QStringLiteral("countryCode"), shownCc},
                          {QStringLiteral("phoneNumber"), phone},
                          {QStringLiteral("code"), code}},
              201, false);
}

Reply AllmineApi::verifyOtpPhone(const ApiRequest &req)
{
    const Lang lang = langOf(req);
    Reply err;
    const auto body = jsonObjectBody(req, &err);
    if (!body)
        return err;
    const QString cc = body->value(QStringLiteral("countryCode")).toString();
    const QString phone = body->value(QStringLiteral("phoneNumber")).toString();
    const QString code = body->value(QStringLiteral("code")).toString();
    if (cc.isEmpty() || phone.isEmpty() || code.isEmpty())
        return Envelope::error(400, lang,
                               {requiredMsg(lang, QStringLiteral("countryCode, phoneNumber, code"))});
    for (const char *opt : {"signupSource", "signupCampaign"}) {
        const QJsonValue v = body->value(QLatin1String(opt));
        if (!v.isUndefined() && !v.isString() && !v.isNull())
            return Envelope::error(400, lang,
                                   {msg(lang, QStringLiteral("%1 must be a string").arg(QLatin1String(opt)),
                                        QStringLiteral("%1 bir metin olmalıdır").arg(QLatin1String(opt)))});
    }
    if (!m_users.consumeCode(UserStore::phoneKey(cc, phone), code))
        return Envelope::error(400, lang,
                               {msg(lang, QStringLiteral("Invalid or expired code"),
                                    QStringLiteral("Geçersiz veya süresi dolmuş kod"))});
    UserStore::User *u = m_users.findOrCreateByPhone(cc, phone);
    return ok(issueTokens(*u, m_config.tokenTtl), 201, false);
}

Reply AllmineApi::refresh(const ApiRequest &req)
{
    const Lang lang = langOf(req);
    Reply err;
    const auto body = jsonObjectBody(req, &err);
    if (!body)
        return err;
    const QString token = body->value(QStringLiteral("refreshToken")).toString();
    if (token.isEmpty())
        return Envelope::error(400, lang, {requiredMsg(lang, QStringLiteral("refreshToken"))});
    // Rotation: the presented token is consumed whatever happens next.
    const auto userId = m_users.takeRefreshToken(token);
    UserStore::User *u = userId ? m_users.userById(*userId) : nullptr;
    // A refused token gets the refresh error the docs list with an empty body.
    if (!u)
        return Reply{401, {}, {}, {}};
    QJsonObject set = issueTokens(*u, m_config.tokenTtl);
    set.remove(QStringLiteral("user"));
    return ok(set, 201, false);
}

Reply AllmineApi::revokeToken(const ApiRequest &req)
{
    const Lang lang = langOf(req);
    UserStore::User *u = authenticate(req);
    if (!u)
        return Envelope::error(401, lang);
    Reply err;
    const auto body = jsonObjectBody(req, &err);
    if (!body)
        return err;
    const QString token = body->value(QStringLiteral("refreshToken")).toString();
    if (token.isEmpty())
        return Envelope::error(400, lang, {requiredMsg(lang, QStringLiteral("refreshToken"))});
    // Idempotent: an unknown token, or another user's, is simply not revoked.
    const bool revoked = m_users.revokeRefreshToken(token, u->id);
    return ok(QJsonObject{{QStringLiteral("revoked"), revoked}}, 201, true);
}

Reply AllmineApi::logout(const ApiRequest &req)
{
    UserStore::User *u = authenticate(req);
    if (!u)
        return Envelope::error(401, langOf(req));
    m_users.endAllSessions(u->id);
    return ok(QJsonObject{{QStringLiteral("loggedOut"), true}}, 201, true);
}

Reply AllmineApi::validateToken(const ApiRequest &req)
{
    UserStore::User *u = authenticate(req);
    if (!u)
        return Envelope::error(401, langOf(req));
    return ok(QJsonObject{{QStringLiteral("valid"), true}, {QStringLiteral("user"), m_users.userJson(*u)}},
              200, true);
}
