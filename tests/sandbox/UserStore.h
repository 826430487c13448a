#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>

// In-memory state of the stand-in: users (keyed by email or by country code + phone number),
// their settings objects, pending one-time codes, refresh tokens and per-user token generations.
class UserStore
{
public:
    struct User
    {
        QString id; // 24-hex ObjectId
        QString email;
        QString countryCode;
        QString phoneNumber;
        int generation = 0; // bumped by logout: access tokens carrying an older one are dead
    };

    // The 9 documented settings fields.
    static const QStringList &booleanFields();
    static QStringList settingsFields(); // booleans + preferredLanguage

    static QString newObjectId();
    static QString emailKey(const QString &email);
    static QString phoneKey(const QString &countryCode, const QString &phoneNumber);

    // A control-API user string: an email ("qa@example.com") or a phone ("+90 5551234567",
    // "90:5551234567"). Returns the user, created if new; nullptr if the string is neither.
    User *findOrCreate(const QString &userSpec);
    User *findOrCreateByEmail(const QString &email);
    User *findOrCreateByPhone(const QString &countryCode, const QString &phoneNumber);
    User *userById(const QString &id);
    User *find(const QString &userSpec); // no creation

    QJsonObject userJson(const User &u) const;

    // Settings: created with defaults on first access when `create` is true.
    std::optional<QJsonObject> settings(const QString &userId, bool create);
    void storeSettings(const QString &userId, const QJsonObject &settings);
    static QJsonObject defaultSettings();

    // One-time codes, keyed by emailKey()/phoneKey(). Codes are single-use.
    QString issueCode(const QString &key);
    bool consumeCode(const QString &key, const QString &code);

    // Refresh tokens (opaque). take() removes the token (rotation) and returns its user id; a
    // token already spent by an earlier take() is refused like an unknown one, and counted.
    QString issueRefreshToken(const QString &userId, qint64 ttlSeconds);
    std::optional<QString> takeRefreshToken(const QString &token);
    int spentRefreshReuses() const { return m_spentReuses; }
    bool revokeRefreshToken(const QString &token, const QString &userId);
    void endAllSessions(const QString &userId); // refresh tokens gone, generation bumped

    void clear();

private:
    std::map<QString, User> m_users;        // id -> user (std::map: stable addresses)
    QHash<QString, QString> m_keyToId;      // emailKey/phoneKey -> id
    QHash<QString, QJsonObject> m_settings; // user id -> stored object
    QHash<QString, QString> m_codes;        // key -> code
    struct Refresh
    {
        QString userId;
        QDateTime expires;
    };
    QHash<QString, Refresh> m_refresh;
    QSet<QString> m_spent; // refresh tokens consumed by a refresh
    int m_spentReuses = 0;
};
