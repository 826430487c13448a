#pragma once

#include <QMap>
#include <QSet>
#include <QStringList>

// The command line split into options and words. Options may stand anywhere; `--name value`
// and `--name=value` both work.
struct CliOptions
{
    QMap<QString, QString> values; // valued options, without the leading dashes
    QSet<QString> flags;           // flags, without the leading dashes
    QStringList words;             // the command and its arguments
    QString error;                 // empty when the line parsed
    int timeoutMs = 0;             // --timeout in milliseconds; 0 when not given

    // The range --timeout accepts, in seconds.
    static constexpr int kMinTimeoutS = 1;
    static constexpr int kMaxTimeoutS = 3600;

    bool has(const QString &flag) const { return flags.contains(flag); }
    QString value(const QString &name) const { return values.value(name); }

    static CliOptions parse(const QStringList &arguments);
    static QString usage();
};
