#pragma once

#include "ApplyBar.h"
#include "NoticeBanner.h"

#include <QCoreApplication>

class ServerContext;
struct ServerProfile;
struct ApiError;

// What the window says about the active server's settings, derived from its context: the Apply
// bar's state (with the fields changed on the server, unreadable or not applied, by label) and
// the notice after the server refused a PATCH with 404 or 409 and the settings were reloaded.
class SettingsStatus
{
    Q_DECLARE_TR_FUNCTIONS(SettingsStatus)

public:
    static ApplyBar::State of(const ServerContext &context);
    // No cause is guessed: the server's own words, then what the app did.
    static NoticeBanner::Texts reloadedAfterRefusal(const ServerProfile &server, const ApiError &error);

private:
    SettingsStatus() = delete;
};
