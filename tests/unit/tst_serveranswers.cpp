// What the server answers is checked, not guessed: values not of their type are unreadable,
// a PATCH answer is read back against what was sent, fields the user did not touch that an
// answer changes are named, and errors put the server's own words first.
#include "api/ApiError.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QJsonArray>
#include <QTest>

namespace {
const QString kNotifications = QStringLiteral("notifications");
const QString kPayments = QStringLiteral("paymentNotifications");
const QString kMessages = QStringLiteral("messageNotifications");
const QString kLanguage = QStringLiteral("preferredLanguage");

QJsonObject all()
{
    QJsonObject object;
    for (const FieldSpec &field : FieldTable::fields())
        object.insert(field.jsonKey(), field.defaultValue());
    object.insert(QStringLiteral("updatedAt"), QStringLiteral("2026-03-01T10:20:30.000Z"));
    return object;
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}
} // namespace

class TestServerAnswers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valueOfTheWrongTypeIsUnreadableNeverOff_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("sent");
        QTest::addColumn<QString>("shown");
        QTest::newRow("number") << kNotifications << QJsonValue(1) << QStringLiteral("1");
        QTest::newRow("string") << kNotifications << QJsonValue(QStringLiteral("false"))
                                << QStringLiteral("\"false\"");
        QTest::newRow("null") << kNotifications << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
        QTest::newRow("object") << kPayments << QJsonValue(QJsonObject{{QStringLiteral("on"), true}})
                                << QStringLiteral("{\"on\":true}");
        QTest::newRow("language as a number") << kLanguage << QJsonValue(5) << QStringLiteral("5");
        QTest::newRow("empty language") << kLanguage << QJsonValue(QString()) << QStringLiteral("\"\"");
    }
    void valueOfTheWrongTypeIsUnreadableNeverOff()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, sent);
        QFETCH(QString, shown);
        SettingsModel model;
        model.setConfirmed(with(all(), key, sent));
        QVERIFY(!model.isReadable(key));
        QCOMPARE(model.unreadableKeys(), QStringList{key});
        QCOMPARE(FieldTable::sentText(model.value(key)), shown);
        QVERIFY(!model.isChanged(key)); // nothing to send until the user picks a value
        QVERIFY(!model.hasPending());
        // Picking a value makes it readable, and it is sent.
        const QJsonValue picked = key == kLanguage ? QJsonValue(QStringLiteral("tr")) : QJsonValue(false);
        QVERIFY(model.setValue(key, picked));
        QCOMPARE(model.pendingPatch(), QJsonObject({{key, picked}}));
    }

    void missingFieldIsReadableAsItsDefault()
    {
        QJsonObject answer = all();
        answer.remove(kNotifications);
        SettingsModel model;
        model.setConfirmed(answer);
        QVERIFY(model.isReadable(kNotifications));
        QCOMPARE(model.value(kNotifications), QJsonValue(true));
        QVERIFY(model.unreadableKeys().isEmpty());
    }

    void sentTextIsOneCleanShortLine()
    {
        QCOMPARE(FieldTable::sentText(QJsonValue(QStringLiteral("a\x1b[31mb\nc"))),
                 QStringLiteral("\"a\\u001b[31mb\\nc\""));
        QVERIFY(FieldTable::sentText(QJsonValue(QString(500, QLatin1Char('x')))).size() <= 60);
    }

    void patchAnswerThatIgnoresTheChangeLeavesItChanged()
    {
        SettingsModel model;
        model.setConfirmed(all());
        model.setValue(kNotifications, false);
        model.setValue(kPayments, false);
        model.beginPatch();
        // The server applied paymentNotifications only.
        const QStringList applied = model.finishPatch(with(all(), kPayments, false));
        QCOMPARE(applied, QStringList{kPayments});
        QCOMPARE(model.notAppliedKeys(), QStringList{kNotifications});
        QVERIFY(model.isNotApplied(kNotifications));
        QCOMPARE(model.pendingPatch(), QJsonObject({{kNotifications, false}}));
        QCOMPARE(model.value(kNotifications), QJsonValue(false)); // still what the user chose
        QVERIFY(model.isChanged(kNotifications));
        QVERIFY(!model.isChanged(kPayments));
        // Sent again and applied this time: no longer "not applied".
        model.beginPatch();
        QCOMPARE(model.finishPatch(with(with(all(), kPayments, false), kNotifications, false)),
                 QStringList{kNotifications});
        QVERIFY(model.notAppliedKeys().isEmpty());
        QVERIFY(!model.hasPending());
    }

    void notAppliedIsForgottenWhenTheUserRevertsIt()
    {
        SettingsModel model;
        model.setConfirmed(all());
        model.setValue(kNotifications, false);
        model.beginPatch();
        model.finishPatch(all());
        QVERIFY(model.isNotApplied(kNotifications));
        model.revert(kNotifications);
        QVERIFY(!model.isNotApplied(kNotifications));
        QVERIFY(!model.hasPending());
    }

    void patchAnswerLackingFieldsKeepsTheirLastKnownValues()
    {
        SettingsModel model;
        model.setConfirmed(with(all(), kMessages, false));
        model.setValue(kPayments, false);
        model.beginPatch();
        // Only the field sent and updatedAt come back.
        const QStringList applied = model.finishPatch(
            {{kPayments, false}, {QStringLiteral("updatedAt"), QStringLiteral("2026-03-02T00:00:00.000Z")}});
        QCOMPARE(applied, QStringList{kPayments});
        QCOMPARE(model.value(kMessages), QJsonValue(false)); // not the default (true)
        QVERIFY(model.serverChangedKeys().isEmpty());
        QCOMPARE(model.updatedAt(), QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC));
    }

    void patchAnswerLackingASentFieldDoesNotConfirmIt()
    {
        SettingsModel model;
        QJsonObject old = all();
        old.remove(kNotifications);
        model.setConfirmed(old);
        model.setValue(kNotifications, false);
        model.beginPatch();
        QVERIFY(model.finishPatch(old).isEmpty());
        QCOMPARE(model.notAppliedKeys(), QStringList{kNotifications});
    }

    void getAnswerLackingFieldsMeansTheDefaults()
    {
        SettingsModel model;
        model.setConfirmed(with(all(), kMessages, false));
        QJsonObject answer = all();
        answer.remove(kMessages);
        model.setConfirmed(answer);
        QCOMPARE(model.value(kMessages), QJsonValue(true));
    }

    void loadNamesWhatChangedOnTheServerUntilTheNextEdit()
    {
        SettingsModel model;
        model.setConfirmed(all());
        QVERIFY(model.serverChangedKeys().isEmpty()); // the first load changes nothing shown
        model.setValue(kNotifications, false);
        // Elsewhere, messages and payments were turned off, and so was the master switch.
        QJsonObject moved = with(with(all(), kMessages, false), kPayments, false);
        moved.insert(kNotifications, false);
        model.setConfirmed(moved);
        // In table order; the user's own change is not news (and, now equal, no longer pending).
        QCOMPARE(model.serverChangedKeys(), (QStringList{kPayments, kMessages}));
        QVERIFY(!model.hasPending());
        // A load that changes nothing more keeps them named.
        model.setConfirmed(moved);
        QCOMPARE(model.serverChangedKeys(), (QStringList{kPayments, kMessages}));
        // The next edit ends the news.
        model.setValue(QStringLiteral("followNotifications"), false);
        QVERIFY(model.serverChangedKeys().isEmpty());
    }

    void patchAnswerNamesOtherFieldsItChanged()
    {
        SettingsModel model;
        model.setConfirmed(all());
        model.setValue(kNotifications, false);
        model.beginPatch();
        model.finishPatch(with(with(all(), kNotifications, false), kMessages, false));
        QCOMPARE(model.serverChangedKeys(), QStringList{kMessages});
        QVERIFY(model.notAppliedKeys().isEmpty());
    }

    void loadedAtAndUpdatedAt()
    {
        SettingsModel model;
        QVERIFY(!model.loadedAt().isValid());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        model.setConfirmed(all());
        QVERIFY(model.loadedAt() >= before.addMSecs(-1));
        QCOMPARE(model.updatedAt(), QDateTime(QDate(2026, 3, 1), QTime(10, 20, 30), Qt::UTC));
        model.setConfirmed(with(all(), QStringLiteral("updatedAt"), QStringLiteral("yesterday")));
        QVERIFY(!model.updatedAt().isValid());
    }

    void errorsPutTheServersWordsFirstAsSentences()
    {
        const ApiError error = ApiError::http(
            409, {QStringLiteral("Resource already exists"), QStringLiteral("Ayarlar kilitli!"), QString()});
        const QString text = error.message();
        QVERIFY2(text.startsWith(
                     QStringLiteral("Resource already exists. Ayarlar kilitli! The server answered 409.")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("meanwhile")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("your changes"), Qt::CaseInsensitive), qPrintable(text));
        QVERIFY(text.endsWith(QLatin1Char('.')));
        QCOMPARE(ApiError::sentence(QStringLiteral(" Bitti ")), QStringLiteral("Bitti."));
        QCOMPARE(ApiError::sentence(QStringLiteral("Why?")), QStringLiteral("Why?"));
    }

    void retryOnlyWhereSendingAgainCanHelp_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryable");
        for (int status : {400, 401, 403, 404, 409, 422})
            QTest::addRow("%d", status) << status << false;
        for (int status : {429, 500, 502, 503})
            QTest::addRow("%d", status) << status << true;
    }
    void retryOnlyWhereSendingAgainCanHelp()
    {
        QFETCH(int, status);
        QFETCH(bool, retryable);
        QCOMPARE(ApiError::http(status, {}).isRetryable(), retryable);
        QVERIFY(ApiError::of(ApiError::Kind::Network).isRetryable());
        QVERIFY(ApiError::of(ApiError::Kind::Timeout).isRetryable());
        QVERIFY(ApiError::of(ApiError::Kind::Malformed).isRetryable());
        QVERIFY(!ApiError::of(ApiError::Kind::TooLarge).isRetryable());
        QVERIFY(!ApiError::of(ApiError::Kind::NotSignedIn).isRetryable());
    }
};

QTEST_GUILESS_MAIN(TestServerAnswers)
#include "tst_serveranswers.moc"
