#include "servers/ServerLocation.h"

#include "servers/HostAddresses.h"

namespace {
// Not a host name, so no name can be taken for it.
const QString kLoopback = QStringLiteral("[loopback]");

QString withoutTrailingDots(QString host)
{
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    return host;
}
} // namespace

QString ServerLocation::addressKey(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped); // also reads ::ffff:a.b.c.d
    const QHostAddress plain = mapped ? QHostAddress(ipv4) : address;
    if (plain.isLoopback())
        return kLoopback;
    return plain.toString().toLower();
}

QString ServerLocation::hostKey(const QString &host)
{
    QString name = withoutTrailingDots(host.trimmed().toLower());
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (name.isEmpty())
        return {};
    if (name == QLatin1String("localhost"))
        return kLoopback;
    const QHostAddress address(name);
    return address.isNull() ? name : addressKey(address);
}

bool ServerLocation::isLoopback(const QString &host)
{
    return hostKey(host) == kLoopback;
}

int ServerLocation::portOf(const QUrl &url)
{
    return url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
}

QString ServerLocation::of(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const QString host = hostKey(url.host());
    if (!url.isValid() || host.isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return {};
    return QStringLiteral("%1:%2").arg(host).arg(portOf(url));
}

QSet<QString> ServerLocation::addressesOf(const QUrl &url)
{
    QSet<QString> keys;
    const auto addresses = HostAddresses::known(url.host());
    for (const QHostAddress &address : addresses.value_or(QList<QHostAddress>()))
        keys.insert(addressKey(address));
    return keys;
}

bool ServerLocation::sameServer(const QUrl &a, const QUrl &b)
{
    const QString here = of(a);
    const QString there = of(b);
    if (here.isEmpty() || there.isEmpty() || portOf(a) != portOf(b))
        return false;
    if (here == there)
        return true;
    QSet<QString> left = addressesOf(a);
    QSet<QString> right = addressesOf(b);
    left.insert(hostKey(a.host())); // an address literal is its own answer
    right.insert(hostKey(b.host()));
    return left.intersects(right);
}
