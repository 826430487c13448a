#include "servers/AppSettings.h"

#include <QCryptographicHash>

std::unique_ptr<QSettings> AppSettings::open()
{
    return std::make_unique<QSettings>(QStringLiteral("Allmine"), QStringLiteral(ALLMINE_APP_ID));
}

void AppSettings::store(const QString &key, const QVariant &value)
{
    const auto settings = open();
    if (settings->value(key) != value)
        settings->setValue(key, value);
}

QString AppSettings::accountKey(const QString &group, const QString &origin, const QString &subject)
{
    const QByteArray id =
        QCryptographicHash::hash((origin + QLatin1Char('\n') + subject).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(32);
    return group + QLatin1Char('/') + QString::fromLatin1(id);
}
