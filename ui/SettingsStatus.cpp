#include "SettingsStatus.h"

#include "api/ApiError.h"
#include "api/SettingsSession.h"
#include "session/ServerContext.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QCollator>
#include <algorithm>

namespace {
// The fields' labels in the UI language, sorted as that language sorts words.
QStringList labels(const QStringList &keys)
{
    QStringList result;
    for (const QString &key : keys) {
        if (const FieldSpec *field = FieldTable::find(key))
            result << FieldTable::label(*field);
    }
    QCollator collator;
    std::sort(result.begin(), result.end(),
              [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    return result;
}
} // namespace

ApplyBar::State SettingsStatus::of(const ServerContext &context)
{
    const SettingsModel *model = context.model();
    const SettingsSession *session = context.session();
    ApplyBar::State state;
    state.server = context.server().title();
    state.pending = int(model->pendingKeys().size());
    state.changed = int(model->changedKeys().size());
    state.loading = session->isLoading();
    state.applying = session->isApplying();
    state.loaded = model->isLoaded();
    if (state.loaded) {
        QStringList unreadable;
        for (const QString &key : model->unreadableKeys()) {
            if (!model->edits().contains(key))
                unreadable << key;
        }
        state.unreadable = labels(unreadable);
        state.serverChanged = labels(model->serverChangedKeys());
        state.notApplied = labels(model->notAppliedKeys());
    }
    return state;
}

NoticeBanner::Texts SettingsStatus::reloadedAfterRefusal(const ServerProfile &server, const ApiError &error)
{
    const QString fromServer = error.serverSentences();
    const QString what = tr("The server answered %1. The settings were reloaded and your changes "
                            "are kept: check them and apply again.")
                             .arg(error.httpStatus);
    return {tr("%1 did not take the changes").arg(server.title()),
            fromServer.isEmpty() ? what : fromServer + QLatin1Char(' ') + what,
            {}};
}
