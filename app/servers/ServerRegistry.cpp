#include "servers/ServerRegistry.h"

#include "servers/AppSettings.h"
#include "servers/ServerLocation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace {
const QString kGroup = QStringLiteral("servers");

// Writes `settings` out; empty on success, else why not.
QString synced(QSettings &settings)
{
    AppSettings::sync(settings);
    return settings.status() == QSettings::NoError
               ? QString()
               : QCoreApplication::translate("ServerRegistry", "Could not save the settings file %1.")
                     .arg(settings.fileName());
}

QUrl builtInUrl(const char *url)
{
    return QUrl(QString::fromUtf8(url));
}
} // namespace

ServerRegistry::ServerRegistry() : ServerRegistry(builtInUrl(ALLMINE_DEV_URL), builtInUrl(ALLMINE_PROD_URL))
{
}

ServerRegistry::ServerRegistry(const QUrl &builtInDev, const QUrl &builtInProd)
    : m_builtInDev(builtInDev), m_builtInProd(builtInProd)
{
}

QString ServerRegistry::canonicalName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("dev") || lower == QLatin1String("development"))
        return QStringLiteral("dev");
    if (lower == QLatin1String("prod") || lower == QLatin1String("production"))
        return QStringLiteral("prod");
    return lower;
}

ServerProfile ServerRegistry::stored(QSettings &servers, const QString &name, const QUrl &builtInUrl)
{
    servers.beginGroup(name);
    ServerProfile profile;
    profile.name = name;
    profile.builtIn = name == QLatin1String("dev") || name == QLatin1String("prod");
    const bool inFile = servers.contains(QStringLiteral("url"));
    profile.baseUrl = inFile ? servers.value(QStringLiteral("url")).toUrl() : builtInUrl;
    profile.caFile = servers.value(QStringLiteral("ca")).toString();
    profile.caOrigin = profile.origin();
    profile.confirmChanges = servers.value(QStringLiteral("confirm"), true).toBool();
    servers.endGroup();
    // Written by hand or by an older version, or built in by a distributor: checked as if typed.
    const QString problem =
        profile.baseUrl.isEmpty() ? QString() : ServerProfile::checkBaseUrl(profile.baseUrl);
    if (!problem.isEmpty()) {
        const QString address = profile.baseUrl.toString(QUrl::RemovePassword);
        profile.addressProblem =
            inFile ? QCoreApplication::translate("ServerRegistry",
                                                 "The address %1 of the %2 server in %3 is not used. %4")
                         .arg(address, profile.title(), servers.fileName(), problem)
                   : QCoreApplication::translate("ServerRegistry",
                                                 "The address %1 built into this app for the %2 server is "
                                                 "not used. %3")
                         .arg(address, profile.title(), problem);
        profile.baseUrl.clear();
    }
    return profile;
}

QList<ServerProfile> ServerRegistry::profiles() const
{
    // One QSettings for the whole list: each one made checks the file (and its fallbacks) again.
    auto settings = AppSettings::open();
    settings->beginGroup(kGroup);
    QList<ServerProfile> result = {stored(*settings, QStringLiteral("dev"), m_builtInDev),
                                   stored(*settings, QStringLiteral("prod"), m_builtInProd)};
    QStringList custom = settings->childGroups();
    custom.sort();
    for (const QString &name : custom) {
        if (name != QLatin1String("dev") && name != QLatin1String("prod"))
            result << stored(*settings, name, {});
    }
    const ServerProfile production = result.at(1);
    for (ServerProfile &profile : result)
        profile.sharesProductionOrigin = reaches(profile, production);
    return result;
}

std::optional<ServerProfile> ServerRegistry::find(const QString &name) const
{
    const QString wanted = canonicalName(name);
    for (const ServerProfile &profile : profiles()) {
        if (profile.name == wanted)
            return profile;
    }
    return std::nullopt;
}

QString ServerRegistry::set(const QString &name, const QUrl &url, const QString &caFile)
{
    const QString key = canonicalName(name);
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,31}$"));
    if (!valid.match(key).hasMatch())
        return QCoreApplication::translate("ServerRegistry",
                                           "A server name is 1 to 32 letters, digits, '-' or '_'.");
    const QString problem = ServerProfile::checkBaseUrl(url);
    if (!problem.isEmpty())
        return problem;
    auto settings = AppSettings::open();
    settings->beginGroup(kGroup);
    settings->beginGroup(key);
    settings->setValue(QStringLiteral("url"), url.adjusted(QUrl::StripTrailingSlash));
    if (caFile.isEmpty())
        settings->remove(QStringLiteral("ca"));
    else
        settings->setValue(QStringLiteral("ca"), caFile);
    return synced(*settings);
}

QString ServerRegistry::remove(const QString &name)
{
    const QString key = canonicalName(name);
    if (key == QLatin1String("dev") || key == QLatin1String("prod"))
        return QCoreApplication::translate("ServerRegistry", "Development and Production cannot be removed.");
    if (!find(key))
        return QCoreApplication::translate("ServerRegistry", "There is no server named \"%1\".").arg(name);
    auto settings = AppSettings::open();
    settings->beginGroup(kGroup);
    settings->remove(key);
    return {};
}

bool ServerRegistry::reaches(const ServerProfile &profile, const ServerProfile &production)
{
    return production.hasUrl() && profile.hasUrl() &&
           ServerLocation::sameServer(profile.baseUrl, production.baseUrl);
}

void ServerRegistry::markProduction(ServerProfile &profile) const
{
    const auto production = find(QStringLiteral("prod"));
    profile.sharesProductionOrigin = production && reaches(profile, *production);
}

QString ServerRegistry::setConfirmChanges(const QString &name, bool confirm)
{
    const QString key = canonicalName(name);
    if (key == QLatin1String("dev") || key == QLatin1String("prod") || !find(key))
        return QCoreApplication::translate("ServerRegistry", "There is no server named \"%1\".").arg(name);
    auto settings = AppSettings::open();
    settings->beginGroup(kGroup);
    settings->beginGroup(key);
    settings->setValue(QStringLiteral("confirm"), confirm);
    return synced(*settings);
}

QString ServerRegistry::activeName() const
{
    const QString name = AppSettings::open()->value(QStringLiteral("activeServer")).toString();
    return find(name) ? canonicalName(name) : QStringLiteral("dev");
}

void ServerRegistry::setActiveName(const QString &name)
{
    AppSettings::store(QStringLiteral("activeServer"), canonicalName(name)); // on every start
}
