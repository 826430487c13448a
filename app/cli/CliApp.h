#pragma once

#include "cli/CliOptions.h"

#include <QCoreApplication>
#include <memory>

class CliCommand;

// The command line front end: parses the arguments and hands them to the command they name
// (see CliCommand). run() returns the process's exit code (see ExitCode).
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    int run(const QStringList &arguments);

    // The command named `name`, over `options`; null when there is none of that name.
    static std::unique_ptr<CliCommand> command(const QString &name, const CliOptions &options);

private:
    CliOptions m_options;
};
