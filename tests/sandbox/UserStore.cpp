#include "UserStore.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

#include "Envelope.h"

namespace {
QString randomHex(int bytes)
{
    QByteArray b(bytes, Qt::Uninitialized);
    for (char &c : b)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(b.toHex());
}
} // namespace

const QStringList &UserStore::booleanFields()
{
    static const QStringList fields{
        QStringLiteral("notifications"),          QStringLiteral("liveStreamNotifications"),
        QStringLiteral("paymentNotifications"),   QStringLiteral("followNotifications"),
        QStringLiteral("messageNotifications"),   QStringLiteral("followingActivityNotifications"),
        QStringLiteral("totalMinutesVisibility"), QStringLiteral("totalFundVisibility"),
    };
    return fields;
}

QStringList UserStore::settingsFields()
{
    return booleanFields() + QStringList{QStringLiteral("preferredLanguage")};
}

QString UserStore::newObjectId()
{
    return randomHex(12);
}

QString UserStore::emailKey(const QString &email)
{
    return QStringLiteral("email:") + email.trimmed().toLower();
}

QString UserStore::phoneKey(const QString &countryCode, const QString &phoneNumber)
{
    QString cc = countryCode.trimmed();
    if (cc.startsWith(QLatin1Char('+')))
        cc.remove(0, 1);
    return QStringLiteral("phone:+") + cc + QLatin1Char(' ') + phoneNumber.trimmed();
}

static bool parsePhoneSpec(const QString &spec, QString *cc, QString *phone)
{
    static const QRegularExpression re(QStringLiteral("^\\+?(\\d{1,4})[ :-](\\d{4,15})$"));
    const auto m = re.match(spec.trimmed());
    if (!m.hasMatch())
        return false;
    *cc = m.captured(1);
    *phone = m.captured(2);
    return true;
}

UserStore::User *UserStore::find(const QString &userSpec)
{
    QString key;
    QString cc, phone;
    if (userSpec.contains(QLatin1Char('@')))
        key = emailKey(userSpec);
    else if (parsePhoneSpec(userSpec, &cc, &phone))
        key = phoneKey(cc, phone);
    else
        return userById(userSpec);
    const auto it = m_keyToId.constFind(key);
    return it == m_keyToId.constEnd() ? nullptr : userById(*it);
}

UserStore::User *UserStore::findOrCreate(const QString &userSpec)
{
    if (userSpec.contains(QLatin1Char('@')))
        return findOrCreateByEmail(userSpec);
    QString cc, phone;
    if (parsePhoneSpec(userSpec, &cc, &phone))
        return findOrCreateByPhone(cc, phone);
    return nullptr;
}

UserStore::User *UserStore::findOrCreateByEmail(const QString &email)
{
    const QString key = emailKey(email);
    if (const auto it = m_keyToId.constFind(key); it != m_keyToId.constEnd())
        return userById(*it);
    User u;
    u.id = newObjectId();
    u.email = email.trimmed().toLower();
    m_keyToId.insert(key, u.id);
    return &m_users.insert_or_assign(u.id, u).first->second;
}

UserStore::User *UserStore::findOrCreateByPhone(const QString &countryCode, const QString &phoneNumber)
{
    const QString key = phoneKey(countryCode, phoneNumber);
    if (const auto it = m_keyToId.constFind(key); it != m_keyToId.constEnd())
        return userById(*it);
    User u;
    u.id = newObjectId();
    u.countryCode = countryCode.trimmed();
    if (u.countryCode.startsWith(QLatin1Char('+')))
        u.countryCode.remove(0, 1);
    u.phoneNumber = phoneNumber.trimmed();
    m_keyToId.insert(key, u.id);
    return &m_users.insert_or_assign(u.id, u).first->second;
}

UserStore::User *UserStore::userById(const QString &id)
{
    const auto it = m_users.find(id);
    return it == m_users.end() ? nullptr : &it->second;
}

QJsonObject UserStore::userJson(const User &u) const
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject{
        {QStringLiteral("_id"), u.id},
        {QStringLiteral("email"), orNull(u.email)},
        {QStringLiteral("phoneNumber"), orNull(u.phoneNumber)},
        {QStringLiteral("countryCode"), orNull(u.countryCode)},
        {QStringLiteral("username"), QJsonValue::Null},
        {QStringLiteral("name"), QJsonValue::Null},
        {QStringLiteral("surname"), QJsonValue::Null},
        {QStringLiteral("isRegistrationComplete"), false},
        {QStringLiteral("roles"), QJsonArray{QStringLiteral("user")}},
    };
}

QJsonObject UserStore::defaultSettings()
{
    QJsonObject o;
    for (const QString &f : booleanFields())
        o.insert(f, true);
    o.insert(QStringLiteral("preferredLanguage"), QStringLiteral("en"));
    o.insert(QStringLiteral("_id"), newObjectId());
    const QString now = Envelope::isoNow();
    o.insert(QStringLiteral("createdAt"), now);
    o.insert(QStringLiteral("updatedAt"), now);
    return o;
}

std::optional<QJsonObject> UserStore::settings(const QString &userId, bool create)
{
    if (const auto it = m_settings.constFind(userId); it != m_settings.constEnd())
        return *it;
    if (!create)
        return std::nullopt;
    const QJsonObject o = defaultSettings();
    m_settings.insert(userId, o);
    return o;
}

void UserStore::storeSettings(const QString &userId, const QJsonObject &settings)
{
    m_settings.insert(userId, settings);
}

QString UserStore::issueCode(const QString &key)
{
    const QString code =
        QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(10000), 4, 10, QLatin1Char('0'));
    m_codes.insert(key, code);
    return code;
}

bool UserStore::consumeCode(const QString &key, const QString &code)
{
    const auto it = m_codes.find(key);
    if (it == m_codes.end() || code.isEmpty() || *it != code)
        return false;
    m_codes.erase(it);
    return true;
}

QString UserStore::issueRefreshToken(const QString &userId, qint64 ttlSeconds)
{
    const QString token = randomHex(32);
    m_refresh.insert(token, Refresh{userId, QDateTime::currentDateTimeUtc().addSecs(ttlSeconds)});
    return token;
}

std::optional<QString> UserStore::takeRefreshToken(const QString &token)
{
    const auto it = m_refresh.find(token);
    if (it == m_refresh.end()) {
        if (m_spent.contains(token))
            ++m_spentReuses;
        return std::nullopt;
    }
    const Refresh r = it.value();
    m_refresh.erase(it);
    m_spent.insert(token);
    if (r.expires <= QDateTime::currentDateTimeUtc() || m_users.find(r.userId) == m_users.end())
        return std::nullopt;
    return r.userId;
}

bool UserStore::revokeRefreshToken(const QString &token, const QString &userId)
{
    const auto it = m_refresh.find(token);
    if (it == m_refresh.end() || it->userId != userId)
        return false;
    m_refresh.erase(it);
    return true;
}

void UserStore::endAllSessions(const QString &userId)
{
    for (auto it = m_refresh.begin(); it != m_refresh.end();) {
        if (it->userId == userId)
            it = m_refresh.erase(it);
        else
            ++it;
    }
    if (User *u = userById(userId))
        ++u->generation;
}

void UserStore::clear()
{
    m_users.clear();
    m_keyToId.clear();
    m_settings.clear();
    m_codes.clear();
    m_refresh.clear();
    m_spent.clear();
    m_spentReuses = 0;
}
