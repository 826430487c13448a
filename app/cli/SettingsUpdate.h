#pragma once

#include "cli/CliOptions.h"

#include <QCoreApplication>
#include <QJsonObject>

class ServerConnection;
class SettingsModel;

// One change of a server's settings as set, copy and import make it: the settings are read
// first, only the values that differ are sent, in one PATCH, and Production is changed only
// after a confirmation on a terminal (or --yes). --dry-run prints the body instead of sending
// it; --json prints the settings the server has afterwards.
class SettingsUpdate
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    SettingsUpdate(const CliOptions &options, ServerConnection &target);

    // `values` are field-table keys with values of the field's type; returns the exit code.
    int apply(const QJsonObject &values);

private:
    // Asks on the terminal before Production is changed; ExitCode::Ok when confirmed.
    int confirmProduction(const SettingsModel &model);

    const CliOptions &m_options;
    ServerConnection &m_target;
};
