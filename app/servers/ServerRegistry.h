#pragma once

#include "servers/ServerProfile.h"

#include <QList>
#include <optional>

class QSettings;

// The server profiles, shared by the window and the command line through the app's settings.
// Development and Production always exist (their URLs default to the build's, if any).
class ServerRegistry
{
public:
    ServerRegistry();

    QList<ServerProfile> profiles() const;
    // Accepts dev/development, prod/production or a custom name, in any case.
    std::optional<ServerProfile> find(const QString &name) const;
    // Each returns an empty string on success, else the reason for the user.
    QString set(const QString &name, const QUrl &url, const QString &caFile = {});
    QString remove(const QString &name);

    QString activeName() const;
    void setActiveName(const QString &name);

    static QString canonicalName(const QString &name);
    // Marks `profile` as Production when its address has Production's origin (after a
    // --base-url override, say), so it is confirmed and shown as Production too.
    void markProduction(ServerProfile &profile) const;

private:
    // One server as kept under the "servers" group `servers` is in, or built in.
    static ServerProfile stored(QSettings &servers, const QString &name, const QUrl &builtInUrl);
};
