#pragma once

#include "api/ApiCall.h"
#include "api/ApiResult.h"
#include "settings/SettingsModel.h"

#include <QObject>
#include <QPointer>

class ApiClient;

// The settings of one server: its model and the GET/PATCH that keep it in step with the
// server. One request per Apply: the PATCH's answer is the new state. At most one PATCH at a time.
class SettingsSession : public QObject
{
    Q_OBJECT
public:
    static constexpr auto kPath = "/api/v1/user-settings";

    explicit SettingsSession(ApiClient *client, QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    SettingsModel *model() { return &m_model; }
    const SettingsModel *model() const { return &m_model; }
    bool isLoading() const { return m_load != nullptr; }
    bool isApplying() const { return m_patch != nullptr; }

    void load();
    // Loads again what is shown (edits stay); not while a PATCH is on the wire, whose answer
    // brings the server's values anyway.
    void reload();
    // Sends the pending edits; returns false when there is nothing to send or a PATCH is on the wire.
    bool apply();
    // Stops any request; an answer that arrives later is never applied.
    void cancel();

Q_SIGNALS:
    void loaded();
    // The PATCH answered: `keys` read back as sent (others are in model()->notAppliedKeys()).
    void applied(const QStringList &keys);
    // What went wrong; the user's edits are still in the model.
    void failed(const ApiError &error, bool whileApplying);
    // 404/409 on PATCH: the server state was reloaded and the edits kept on top.
    void conflictReloaded(const ApiError &error);
    void busyChanged();

private:
    void onLoadFinished(const ApiResult &result);
    void onPatchFinished(const ApiResult &result);

    ApiClient *m_client;
    SettingsModel m_model;
    QPointer<ApiCall> m_load;
    QPointer<ApiCall> m_patch;
    bool m_reloadAfterConflict = false;
    ApiError m_conflict;
};
