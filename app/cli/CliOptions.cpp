#include "cli/CliOptions.h"

#include "settings/FieldTable.h"

#include <QCoreApplication>

#include <cmath>

namespace {
// --timeout in milliseconds, or 0 when it is not a finite number of seconds in range: NaN,
// infinities and 0 would otherwise turn the time limit off.
int parseTimeoutMs(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < CliOptions::kMinTimeoutS ||
        seconds > CliOptions::kMaxTimeoutS)
        return 0;
    return int(std::lround(seconds * 1000));
}

const QSet<QString> kValued = {
    QStringLiteral("server"), QStringLiteral("base-url"), QStringLiteral("timeout"),
    QStringLiteral("ca"),     QStringLiteral("email"),    QStringLiteral("country-code"),
    QStringLiteral("phone"),  QStringLiteral("from"),     QStringLiteral("to"),
    QStringLiteral("confirm")};
const QSet<QString> kFlags = {QStringLiteral("json"), QStringLiteral("dry-run"),
                              QStringLiteral("yes"),  QStringLiteral("everywhere"),
                              QStringLiteral("help"), QStringLiteral("version")};
} // namespace

CliOptions CliOptions::parse(const QStringList &arguments)
{
    CliOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("-h")) {
            options.flags.insert(QStringLiteral("help"));
            continue;
        }
        if (!argument.startsWith(QLatin1String("--")) || argument == QLatin1String("--")) {
            options.words << argument;
            continue;
        }
        QString name = argument.mid(2);
        QString value;
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        const bool inlineValue = equals >= 0;
        if (inlineValue) {
            value = name.mid(equals + 1);
            name = name.left(equals);
        }
        if (kFlags.contains(name) && !inlineValue) {
            options.flags.insert(name);
        } else if (kValued.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= arguments.size()) {
                    options.error = QCoreApplication::translate("Cli", "--%1 needs a value.").arg(name);
                    return options;
                }
                value = arguments.at(++i);
            }
            options.values.insert(name, value);
            if (name == QLatin1String("timeout")) {
                options.timeoutMs = parseTimeoutMs(value);
                if (options.timeoutMs == 0) {
                    options.error =
                        QCoreApplication::translate(
                            "Cli", "--timeout takes a number of seconds from %1 to %2, not \"%3\".")
                            .arg(CliOptions::kMinTimeoutS)
                            .arg(CliOptions::kMaxTimeoutS)
                            .arg(value);
                    return options;
                }
            }
        } else {
            options.error =
                QCoreApplication::translate("Cli", "Unknown option %1. See --help.").arg(argument);
            return options;
        }
    }
    return options;
}

namespace {
QString keyList()
{
    QString text;
    for (const FieldSpec &field : FieldTable::fields()) {
        const QStringList choices = field.type == FieldType::Language
                                        ? FieldTable::languageCodes()
                                        : QStringList{QStringLiteral("true"), QStringLiteral("false")};
        const QString values = choices.join(QLatin1Char('|'));
        text += QStringLiteral("\n  %1=%2").arg(field.jsonKey(), values);
    }
    return text;
}
} // namespace

QString CliOptions::usage()
{
    return QCoreApplication::translate(
               "Cli",
               "Usage: allmine-settings-cli [--server dev|prod|NAME] [--base-url URL] [--timeout SECONDS] "
               "COMMAND\n"
               "\n"
               "Commands:\n"
               "  get [--json]                        show the current settings\n"
               "  set KEY=VALUE... [--dry-run] [--yes] [--json]\n"
               "                                      change settings; only changed fields are sent\n"
               "  diff A B [--json]                   the fields whose values differ between servers A\n"
               "                                      and B (exit 0 when none, 1 when some)\n"
               "  copy --from A [--to B] [--dry-run] [--yes] [--json]\n"
               "                                      make B (default: the --server one) match A\n"
               "  export [FILE]                       write the settings as JSON (stdout without FILE)\n"
               "  import FILE|- [--dry-run] [--yes] [--json]\n"
               "                                      check a settings file (- is stdin), then set its\n"
               "                                      values as set does\n"
               "  servers list                        list the server profiles (\"active\": the window's)\n"
               "  servers set NAME URL [--ca FILE] [--confirm yes|no]\n"
               "                                      set a server's address (and extra CA certificate);\n"
               "                                      --confirm no: set changes it without --yes\n"
               "  servers remove NAME                 remove a server you added\n"
               "  login --email ADDRESS | --country-code CC --phone NUMBER\n"
               "                                      sign in with a one-time code\n"
               "  logout [--everywhere]               sign out of this server (or end every session)\n"
               "  token status | set | clear          show, paste (from stdin) or forget the stored token\n"
               "\n"
               "Without --server, commands use dev.\n"
               "The token comes from ALLMINE_TOKEN when set, else from the OS keychain; ALLMINE_TOKEN and\n"
               "--base-url are for the --server one only (diff and copy sign in to other servers from the\n"
               "keychain).\n"
               "Exit codes: 0 done, 1 diff found differences, 2 bad usage (no change sent),\n"
               "            3 not signed in/401/403, 4 other 4xx,\n"
               "            5 network/TLS/timeout/5xx/bad answer, 6 keychain unavailable.\n"
               "\n"
               "Keys:") +
           keyList();
}
