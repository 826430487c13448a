#include "cli/SettingsUpdate.h"

#include "api/SettingsSession.h"
#include "cli/CliCommand.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"
#include "cli/ServerConnection.h"
#include "settings/FieldTable.h"

SettingsUpdate::SettingsUpdate(const CliOptions &options, ServerConnection &target)
    : m_options(options), m_target(target)
{
}

int SettingsUpdate::apply(const QJsonObject &values)
{
    QJsonObject loaded;
    if (const int code = m_target.fetchSettings(&loaded); code != ExitCode::Ok)
        return code;
    const ServerProfile &server = m_target.server();
    SettingsSession session(m_target.client());
    SettingsModel *model = session.model();
    model->setConfirmed(loaded);
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        model->setValue(it.key(), it.value());

    const QStringList keys = model->pendingKeys();
    if (keys.isEmpty()) {
        Console::err(
            tr("Nothing to change: %1 already has these values. No change was sent.").arg(server.title()));
        if (m_options.has(QStringLiteral("json")))
            Console::out(CliCommand::json(model->confirmed()));
        return ExitCode::Ok;
    }
    if (m_options.has(QStringLiteral("dry-run"))) {
        Console::out(CliCommand::json(model->pendingPatch()));
        Console::err(
            tr("Dry run: this is what would be sent to %1. No change was sent.").arg(server.title()));
        return ExitCode::Ok;
    }
    if (server.needsConfirmation() && !m_options.has(QStringLiteral("yes"))) {
        if (const int code = confirm(server, *model); code != ExitCode::Ok)
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
    CliCommand::waitUntil([&] { return done; });
    if (error.isError())
        return CliCommand::failWith(error);
    const QStringList notApplied = model->notAppliedKeys();
    const int applied = int(keys.size() - notApplied.size());
    if (applied > 0)
        Console::err(tr("Applied %n change(s) to %1.", nullptr, applied).arg(server.title()));
    // The answer is read back: a field it does not hold as sent was not applied, whatever the status.
    for (const QString &key : notApplied) {
        Console::err(tr("%1 did not apply %2=%3: its answer holds %4.")
                         .arg(server.title(), key, FieldTable::sentText(model->value(key)),
                              FieldTable::sentText(model->confirmedValue(key))));
    }
    if (m_options.has(QStringLiteral("json")))
        Console::out(CliCommand::json(model->confirmed()));
    return notApplied.isEmpty() ? ExitCode::Ok : ExitCode::Server;
}

int SettingsUpdate::confirm(const ServerProfile &server, const SettingsModel &model)
{
    const bool production = server.isProduction();
    if (!Console::stdinIsTerminal() && production)
        return CliCommand::fail(
            tr("Refusing to change Production without confirmation: no change was sent. The "
               "confirmation is typed on standard input, which is not a terminal here: run it from a "
               "terminal (with import, name a FILE rather than -), or add --yes."),
            ExitCode::Usage);
    if (!Console::stdinIsTerminal())
        return CliCommand::fail(
            tr("%1 confirms every change: no change was sent. The confirmation is typed on standard "
               "input, which is not a terminal here: run it from a terminal (with import, name a FILE "
               "rather than -), add --yes, or turn this off with: allmine-settings-cli servers set %2 "
               "URL --confirm no")
                .arg(server.title(), server.name),
            ExitCode::Usage);
    if (production)
        Console::err(tr("You are about to change REAL settings on Production:"));
    else
        Console::err(tr("You are about to change settings on %1:").arg(server.title()));
    for (const QString &key : model.pendingKeys()) {
        const FieldSpec *field = FieldTable::find(key);
        Console::err(QStringLiteral("  %1: %2 → %3")
                         .arg(key, FieldTable::display(*field, model.confirmedValue(key)),
                              FieldTable::display(*field, model.value(key))));
    }
    const QString answer = Console::readLine(tr("Type yes to apply: "));
    if (answer.trimmed().toLower() != QLatin1String("yes") && answer.trimmed() != tr("yes"))
        return CliCommand::fail(tr("Not confirmed: no change was sent."), ExitCode::Usage);
    return ExitCode::Ok;
}
