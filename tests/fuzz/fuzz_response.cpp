// libFuzzer target: any body a server (or something pretending to be one) might send, through
// the response parser and, when it yields an object, into the settings model as the confirmed
// state, then every field is read, edited and patched. Whatever arrives, the app must not crash,
// must not invent changes, and must never put a field into a PATCH that is not in the table.
#include "FuzzRequire.h"
#include "api/ResponseParser.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QJsonObject>
#include <cstdint>
#include <cstdlib>

namespace {
bool onlyTableKeys(const QJsonObject &object)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!FieldTable::find(it.key()))
            return false;
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ResponseParser::Parsed parsed = ResponseParser::parse(body);
    require(parsed.json || (!parsed.success && !parsed.wrapped));
    require(parsed.wrapped || parsed.errors.isEmpty());
    for (const QString &message : parsed.errors)
        require(!message.isEmpty());
    if (!parsed.data.isObject())
        return 0;

    const QJsonObject server = parsed.data.toObject();
    SettingsModel model;
    model.setConfirmed(server);
    require(model.isLoaded() && !model.hasPending() && model.changedKeys().isEmpty());
    require(model.confirmed() == server); // unknown fields kept
    for (const FieldSpec &field : FieldTable::fields()) {
        const QString key = field.jsonKey();
        const QJsonValue shown = model.value(key);
        require(!model.isChanged(key));
        FieldTable::display(field, shown);
        // Flip what the user sees (or set the default when the server sent nonsense).
        const QJsonValue wanted = field.type == FieldType::Bool && shown.isBool()
                                      ? QJsonValue(!shown.toBool())
                                      : field.defaultValue();
        require(model.setValue(key, wanted));
        require(model.value(key) == wanted);
    }
    require(onlyTableKeys(model.pendingPatch()));
    const QJsonObject patch = model.beginPatch();
    require(onlyTableKeys(patch));
    require(model.beginPatch().isEmpty()); // one PATCH at a time
    model.failPatch();                     // the edits come back...
    require(model.pendingPatch() == patch);
    require(model.beginPatch() == patch);
    model.finishPatch(server); // ...or the server's answer becomes the truth
    require(model.confirmed() == server);
    require(onlyTableKeys(model.pendingPatch()));
    model.revertAll();
    require(!model.hasPending());
    return 0;
}
