#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// One run of one of the app's programs (the command line, $ALLMINE_CLI, above all) as a separate
// process.
struct CliRun
{
    int exitCode = -1; // -1 when it did not start or finish
    QByteArray out;    // stdout, as bytes (--json output is compared byte for byte)
    QString err;       // stderr

    QString outText() const { return QString::fromUtf8(out); }
    bool mentions(const QString &secret) const
    {
        return !secret.isEmpty() && (out.contains(secret.toUtf8()) || err.contains(secret));
    }
};

// Runs `program` with `environment` and `input` on its stdin (then closed), waiting up to
// `timeoutMs`; exitCode stays -1 if it did not start, did not finish or crashed.
CliRun runProgram(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, const QByteArray &input = {},
                  int timeoutMs = 30000);
// The same for the CLI ($ALLMINE_CLI), waiting up to 30 s.
CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment,
              const QByteArray &input = {});
