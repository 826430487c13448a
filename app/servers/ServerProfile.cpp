#include "servers/ServerProfile.h"

#include "servers/ServerLocation.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>

QString ServerProfile::title() const
{
    if (name == QLatin1String("dev"))
        return QCoreApplication::translate("ServerProfile", "Development");
    if (name == QLatin1String("prod"))
        return QCoreApplication::translate("ServerProfile", "Production");
    return name;
}

QString ServerProfile::origin() const
{
    return originOf(baseUrl);
}

QUrl ServerProfile::endpoint(const QString &path) const
{
    QUrl url = baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

QString ServerProfile::caFileFor(const QUrl &url) const
{
    if (caFile.isEmpty())
        return {};
    return originOf(url) == (caOrigin.isEmpty() ? origin() : caOrigin) ? caFile : QString();
}

QString ServerProfile::originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (!url.isValid() || host.isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return {};
    if (host.contains(QLatin1Char(':'))) // an IPv6 literal keeps its brackets
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(url.port(defaultPort));
}

bool ServerProfile::isLoopbackHost(const QString &host)
{
    return ServerLocation::isLoopback(host);
}

QString ServerProfile::checkBaseUrl(const QUrl &url, const QString &typed)
{
    const QString scheme = url.scheme().toLower();
    if (url.isEmpty())
        return QCoreApplication::translate("ServerProfile",
                                           "No server address given. Use https://host[:port].");
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return QCoreApplication::translate("ServerProfile",
                                           "\"%1\" is not a server address. Use https://host[:port].")
            .arg(typed.isNull() ? url.toString() : typed);
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return QCoreApplication::translate("ServerProfile",
                                           "Plain http:// is only allowed for this computer (localhost). "
                                           "Use https://%1 so your sign-in stays private.")
            .arg(url.authority());
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate(
            "ServerProfile", "A server address may not carry a user name, a query or a fragment.");
    return {};
}

QString ServerProfile::checkCaFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QCoreApplication::translate("ServerProfile", "The CA certificate file %1 does not exist.")
            .arg(path);
    if (!info.isFile())
        return QCoreApplication::translate("ServerProfile", "The CA certificate %1 is not a file.").arg(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("ServerProfile", "The CA certificate file %1 cannot be read: %2")
            .arg(path, file.errorString());
    // Requests load the file as PEM (see ApiCall), so that is what must be in it.
    if (QSslCertificate::fromData(file.readAll(), QSsl::Pem).isEmpty())
        return QCoreApplication::translate(
                   "ServerProfile",
                   "The CA certificate file %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).")
            .arg(path);
    return {};
}
