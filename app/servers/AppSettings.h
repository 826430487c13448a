#pragma once

#include <QSettings>
#include <memory>

// The app's settings file (never a token): organization "Allmine", application = the app id.
class AppSettings
{
public:
    static std::unique_ptr<QSettings> open();
    // Writes `value` under `key` unless it is already there: QSettings rewrites the whole file
    // (a new file, a lock file, a rename) on any setValue, even of the same value.
    static void store(const QString &key, const QVariant &value);
    // "group/<hash>" for something kept per server origin and account: hashed so that QSettings'
    // key syntax never meets a URL, and the file does not list accounts.
    static QString accountKey(const QString &group, const QString &origin, const QString &subject);
};
