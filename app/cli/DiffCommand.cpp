#include "cli/DiffCommand.h"

#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "servers/ServerRegistry.h"
#include "settings/FieldTable.h"
#include "settings/SettingsFile.h"

#include <QJsonArray>

int DiffCommand::run()
{
    const QStringList &words = options().words;
    if (words.size() != 3)
        return fail(tr("Use: diff A B [--json], naming two servers as servers list shows them."),
                    ExitCode::Usage);
    if (ServerRegistry::canonicalName(words.at(1)) == ServerRegistry::canonicalName(words.at(2)))
        return fail(tr("Name two different servers to compare."), ExitCode::Usage);
    // Both are opened before either is asked, so a server that cannot be used costs no request.
    ServerConnection *servers[2] = {};
    for (int i = 0; i < 2; ++i) {
        int code = ExitCode::Ok;
        if (servers[i] = openServer(words.at(i + 1), Needs::SignIn, &code); !servers[i])
            return code;
    }
    QJsonObject settings[2];
    for (int i = 0; i < 2; ++i) {
        if (const int code = servers[i]->fetchSettings(&settings[i]); code != ExitCode::Ok)
            return code;
    }

    const QJsonObject a = SettingsFile::fieldsOf(settings[0]);
    const QJsonObject b = SettingsFile::fieldsOf(settings[1]);
    QJsonObject differing;
    QStringList lines;
    for (const QString &key : SettingsFile::differingKeys(a, b)) {
        differing.insert(key, QJsonArray{a.value(key), b.value(key)});
        lines << QStringLiteral("%1: %2 -> %3")
                     .arg(key, FieldTable::plain(a.value(key)), FieldTable::plain(b.value(key)));
    }
    if (options().has(QStringLiteral("json")))
        Console::out(json(differing));
    else if (!lines.isEmpty())
        Console::out(lines.join(QLatin1Char('\n')));
    if (differing.isEmpty()) {
        Console::err(tr("%1 and %2 have the same settings.")
                         .arg(servers[0]->server().title(), servers[1]->server().title()));
        return ExitCode::Ok;
    }
    return ExitCode::Differ;
}
