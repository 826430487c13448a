#include "cli/ExportCommand.h"

#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "settings/SettingsFile.h"

#include <QSaveFile>

int ExportCommand::run()
{
    const QStringList &words = options().words;
    if (words.size() > 2)
        return fail(tr("Use: export [--server S] [FILE]"), ExitCode::Usage);
    const QString path = words.value(1, QStringLiteral("-"));
    // Opened first, so a file that cannot be written costs no request; replaced only when whole.
    QSaveFile file(path);
    if (path != QLatin1String("-") && !file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()), ExitCode::Usage);
    if (const int code = open(Needs::SignIn); code != ExitCode::Ok)
        return code;
    QJsonObject settings;
    if (const int code = fetchSettings(&settings); code != ExitCode::Ok)
        return code;
    const QByteArray bytes = SettingsFile::toJson(settings);
    if (path == QLatin1String("-")) {
        Console::out(QString::fromUtf8(bytes).trimmed());
        return ExitCode::Ok;
    }
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()), ExitCode::Usage);
    Console::err(tr("Wrote the settings of %1 to %2.").arg(server().title(), path));
    return ExitCode::Ok;
}
