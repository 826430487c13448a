#include "servers/HostAddresses.h"

#include <QHash>
#include <QHostInfo>
#include <QPointer>
#include <QSet>

namespace {
// Only the GUI thread or the command line's one thread use these.
QHash<QString, QList<QHostAddress>> &cache()
{
    static QHash<QString, QList<QHostAddress>> addresses;
    return addresses;
}

QSet<QString> &asking()
{
    static QSet<QString> hosts;
    return hosts;
}

QString keyOf(const QString &host)
{
    QString key = host.toLower();
    while (key.endsWith(QLatin1Char('.')))
        key.chop(1);
    return key;
}
} // namespace

std::optional<QList<QHostAddress>> HostAddresses::known(const QString &host)
{
    const auto it = cache().constFind(keyOf(host));
    if (it == cache().constEnd())
        return std::nullopt;
    return *it;
}

bool HostAddresses::needsLookup(const QString &host)
{
    const QString key = keyOf(host);
    return !key.isEmpty() && QHostAddress(key).isNull() && !cache().contains(key) && !asking().contains(key);
}

void HostAddresses::lookup(const QString &host, QObject *context, const std::function<void()> &done)
{
    if (!needsLookup(host))
        return;
    const QString key = keyOf(host);
    asking().insert(key);
    QPointer<QObject> receiver(context);
    QHostInfo::lookupHost(key, context, [key, receiver, done](const QHostInfo &info) {
        asking().remove(key);
        remember(key, info.error() == QHostInfo::NoError ? info.addresses() : QList<QHostAddress>());
        if (receiver && done)
            done();
    });
}

void HostAddresses::resolveNow(const QString &host)
{
    if (!needsLookup(host))
        return;
    const QHostInfo info = QHostInfo::fromName(keyOf(host));
    remember(host, info.error() == QHostInfo::NoError ? info.addresses() : QList<QHostAddress>());
}

void HostAddresses::remember(const QString &host, const QList<QHostAddress> &addresses)
{
    cache().insert(keyOf(host), addresses);
}

void HostAddresses::forgetAll()
{
    cache().clear();
}
