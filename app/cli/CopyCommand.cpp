#include "cli/CopyCommand.h"

#include "cli/ExitCode.h"
#include "cli/SettingsUpdate.h"
#include "servers/ServerRegistry.h"
#include "settings/SettingsFile.h"

int CopyCommand::run()
{
    const QString from = options().value(QStringLiteral("from"));
    const QString to = options().values.value(QStringLiteral("to"), ServerConnection::startName(options()));
    if (options().words.size() != 1 || from.isEmpty())
        return fail(tr("Use: copy --from A [--to B] [--dry-run] [--yes] [--json]"), ExitCode::Usage);
    if (ServerRegistry::canonicalName(from) == ServerRegistry::canonicalName(to))
        return fail(tr("%1 is both --from and --to: name two different servers.").arg(to), ExitCode::Usage);
    int code = ExitCode::Ok;
    ServerConnection *source = openServer(from, Needs::SignIn, &code);
    if (!source)
        return code;
    ServerConnection *target = openServer(to, Needs::SignIn, &code);
    if (!target)
        return code;
    QJsonObject settings;
    if (code = source->fetchSettings(&settings); code != ExitCode::Ok)
        return code;
    return SettingsUpdate(options(), *target).apply(SettingsFile::fieldsOf(settings));
}
