#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {
QJsonObject serverObject()
{
    return QJsonDocument::fromJson(R"({
        "notifications": true, "totalMinutesVisibility": true, "totalFundVisibility": false,
        "liveStreamNotifications": true, "paymentNotifications": true, "followNotifications": true,
        "messageNotifications": true, "followingActivityNotifications": true, "preferredLanguage": "en",
        "createdAt": "2024-01-01T00:00:00.000Z", "updatedAt": "2024-01-01T00:00:00.000Z",
        "_id": "507f1f77bcf86cd799439011", "futureField": {"x": 1}
    })")
        .object();
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}
} // namespace

class TestSettingsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void changeAndUndoByValueIsNoChange()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        QSignalSpy changed(&model, &SettingsModel::changed);
        model.setValue(QStringLiteral("notifications"), false);
        QVERIFY(model.isChanged(QStringLiteral("notifications")));
        QCOMPARE(model.pendingKeys(), QStringList{QStringLiteral("notifications")});
        model.setValue(QStringLiteral("notifications"), true);
        QVERIFY(!model.isChanged(QStringLiteral("notifications")));
        QVERIFY(model.pendingPatch().isEmpty());
        QVERIFY(model.changedKeys().isEmpty());
        QCOMPARE(changed.count(), 2);
    }

    void patchBodyHoldsOnlyChangedFields()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        model.setValue(QStringLiteral("paymentNotifications"), false);
        model.setValue(QStringLiteral("preferredLanguage"), QStringLiteral("tr"));
        model.setValue(QStringLiteral("totalFundVisibility"), false); // already false: no change
        const QJsonObject body = model.beginPatch();
        QCOMPARE(body, QJsonObject({{QStringLiteral("paymentNotifications"), false},
                                    {QStringLiteral("preferredLanguage"), QStringLiteral("tr")}}));
    }

    void unknownAndServerFieldsAreKeptButNeverSent()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        QVERIFY(!model.setValue(QStringLiteral("futureField"), 1));
        QVERIFY(!model.setValue(QStringLiteral("_id"), QStringLiteral("x")));
        QVERIFY(!model.setValue(QStringLiteral("notifications"), QStringLiteral("yes"))); // wrong type
        model.setValue(QStringLiteral("notifications"), false);
        const QJsonObject body = model.beginPatch();
        QCOMPARE(body.keys(), QStringList{QStringLiteral("notifications")});
        model.finishPatch(with(serverObject(), QStringLiteral("notifications"), false));
        QCOMPARE(model.confirmed().value(QStringLiteral("futureField")).toObject().value(QStringLiteral("x")),
                 1);
        QCOMPARE(model.confirmed().value(QStringLiteral("_id")).toString(),
                 QStringLiteral("507f1f77bcf86cd799439011"));
    }

    void unknownLanguageIsKeptAndShown()
    {
        SettingsModel model;
        model.setConfirmed(with(serverObject(), QStringLiteral("preferredLanguage"), QStringLiteral("de")));
        QCOMPARE(model.value(QStringLiteral("preferredLanguage")).toString(), QStringLiteral("de"));
        QVERIFY(!model.isChanged(QStringLiteral("preferredLanguage")));
        model.setValue(QStringLiteral("notifications"), false);
        QVERIFY(!model.beginPatch().contains(QStringLiteral("preferredLanguage")));
        QVERIFY(!FieldTable::isKnownLanguage(QStringLiteral("de")));
    }

    void missingCategoryCountsAsOn()
    {
        SettingsModel model;
        QJsonObject old = serverObject();
        old.remove(QStringLiteral("followingActivityNotifications"));
        model.setConfirmed(old);
        QCOMPARE(model.value(QStringLiteral("followingActivityNotifications")), QJsonValue(true));
        model.setValue(QStringLiteral("followingActivityNotifications"), true);
        QVERIFY(!model.hasPending());
    }

    void editDuringFlightSurvivesTheResponse()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        model.setValue(QStringLiteral("notifications"), false);
        QCOMPARE(model.beginPatch().keys(), QStringList{QStringLiteral("notifications")});
        QVERIFY(model.beginPatch().isEmpty()); // one PATCH at a time
        model.setValue(QStringLiteral("messageNotifications"), false);
        QCOMPARE(model.value(QStringLiteral("notifications")), QJsonValue(false)); // shown from in-flight
        model.finishPatch(with(serverObject(), QStringLiteral("notifications"), false));
        QCOMPARE(model.pendingKeys(), QStringList{QStringLiteral("messageNotifications")});
        QCOMPARE(model.value(QStringLiteral("messageNotifications")), QJsonValue(false));
        QVERIFY(!model.isChanged(QStringLiteral("notifications")));
    }

    void editOfAnInFlightFieldBackToConfirmedIsSentNext()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        model.setValue(QStringLiteral("notifications"), false);
        model.beginPatch();
        model.setValue(QStringLiteral("notifications"), true); // user changes their mind mid-flight
        QVERIFY(model.isChanged(QStringLiteral("notifications")));
        model.finishPatch(with(serverObject(), QStringLiteral("notifications"), false));
        QCOMPARE(model.pendingPatch(), QJsonObject({{QStringLiteral("notifications"), true}}));
    }

    void failedPatchGivesValuesBackUnlessEditedAgain()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        model.setValue(QStringLiteral("notifications"), false);
        model.setValue(QStringLiteral("paymentNotifications"), false);
        model.beginPatch();
        model.setValue(QStringLiteral("paymentNotifications"), true); // edited again while in flight
        model.failPatch();
        QVERIFY(!model.isInFlight());
        QCOMPARE(model.value(QStringLiteral("notifications")), QJsonValue(false));
        QCOMPARE(model.value(QStringLiteral("paymentNotifications")), QJsonValue(true));
        QCOMPARE(model.pendingPatch(), QJsonObject({{QStringLiteral("notifications"), false}}));
    }

    void successRebasesEdits()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        model.setValue(QStringLiteral("notifications"), false);
        model.beginPatch();
        model.setValue(QStringLiteral("followNotifications"), false);
        model.setValue(QStringLiteral("totalFundVisibility"), true);
        // The server's answer already has followNotifications off (changed elsewhere).
        QJsonObject answer = with(serverObject(), QStringLiteral("notifications"), false);
        answer.insert(QStringLiteral("followNotifications"), false);
        model.finishPatch(answer);
        QCOMPARE(model.pendingKeys(), QStringList{QStringLiteral("totalFundVisibility")});
        QCOMPARE(model.confirmed(), answer);
    }

    void reloadKeepsEditsOnTop()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        model.setValue(QStringLiteral("paymentNotifications"), false);
        model.setConfirmed(with(serverObject(), QStringLiteral("messageNotifications"), false));
        QCOMPARE(model.value(QStringLiteral("paymentNotifications")), QJsonValue(false));
        QCOMPARE(model.value(QStringLiteral("messageNotifications")), QJsonValue(false));
        QCOMPARE(model.pendingKeys(), QStringList{QStringLiteral("paymentNotifications")});
    }

    void revertOneAndAll()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        model.setValue(QStringLiteral("notifications"), false);
        model.setValue(QStringLiteral("preferredLanguage"), QStringLiteral("tr"));
        model.revert(QStringLiteral("notifications"));
        QCOMPARE(model.pendingKeys(), QStringList{QStringLiteral("preferredLanguage")});
        model.revertAll();
        QVERIFY(!model.hasPending());
        QCOMPARE(model.value(QStringLiteral("preferredLanguage")).toString(), QStringLiteral("en"));
    }

    void restoredDraftIgnoresJunk()
    {
        SettingsModel model;
        model.setConfirmed(serverObject());
        model.restoreEdits(QJsonObject{{QStringLiteral("notifications"), false},
                                       {QStringLiteral("bogus"), true},
                                       {QStringLiteral("paymentNotifications"), QStringLiteral("maybe")}});
        QCOMPARE(model.pendingPatch(), QJsonObject({{QStringLiteral("notifications"), false}}));
    }
};

QTEST_GUILESS_MAIN(TestSettingsModel)
#include "tst_settingsmodel.moc"
