#pragma once

#include <QStringList>
#include <QUrl>

// The window's command line: [--server NAME] [--base-url URL] [--screenshot FILE] [--version]
// [--help]. Parsed before any window exists, so --version and --help never open one.
struct CommandLine
{
    enum class Outcome
    {
        Run,      // open the window
        ExitOk,   // printed what was asked (--version, --help)
        ExitUsage // printed the problem
    };

    Outcome outcome = Outcome::Run;
    QString output; // what to print (stdout for ExitOk, stderr for ExitUsage)
    QString server;
    QUrl baseUrl;
    QString screenshot;

    static CommandLine parse(const QStringList &arguments);
    // True when the arguments ask only for text, so no GUI application is needed.
    static bool wantsTextOnly(int argc, char **argv);
};
