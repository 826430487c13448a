#pragma once

#include <QSettings>
#include <memory>

// The app's settings file (never a token): organization "Allmine", application = the app id.
class AppSettings
{
public:
    static std::unique_ptr<QSettings> open();
    // "group/<hash>" for something kept per server origin and account: hashed so that QSettings'
    // key syntax never meets a URL, and the file does not list accounts.
    static QString accountKey(const QString &group, const QString &origin, const QString &subject);
};
