#include "cli/ImportCommand.h"

#include "cli/ExitCode.h"
#include "cli/SettingsUpdate.h"
#include "settings/SettingsFile.h"

#include <QFile>

#include <cstdio>

int ImportCommand::run()
{
    const QStringList &words = options().words;
    if (words.size() != 2)
        return fail(tr("Use: import FILE|- [--server S] [--dry-run] [--yes] [--json]"), ExitCode::Usage);
    // Checked whole before anything is asked of the server.
    SettingsFile::Result file;
    if (words.at(1) == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(tr("Standard input cannot be read: %1").arg(in.errorString()), ExitCode::Usage);
        file = SettingsFile::read(&in, tr("Standard input"));
    } else {
        file = SettingsFile::read(words.at(1));
    }
    if (!file.ok())
        return fail(file.error + QLatin1Char('\n') + tr("No change was sent."), ExitCode::Usage);
    if (const int code = open(Needs::SignIn); code != ExitCode::Ok)
        return code;
    return SettingsUpdate(options(), *connection()).apply(file.values);
}
