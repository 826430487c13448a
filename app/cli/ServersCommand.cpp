#include "cli/ServersCommand.h"

#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "servers/ServerRegistry.h"

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
    return fail(tr("Use: servers list | servers set NAME URL [--ca FILE] | servers remove NAME"),
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
        if (profile.name == active)
            line += QStringLiteral("\t*");
        Console::out(line);
    }
    return ExitCode::Ok;
}

int ServersCommand::set(const QString &name, const QString &url)
{
    const QString problem = ServerRegistry().set(name, QUrl(url), options().value(QStringLiteral("ca")));
    if (!problem.isEmpty())
        return fail(problem, ExitCode::Usage);
    Console::err(tr("Server %1 now uses %2.").arg(ServerRegistry::canonicalName(name), url));
    return ExitCode::Ok;
}
