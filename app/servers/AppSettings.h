#pragma once

#include <QSettings>
#include <memory>

// The app's settings file (never a token): organization "Allmine", application = the app id.
class AppSettings
{
public:
    static std::unique_ptr<QSettings> open();
};
