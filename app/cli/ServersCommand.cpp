#include "cli/ServersCommand.h"

#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "servers/ServerRegistry.h"

#include <QFileInfo>

int ServersCommand::run()
{
    const QStringList &words = options().words;
    const QString action = words.value(1, QStringLiteral("list"));
    if (action == QLatin1String("list") && words.size() <= 2)
        return list();
    if (action == QLatin1String("set") && words.size() == 4)
        return set(words.at(2), words.at(3));
    if (action == QLatin1String("remove") && words.size() == 3) {
        const QString problem = ServerRegistry().remove(words.at(2));
        return problem.isEmpty() ? ExitCode::Ok : fail(problem, ExitCode::Usage);
    }
    return fail(
        tr("Use: servers list | servers set NAME URL [--ca FILE] [--confirm yes|no] | servers remove NAME"),
        ExitCode::Usage);
}

int ServersCommand::list()
{
    ServerRegistry registry;
    const QString active = registry.activeName();
    for (const ServerProfile &profile : registry.profiles()) {
        QString line = QStringLiteral("%1\t%2").arg(
            profile.name, profile.hasUrl() ? profile.baseUrl.toString() : tr("(no address)"));
        if (!profile.caFile.isEmpty())
            line += QStringLiteral("\tca=%1").arg(profile.caFile);
        if (profile.isProduction() && profile.name != QLatin1String("prod"))
            line += QStringLiteral("\tproduction");
        else if (!profile.builtIn && !profile.confirmChanges)
            line += QStringLiteral("\tconfirm=no");
        if (profile.name == active)
            line += QStringLiteral("\tactive");
        Console::out(line);
        if (!profile.addressProblem.isEmpty())
            Console::err(profile.addressProblem);
    }
    return ExitCode::Ok;
}

int ServersCommand::set(const QString &name, const QString &url)
{
    QString caFile = options().value(QStringLiteral("ca"));
    if (!caFile.isEmpty()) {
        const QString problem = ServerProfile::checkCaFile(caFile);
        if (!problem.isEmpty())
            return fail(problem, ExitCode::Usage);
        // Later commands run from other folders: keep the path that names this file from anywhere.
        caFile = QFileInfo(caFile).absoluteFilePath();
    }
    const QString confirm = options().value(QStringLiteral("confirm")).toLower();
    if (options().values.contains(QStringLiteral("confirm")) && confirm != QLatin1String("yes") &&
        confirm != QLatin1String("no"))
        return fail(tr("Use --confirm yes or --confirm no."), ExitCode::Usage);
    ServerRegistry registry;
    QString problem = registry.set(name, QUrl(url), caFile);
    const QString key = ServerRegistry::canonicalName(name);
    if (problem.isEmpty() && !confirm.isEmpty() && key != QLatin1String("dev") &&
        key != QLatin1String("prod"))
        problem = registry.setConfirmChanges(name, confirm == QLatin1String("yes"));
    if (!problem.isEmpty())
        return fail(problem, ExitCode::Usage);
    Console::err(tr("Server %1 now uses %2.").arg(ServerRegistry::canonicalName(name), url));
    return ExitCode::Ok;
}
