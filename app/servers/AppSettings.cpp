#include "servers/AppSettings.h"

std::unique_ptr<QSettings> AppSettings::open()
{
    return std::make_unique<QSettings>(QStringLiteral("Allmine"), QStringLiteral(ALLMINE_APP_ID));
}
