#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// One run of the real command line ($ALLMINE_CLI) as a separate process.
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

// Runs the CLI with `environment` and `input` on its stdin (then closed), waiting up to 30 s.
CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment,
              const QByteArray &input = {});
