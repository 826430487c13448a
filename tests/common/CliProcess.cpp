#include "CliProcess.h"

#include <QProcess>

CliRun runProgram(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(5000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    const QByteArray out = process.readAllStandardOutput();
    const QString err = QString::fromUtf8(process.readAllStandardError());
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, out, err};
}

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment, const QByteArray &input)
{
    return runProgram(qEnvironmentVariable("ALLMINE_CLI"), arguments, environment, input);
}
