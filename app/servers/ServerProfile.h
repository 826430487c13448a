#pragma once

#include <QString>
#include <QUrl>

// A server the app can talk to: Development, Production or one QA added. The origin (scheme,
// host, port) is what a token belongs to.
struct ServerProfile
{
    QString name;     // "dev", "prod" or a custom name
    QUrl baseUrl;     // empty when nobody configured one
    QString caFile;   // extra CA certificate (PEM) trusted for this server only
    QString caOrigin; // the origin caFile was set for (empty: baseUrl's); no other origin trusts it
    bool builtIn = false;
    // Why the address written in the settings file or built into the app is not used (it names
    // the address and where it came from); baseUrl is then empty. Empty when nothing was refused.
    QString addressProblem;

    bool sharesProductionOrigin = false; // reaches the Production server (ServerLocation)
    // A custom server's "Confirm every change (treat like Production)"; on unless turned off.
    bool confirmChanges = true;

    // Production, or any profile reaching Production's address: changes there affect real users.
    bool isProduction() const { return name == QLatin1String("prod") || sharesProductionOrigin; }
    // Every change is confirmed first: on Production, and on a custom server that asks for it.
    bool needsConfirmation() const
    {
        return isProduction() || (name != QLatin1String("dev") && !name.isEmpty() && confirmChanges);
    }
    bool hasUrl() const { return baseUrl.isValid() && !baseUrl.isEmpty(); }
    QString title() const;  // "Development", "Production" or the name
    QString origin() const; // "https://host:443"
    QUrl endpoint(const QString &path) const;
    // caFile when `url` is on the origin the CA was set for, else empty: an address that overrides
    // the profile's for one run (--base-url) does not inherit its trust.
    QString caFileFor(const QUrl &url) const;

    // "scheme://host:port" in lower case with the port written out; empty unless http(s) with a host.
    static QString originOf(const QUrl &url);
    static bool isLoopbackHost(const QString &host); // localhost or a loopback address, any spelling
    // Empty when `url` can be a base URL; else what is wrong and how to fix it. `typed`, when given,
    // is the address as the user wrote it and is quoted instead (an invalid QUrl forgets its text).
    static QString checkBaseUrl(const QUrl &url, const QString &typed = QString());
    // Empty when `path` is a readable file holding a PEM certificate; else what is wrong with it.
    static QString checkCaFile(const QString &path);
};
