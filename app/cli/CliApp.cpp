#include "cli/CliApp.h"

#include "cli/Console.h"
#include "cli/CopyCommand.h"
#include "cli/DiffCommand.h"
#include "cli/ExitCode.h"
#include "cli/ExportCommand.h"
#include "cli/GetCommand.h"
#include "cli/ImportCommand.h"
#include "cli/LoginCommand.h"
#include "cli/LogoutCommand.h"
#include "cli/ServersCommand.h"
#include "cli/SetCommand.h"
#include "cli/TokenCommand.h"

namespace {
template <typename Command> std::unique_ptr<CliCommand> make(const CliOptions &options)
{
    return std::make_unique<Command>(options);
}
} // namespace

int CliApp::run(const QStringList &arguments)
{
    m_options = CliOptions::parse(arguments);
    if (!m_options.error.isEmpty()) {
        Console::err(m_options.error);
        return ExitCode::Usage;
    }
    if (m_options.has(QStringLiteral("version"))) {
        Console::out(QStringLiteral("allmine-settings-cli %1").arg(QStringLiteral(ALLMINE_VERSION)));
        return ExitCode::Ok;
    }
    if (m_options.has(QStringLiteral("help")) || m_options.words.isEmpty()) {
        const bool asked = m_options.has(QStringLiteral("help"));
        (asked ? Console::out : Console::err)(CliOptions::usage());
        return asked ? ExitCode::Ok : ExitCode::Usage;
    }
    const QString name = m_options.words.first();
    const std::unique_ptr<CliCommand> command = CliApp::command(name, m_options);
    if (!command) {
        Console::err(tr("Unknown command \"%1\". See --help.").arg(name));
        return ExitCode::Usage;
    }
    return command->execute();
}

std::unique_ptr<CliCommand> CliApp::command(const QString &name, const CliOptions &options)
{
    using Factory = std::unique_ptr<CliCommand> (*)(const CliOptions &);
    static const struct
    {
        const char *name;
        Factory make;
    } commands[] = {{"get", &make<GetCommand>},         {"set", &make<SetCommand>},
                    {"servers", &make<ServersCommand>}, {"login", &make<LoginCommand>},
                    {"logout", &make<LogoutCommand>},   {"token", &make<TokenCommand>},
                    {"diff", &make<DiffCommand>},       {"copy", &make<CopyCommand>},
                    {"export", &make<ExportCommand>},   {"import", &make<ImportCommand>}};
    for (const auto &command : commands) {
        if (name == QLatin1String(command.name))
            return command.make(options);
    }
    return nullptr;
}
