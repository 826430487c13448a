#include "servers/AppSettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
}

AppSettings::Handle AppSettings::open()
{
    return Handle(new QSettings(QStringLiteral("Allmine"), QStringLiteral(ALLMINE_APP_ID)));
}

void AppSettings::Closer::operator()(QSettings *settings) const
{
    sync(*settings);
    delete settings;
}

void AppSettings::sync(QSettings &settings)
{
    const QString path = settings.fileName();
    if (!QFileInfo::exists(path)) {
        if (settings.allKeys().isEmpty())
            return; // nothing to write: no empty file either
        // QSettings writes through QSaveFile, which keeps an existing file's permissions: so the
        // file is owner-only from its first byte.
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly);
    }
    settings.sync();
    if (QFileInfo::exists(path)) // also a file made by an older version, or by hand
        QFile::setPermissions(path, kOwnerOnly);
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
