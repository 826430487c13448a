#include "cli/GetCommand.h"

#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

int GetCommand::run()
{
    if (options().words.size() != 1)
        return fail(tr("get takes no arguments. See --help."), ExitCode::Usage);
    if (const int code = open(Needs::SignIn); code != ExitCode::Ok)
        return code;
    QJsonObject settings;
    if (const int code = fetchSettings(&settings); code != ExitCode::Ok)
        return code;
    if (options().has(QStringLiteral("json"))) {
        Console::out(json(settings));
        return ExitCode::Ok;
    }
    SettingsModel model;
    model.setConfirmed(settings);
    for (const FieldSpec &field : FieldTable::fields()) {
        const QJsonValue value = model.value(field.jsonKey());
        Console::out(QStringLiteral("%1=%2").arg(field.jsonKey(), FieldTable::plain(value)));
    }
    return ExitCode::Ok;
}
