#include "cli/SetCommand.h"

#include "api/SettingsSession.h"
#include "cli/AssignmentParser.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "settings/FieldTable.h"

int SetCommand::run()
{
    const AssignmentParser::Result parsed = AssignmentParser::parse(options().words.mid(1));
    if (!parsed.ok())
        return fail(parsed.error, ExitCode::Usage);
    if (const int code = open(Needs::SignIn); code != ExitCode::Ok)
        return code;
    QJsonObject loaded;
    if (const int code = fetchSettings(&loaded); code != ExitCode::Ok)
        return code;

    SettingsSession session(client());
    SettingsModel *model = session.model();
    model->setConfirmed(loaded);
    for (auto it = parsed.values.constBegin(); it != parsed.values.constEnd(); ++it)
        model->setValue(it.key(), it.value());

    const QStringList keys = model->pendingKeys();
    if (keys.isEmpty()) {
        Console::err(
            tr("Nothing to change: %1 already has these values. No change was sent.").arg(server().title()));
        if (options().has(QStringLiteral("json")))
            Console::out(json(model->confirmed()));
        return ExitCode::Ok;
    }
    if (options().has(QStringLiteral("dry-run"))) {
        Console::out(json(model->pendingPatch()));
        Console::err(
            tr("Dry run: this is what would be sent to %1. No change was sent.").arg(server().title()));
        return ExitCode::Ok;
    }
    if (server().needsConfirmation() && !options().has(QStringLiteral("yes"))) {
        if (const int code = confirmProduction(*model); code != ExitCode::Ok)
            return code;
    }

    bool done = false;
    ApiError error;
    const auto failed = [&](const ApiError &e) {
        error = e;
        done = true;
    };
    QObject::connect(&session, &SettingsSession::applied, &session, [&] { done = true; });
    QObject::connect(&session, &SettingsSession::failed, &session, failed);
    QObject::connect(&session, &SettingsSession::conflictReloaded, &session, failed);
    session.apply();
    waitUntil([&] { return done; });
    if (error.isError())
        return failWith(error);
    Console::err(tr("Applied %n change(s) to %1.", nullptr, int(keys.size())).arg(server().title()));
    if (options().has(QStringLiteral("json")))
        Console::out(json(model->confirmed()));
    return ExitCode::Ok;
}

int SetCommand::confirmProduction(const SettingsModel &model)
{
    const bool production = server().isProduction();
    if (!Console::stdinIsTerminal() && production)
        return fail(tr("Refusing to change Production without confirmation: no change was sent. Run it on "
                       "a terminal to confirm, or add --yes."),
                    ExitCode::Usage);
    if (!Console::stdinIsTerminal())
        return fail(tr("%1 confirms every change: no change was sent. Run it on a terminal to confirm, add "
                       "--yes, or turn this off with: allmine-settings-cli servers set %2 URL --confirm no")
                        .arg(server().title(), server().name),
                    ExitCode::Usage);
    if (production)
        Console::err(tr("You are about to change REAL settings on Production:"));
    else
        Console::err(tr("You are about to change settings on %1:").arg(server().title()));
    for (const QString &key : model.pendingKeys()) {
        const FieldSpec *field = FieldTable::find(key);
        Console::err(QStringLiteral("  %1: %2 → %3")
                         .arg(key, FieldTable::display(*field, model.confirmedValue(key)),
                              FieldTable::display(*field, model.value(key))));
    }
    const QString answer = Console::readLine(tr("Type yes to apply: "));
    if (answer.trimmed().toLower() != QLatin1String("yes") && answer.trimmed() != tr("yes"))
        return fail(tr("Not confirmed: no change was sent."), ExitCode::Usage);
    return ExitCode::Ok;
}
