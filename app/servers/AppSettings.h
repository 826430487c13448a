#pragma once

#include <QSettings>
#include <memory>

// The app's settings file (never a token): organization "Allmine", application = the app id.
// It names servers and holds hashes of accounts, so it is readable by its owner only (0600),
// however it is written.
class AppSettings
{
public:
    // Writes what changed, for the owner only, when the handle goes.
    struct Closer
    {
        void operator()(QSettings *settings) const;
    };
    using Handle = std::unique_ptr<QSettings, Closer>;

    static Handle open();
    // Writes what changed now: a new file is created for its owner only before anything is
    // written into it, and an existing one is made so again.
    static void sync(QSettings &settings);
    // Writes `value` under `key` unless it is already there: QSettings rewrites the whole file
    // (a new file, a lock file, a rename) on any setValue, even of the same value.
    static void store(const QString &key, const QVariant &value);
    // "group/<hash>" for something kept per server origin and account: hashed so that QSettings'
    // key syntax never meets a URL, and the file does not list accounts.
    static QString accountKey(const QString &group, const QString &origin, const QString &subject);
};
