#include "CommandLine.h"

#include "servers/ServerProfile.h"
#include "servers/ServerRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstring>

CommandLine CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Change your Allmine notification, privacy and language settings."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("CommandLine", "Show this help and exit."));
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("CommandLine", "Show the version and exit."));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("CommandLine", "Start on this server (dev, prod or a name you added)."),
        QCoreApplication::translate("CommandLine", "NAME"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QCoreApplication::translate("CommandLine", "Use this address for the server, for this run only."),
        QStringLiteral("URL"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("CommandLine",
                                    "Save the window as PNG once the settings loaded, then exit "
                                    "(with status 3 if they could not be loaded)."),
        QCoreApplication::translate("CommandLine", "FILE"));
    parser.addOptions({help, version, server, baseUrl, screenshot});

    CommandLine result;
    if (!parser.parse(arguments)) {
        result.outcome = Outcome::ExitUsage;
        result.output = parser.errorText() + QLatin1Char(' ') +
                        QCoreApplication::translate("CommandLine", "See --help.") + QLatin1Char('\n');
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = Outcome::ExitOk;
        result.output = QStringLiteral("allmine-settings %1\n").arg(QStringLiteral(ALLMINE_VERSION));
        return result;
    }
    if (parser.isSet(help)) {
        result.outcome = Outcome::ExitOk;
        // Qt names the program by the path it was started with; the usage line names the command.
        result.output = parser.helpText().replace(QCoreApplication::arguments().constFirst(),
                                                  QStringLiteral("allmine-settings"));
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.outcome = Outcome::ExitUsage;
        result.output =
            QCoreApplication::translate("CommandLine", "Unexpected argument \"%1\". See --help.\n")
                .arg(parser.positionalArguments().first());
        return result;
    }
    result.server = parser.value(server);
    if (parser.isSet(server)) {
        // A typo ("prd") must not open another server than the one asked for.
        const ServerRegistry registry;
        if (!registry.find(ServerRegistry::canonicalName(result.server))) {
            QStringList names;
            for (const ServerProfile &profile : registry.profiles())
                names << profile.name;
            result.outcome = Outcome::ExitUsage;
            result.output =
                QCoreApplication::translate("CommandLine", "There is no server named \"%1\". Servers: %2.\n")
                    .arg(result.server, names.join(QStringLiteral(", ")));
            return result;
        }
    }
    result.screenshot = parser.value(screenshot);
    if (parser.isSet(baseUrl)) {
        result.baseUrl = QUrl(parser.value(baseUrl));
        const QString problem = ServerProfile::checkBaseUrl(result.baseUrl);
        if (!problem.isEmpty()) {
            result.outcome = Outcome::ExitUsage;
            result.output = problem + QLatin1Char('\n');
        }
    }
    return result;
}

bool CommandLine::wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--version", "-v", "--help", "-h", "-?", "--help-all"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}
