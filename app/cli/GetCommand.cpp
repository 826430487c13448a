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
    // A value not of its type is never read as false: it prints as "?", and says so on stderr.
    for (const FieldSpec &field : FieldTable::fields()) {
        const QString key = field.jsonKey();
        if (!model.isReadable(key))
            Console::out(key + QStringLiteral("=?"));
        else
            Console::out(QStringLiteral("%1=%2").arg(key, FieldTable::plain(model.value(key))));
    }
    // A language the server knows and this app does not is the server's to have: said, not an error.
    for (const FieldSpec &field : FieldTable::fields()) {
        const QJsonValue value = model.value(field.jsonKey());
        if (field.type == FieldType::Language && model.isReadable(field.jsonKey()) &&
            !FieldTable::isKnownLanguage(value.toString()))
            Console::err(tr("%1 is %2, a language this app does not know (it knows %3).")
                             .arg(field.jsonKey(), FieldTable::plain(value),
                                  FieldTable::languageCodes().join(QStringLiteral(", "))));
    }
    const QStringList unreadable = model.unreadableKeys();
    for (const QString &key : unreadable)
        Console::err(tr("%1 could not be read: the server sent %2, not %3.")
                         .arg(key, FieldTable::sentText(model.confirmedValue(key)),
                              FieldTable::expected(*FieldTable::find(key))));
    return unreadable.isEmpty() ? ExitCode::Ok : ExitCode::Server;
}
