#pragma once

#include <QHostAddress>
#include <QSet>
#include <QString>
#include <QUrl>

// Where an address leads, whatever it is spelled like. Two base URLs lead to the same server when
// their ports match (the scheme's default when none is written) and their hosts are the same after
// normalising (case, trailing dots, an IPv4-mapped IPv6 address as IPv4, every loopback spelling —
// localhost, 127.x.x.x, ::1, ::ffff:127.0.0.1 — as one), or resolve to a common address
// (HostAddresses, as far as it knows them).
class ServerLocation
{
public:
    // "[loopback]", "192.0.2.1", "2001:db8::1" or "example.com"; empty for an empty host.
    static QString hostKey(const QString &host);
    // True when `host` names this computer: localhost, or a loopback address in any spelling.
    static bool isLoopback(const QString &host);
    // "hostKey:port"; empty unless `url` is http(s) with a host.
    static QString of(const QUrl &url);
    static bool sameServer(const QUrl &a, const QUrl &b);

private:
    static QString addressKey(const QHostAddress &address);
    // The addresses `url`'s host is known to lead to, as addressKey()s.
    static QSet<QString> addressesOf(const QUrl &url);
    static int portOf(const QUrl &url);
};
