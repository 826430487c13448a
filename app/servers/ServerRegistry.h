#pragma once

#include "servers/ServerProfile.h"

#include <QList>
#include <optional>

class QSettings;

// The server profiles, shared by the window and the command line through the app's settings.
// Development and Production always exist (their URLs default to the build's, if any).
// Every address, from the settings file or built in, passes ServerProfile::checkBaseUrl() before
// it is used: one that fails is not used, and the profile's addressProblem says why.
class ServerRegistry
{
public:
    // Development and Production default to the addresses built in (ALLMINE_DEV_URL/PROD_URL).
    ServerRegistry();
    ServerRegistry(const QUrl &builtInDev, const QUrl &builtInProd);

    QList<ServerProfile> profiles() const;
    // Accepts dev/development, prod/production or a custom name, in any case.
    std::optional<ServerProfile> find(const QString &name) const;
    // Each returns an empty string on success, else the reason for the user.
    QString set(const QString &name, const QUrl &url, const QString &caFile = {});
    QString remove(const QString &name);

    QString activeName() const;
    void setActiveName(const QString &name);

    static QString canonicalName(const QString &name);
    // Marks `profile` as Production when its address reaches Production's server (any spelling of
    // it, see ServerLocation; after a --base-url override, say), so it is confirmed and shown as
    // Production too.
    void markProduction(ServerProfile &profile) const;
    // A custom server's "Confirm every change" (on by default); empty on success, else why not.
    QString setConfirmChanges(const QString &name, bool confirm);
    // True when `profile`'s address reaches `production`'s server.
    static bool reaches(const ServerProfile &profile, const ServerProfile &production);

private:
    // One server as kept under the "servers" group `servers` is in, or built in.
    static ServerProfile stored(QSettings &servers, const QString &name, const QUrl &builtInUrl);

    QUrl m_builtInDev;
    QUrl m_builtInProd;
};
