// Settings files as export writes them and import reads them: the field table's fields only,
// and every entry the table does not allow named, so a file is used whole or not at all.
#include "settings/FieldTable.h"
#include "settings/SettingsFile.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

class TestSettingsFile : public QObject
{
    Q_OBJECT

    static SettingsFile::Result parse(const QByteArray &bytes)
    {
        return SettingsFile::parse(bytes, QStringLiteral("in.json"));
    }

private Q_SLOTS:
    void exportHoldsTheNineFieldsOnly()
    {
        const QJsonObject server =
            QJsonDocument::fromJson(R"({"notifications": false, "preferredLanguage": "tr",
            "_id": "507f1f77bcf86cd799439011", "createdAt": "2024-01-01T00:00:00.000Z",
            "updatedAt": "2024-01-01T00:00:00.000Z", "futureField": 1})")
                .object();
        const QJsonObject written = QJsonDocument::fromJson(SettingsFile::toJson(server)).object();
        QCOMPARE(written.keys().size(), FieldTable::fields().size());
        for (const QString &key : FieldTable::keys())
            QVERIFY2(written.contains(key), qPrintable(key));
        QCOMPARE(written.value(QStringLiteral("notifications")), QJsonValue(false));
        QCOMPARE(written.value(QStringLiteral("preferredLanguage")), QJsonValue(QStringLiteral("tr")));
        // A field the account lacks is written as the backend assumes it.
        QCOMPARE(written.value(QStringLiteral("paymentNotifications")), QJsonValue(true));
    }

    void anExportReadsBackAsItWasWritten()
    {
        const QJsonObject fields = SettingsFile::fieldsOf({{QStringLiteral("followNotifications"), false}});
        const SettingsFile::Result read = parse(SettingsFile::toJson(fields));
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.values, fields);
    }

    void aSubsetOfTheFieldsIsAccepted()
    {
        const SettingsFile::Result read = parse(R"({"messageNotifications": false})");
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.values, QJsonObject({{QStringLiteral("messageNotifications"), false}}));
    }

    void everyOffendingEntryIsNamed()
    {
        const SettingsFile::Result read = parse(
            R"({"notifications": "yes", "colour": "blue", "preferredLanguage": "de", "_id": "x",
                "paymentNotifications": true})");
        QVERIFY(!read.ok());
        QVERIFY(read.values.isEmpty());
        QVERIFY2(read.error.contains(QStringLiteral("in.json cannot be used, because of these entries:\n  ")),
                 qPrintable(read.error));
        QVERIFY(read.error.contains(QStringLiteral("notifications: true or false, not \"yes\"")));
        QVERIFY(read.error.contains(QStringLiteral("colour: not a settings field")));
        QVERIFY(read.error.contains(QStringLiteral("_id: not a settings field")));
        QVERIFY(read.error.contains(
            QStringLiteral("preferredLanguage: \"de\" is not a language this app knows")));
        QVERIFY(!read.error.contains(QStringLiteral("paymentNotifications")));
        QCOMPARE(read.error.count(QLatin1Char('\n')), 4); // one line per offending entry
    }

    // A key in another case or with a slip of the keyboard is answered with the field meant.
    void aNearMissNamesTheFieldMeant()
    {
        const SettingsFile::Result read =
            parse(R"({"Notifications": false, "folowNotifications": true, "colour": "blue"})");
        QVERIFY(read.error.contains(QStringLiteral("Notifications: not a settings field (did you mean "
                                                   "notifications?)")));
        QVERIFY2(read.error.contains(QStringLiteral("folowNotifications: not a settings field (did you "
                                                    "mean followNotifications?)")),
                 qPrintable(read.error));
        QVERIFY(read.error.contains(QStringLiteral("colour: not a settings field\n")) ||
                read.error.endsWith(QStringLiteral("colour: not a settings field")));
    }

    // A person fixing the file looks for a line and a column, as the editor shows them.
    void brokenJsonIsPlacedByLineAndColumn()
    {
        const SettingsFile::Result read =
            parse("{\n  \"notifications\": false,\n  \"followNotifications\": off\n}");
        QVERIFY(!read.ok());
        QVERIFY2(read.error.contains(QStringLiteral("at line 3, column 26")), qPrintable(read.error));
        QVERIFY(read.error.contains(QStringLiteral("{\"notifications\": false")));
    }

    void wrongTypesAreNamedWithTheirValue()
    {
        const SettingsFile::Result read = parse(R"({"preferredLanguage": 7, "followNotifications": null})");
        QVERIFY(read.error.contains(QStringLiteral("preferredLanguage: a language code, not 7")));
        QVERIFY(read.error.contains(QStringLiteral("followNotifications: true or false, not null")));
    }

    void whatIsNotASettingsObjectIsRefusedWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("in.json is empty.");
        QTest::newRow("blank") << QByteArray(" \n\t") << QStringLiteral("in.json is empty.");
        QTest::newRow("not JSON") << QByteArray("notifications=off") << QStringLiteral("is not valid JSON");
        QTest::newRow("cut short") << QByteArray(R"({"notifications": fal)")
                                   << QStringLiteral("is not valid JSON");
        QTest::newRow("array") << QByteArray("[true]") << QStringLiteral("holds no JSON object");
        QTest::newRow("nothing named") << QByteArray("{}") << QStringLiteral("names no setting");
    }

    void whatIsNotASettingsObjectIsRefusedWithTheReason()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const SettingsFile::Result read = parse(bytes);
        QVERIFY(!read.ok());
        QVERIFY2(read.error.contains(reason), qPrintable(read.error));
    }

    void filesAreCheckedBeforeTheyAreRead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("missing.json"));
        QCOMPARE(SettingsFile::read(missing).error, missing + QStringLiteral(" does not exist."));
        QVERIFY(SettingsFile::read(dir.path()).error.contains(QStringLiteral("is not a file")));

        const QString large = dir.filePath(QStringLiteral("large.json"));
        QFile file(large);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Valid JSON, one byte over the limit: refused for its size alone.
        QByteArray bytes = R"({"notifications": true})";
        bytes += QByteArray(int(SettingsFile::kMaxBytes) - bytes.size() + 1, ' ');
        file.write(bytes);
        file.close();
        QVERIFY(SettingsFile::read(large).error.contains(QStringLiteral("over 64 KiB")));
        bytes.chop(1);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        QVERIFY(SettingsFile::read(large).ok());
    }

    void aStreamIsCutAtTheLimit()
    {
        QByteArray bytes = R"({"notifications": true})";
        bytes += QByteArray(int(SettingsFile::kMaxBytes), ' ');
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const SettingsFile::Result read = SettingsFile::read(&buffer, QStringLiteral("Standard input"));
        QCOMPARE(read.error, QStringLiteral("Standard input is over 64 KiB, too large for a settings file."));
    }

    void escapesInTheFileAreNotPrinted()
    {
        const SettingsFile::Result read = parse("{\"\\u001b[31mred\": true}");
        QVERIFY(!read.ok());
        QVERIFY(!read.error.contains(QChar(0x1b)));
    }
};

QTEST_GUILESS_MAIN(TestSettingsFile)
#include "tst_settingsfile.moc"
