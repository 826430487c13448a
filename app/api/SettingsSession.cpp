#include "api/SettingsSession.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"

SettingsSession::SettingsSession(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) {}

void SettingsSession::load()
{
    if (m_load)
        return;
    m_load = m_client->get(QString::fromLatin1(kPath));
    connect(m_load, &ApiCall::finished, this, &SettingsSession::onLoadFinished);
    Q_EMIT busyChanged();
}

void SettingsSession::reload()
{
    if (!m_patch)
        load();
}

bool SettingsSession::apply()
{
    if (m_patch || !m_model.isLoaded())
        return false;
    const QJsonObject body = m_model.beginPatch();
    if (body.isEmpty())
        return false;
    m_patch = m_client->patch(QString::fromLatin1(kPath), body);
    connect(m_patch, &ApiCall::finished, this, &SettingsSession::onPatchFinished);
    Q_EMIT m_model.changed();
    Q_EMIT busyChanged();
    return true;
}

void SettingsSession::cancel()
{
    for (ApiCall *call : {m_load.data(), m_patch.data()}) {
        if (call) {
            call->disconnect(this);
            call->cancel();
        }
    }
    if (m_patch)
        m_model.failPatch();
    m_load = nullptr;
    m_patch = nullptr;
    m_reloadAfterConflict = false;
    Q_EMIT busyChanged();
}

void SettingsSession::onLoadFinished(const ApiResult &result)
{
    m_load = nullptr;
    const bool afterConflict = m_reloadAfterConflict;
    m_reloadAfterConflict = false;
    if (!result.ok() || !result.data.isObject()) {
        Q_EMIT failed(result.ok()
                          ? ApiError::of(ApiError::Kind::Malformed, tr("the settings were not an object"))
                          : result.error,
                      afterConflict);
    } else {
        m_model.setConfirmed(result.object());
        Q_EMIT loaded();
        if (afterConflict)
            Q_EMIT conflictReloaded(m_conflict);
    }
    Q_EMIT busyChanged();
}

void SettingsSession::onPatchFinished(const ApiResult &result)
{
    m_patch = nullptr;
    if (result.ok() && result.data.isObject()) {
        Q_EMIT applied(m_model.finishPatch(result.object()));
    } else {
        m_model.failPatch();
        const ApiError error =
            result.ok() ? ApiError::of(ApiError::Kind::Malformed, tr("the answer was not a settings object"))
                        : result.error;
        if (error.httpStatus == 404 || error.httpStatus == 409) {
            // Whatever the server meant, what it holds now is worth seeing: reload it, keeping
            // the user's edits on top.
            m_reloadAfterConflict = true;
            m_conflict = error;
            load();
        } else {
            Q_EMIT failed(error, true);
        }
    }
    Q_EMIT busyChanged();
}
