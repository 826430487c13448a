#include "cli/AssignmentParser.h"
#include "cli/CliOptions.h"
#include "servers/ServerProfile.h"

#include <QTest>

class TestCliParsing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void booleanSpellings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("value");
        for (const char *word : {"true", "on", "yes", "1", "TRUE", "On"})
            QTest::newRow(word) << QString::fromLatin1(word) << true;
        for (const char *word : {"false", "off", "no", "0", "No"})
            QTest::newRow(word) << QString::fromLatin1(word) << false;
    }
    void booleanSpellings()
    {
        QFETCH(QString, text);
        QFETCH(bool, value);
        const auto result = AssignmentParser::parse({QStringLiteral("notifications=") + text});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.values.value(QStringLiteral("notifications")), QJsonValue(value));
    }

    void rejectsWithAClearMessage_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key") << QStringList{QStringLiteral("colour=red")} << QStringLiteral("Keys:");
        QTest::newRow("no equals") << QStringList{QStringLiteral("colour")} << QStringLiteral("KEY=VALUE");
        QTest::newRow("no value") << QStringList{QStringLiteral("notifications")}
                                  << QStringLiteral("notifications=VALUE, where VALUE is true or false");
        QTest::newRow("bad bool") << QStringList{QStringLiteral("notifications=maybe")}
                                  << QStringLiteral("maybe");
        QTest::newRow("bad language")
            << QStringList{QStringLiteral("preferredLanguage=de")} << QStringLiteral("en, tr");
        QTest::newRow("server field") << QStringList{QStringLiteral("_id=1")} << QStringLiteral("Keys:");
        QTest::newRow("contradiction")
            << QStringList{QStringLiteral("notifications=on"), QStringLiteral("notifications=off")}
            << QStringLiteral("two different values");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("KEY=VALUE");
    }
    void rejectsWithAClearMessage()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, mentions);
        const auto result = AssignmentParser::parse(words);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(mentions), qPrintable(result.error));
    }

    void aNearMissNamesTheFieldMeant_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("meant");
        QTest::newRow("case") << QStringLiteral("Notifications=off") << QStringLiteral("notifications");
        QTest::newRow("letter left out")
            << QStringLiteral("messageNotification=off") << QStringLiteral("messageNotifications");
        QTest::newRow("letters swapped")
            << QStringLiteral("preferedLanguage=en") << QStringLiteral("preferredLanguage");
        QTest::newRow("no equals") << QStringLiteral("notifcations") << QStringLiteral("notifications");
        QTest::newRow("another word") << QStringLiteral("colour=red") << QString();
    }
    void aNearMissNamesTheFieldMeant()
    {
        QFETCH(QString, word);
        QFETCH(QString, meant);
        const auto result = AssignmentParser::parse({word});
        QVERIFY(!result.ok());
        if (meant.isEmpty())
            QVERIFY2(!result.error.contains(QStringLiteral("did you mean")), qPrintable(result.error));
        else
            QVERIFY2(result.error.contains(QStringLiteral("(did you mean %1?)").arg(meant)),
                     qPrintable(result.error));
    }

    // One run names every word that must change, not only the first; nothing is kept from it.
    void everyBadWordIsNamed()
    {
        const auto result = AssignmentParser::parse(
            {QStringLiteral("colour=red"), QStringLiteral("paymentNotifications=off"),
             QStringLiteral("notifications=maybe"), QStringLiteral("preferredLanguage=de")});
        QVERIFY(!result.ok());
        QVERIFY(result.values.isEmpty());
        for (const char *named : {"colour=red", "maybe", "\"de\"", "Keys:"})
            QVERIFY2(result.error.contains(QLatin1String(named)), qPrintable(result.error));
        QVERIFY(!result.error.contains(QStringLiteral("paymentNotifications=off")));
        QCOMPARE(result.error.count(QLatin1Char('\n')), 3);
    }

    void optionsAnywhere()
    {
        const CliOptions options =
            CliOptions::parse({QStringLiteral("set"), QStringLiteral("--server"), QStringLiteral("prod"),
                               QStringLiteral("notifications=off"), QStringLiteral("--dry-run"),
                               QStringLiteral("--timeout=2")});
        QVERIFY(options.error.isEmpty());
        QCOMPARE(options.words, (QStringList{QStringLiteral("set"), QStringLiteral("notifications=off")}));
        QCOMPARE(options.value(QStringLiteral("server")), QStringLiteral("prod"));
        QCOMPARE(options.value(QStringLiteral("timeout")), QStringLiteral("2"));
        QVERIFY(options.has(QStringLiteral("dry-run")));
        QVERIFY(!CliOptions::parse({QStringLiteral("--bogus")}).error.isEmpty());
        QVERIFY(!CliOptions::parse({QStringLiteral("get"), QStringLiteral("--server")}).error.isEmpty());
    }

    // A timeout that is not a finite number of seconds in range is bad usage: NaN, an infinity
    // or 0 would otherwise switch the time limit off, and a huge one leaves a hung server unbounded.
    void timeoutOutOfRangeIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : {"nan", "NaN", "-nan", "inf", "-inf", "infinity", "0", "-0", "-5", "0.5",
                                 "3601", "1e9", "1e400", "2147484", "abc", "", "5s"})
            QTest::newRow(text) << QString::fromLatin1(text);
    }
    void timeoutOutOfRangeIsRefused()
    {
        QFETCH(QString, text);
        for (const QStringList &line :
             {QStringList{QStringLiteral("get"), QStringLiteral("--timeout"), text},
              QStringList{QStringLiteral("--timeout=") + text, QStringLiteral("get")}}) {
            const CliOptions options = CliOptions::parse(line);
            QVERIFY2(options.error.contains(QStringLiteral("from 1 to 3600")), qPrintable(options.error));
        }
    }

    void timeoutInRangeIsKept_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("milliseconds");
        QTest::newRow("1") << QStringLiteral("1") << 1000;
        QTest::newRow("2.5") << QStringLiteral("2.5") << 2500;
        QTest::newRow("3600") << QStringLiteral("3600") << 3600000;
    }
    void timeoutInRangeIsKept()
    {
        QFETCH(QString, text);
        QFETCH(int, milliseconds);
        const CliOptions options =
            CliOptions::parse({QStringLiteral("get"), QStringLiteral("--timeout"), text});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QCOMPARE(options.timeoutMs, milliseconds);
    }

    void plainHttpOnlyForLoopback()
    {
        QVERIFY(ServerProfile::checkBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080"))).isEmpty());
        QVERIFY(ServerProfile::checkBaseUrl(QUrl(QStringLiteral("http://localhost:8080"))).isEmpty());
        QVERIFY(ServerProfile::checkBaseUrl(QUrl(QStringLiteral("http://[::1]:8080"))).isEmpty());
        QVERIFY(ServerProfile::checkBaseUrl(QUrl(QStringLiteral("https://api.example.test"))).isEmpty());
        QVERIFY(!ServerProfile::checkBaseUrl(QUrl(QStringLiteral("http://api.example.test"))).isEmpty());
        QVERIFY(!ServerProfile::checkBaseUrl(QUrl(QStringLiteral("ftp://127.0.0.1"))).isEmpty());
        QVERIFY(!ServerProfile::checkBaseUrl(QUrl(QStringLiteral("https://user:pw@host"))).isEmpty());
    }

    void originsDifferByPortAndScheme()
    {
        const QString a = ServerProfile::originOf(QUrl(QStringLiteral("https://Host.test/api")));
        QCOMPARE(a, QStringLiteral("https://host.test:443"));
        QVERIFY(a != ServerProfile::originOf(QUrl(QStringLiteral("https://host.test:8443"))));
        QVERIFY(a != ServerProfile::originOf(QUrl(QStringLiteral("http://host.test:443"))));
    }
};

QTEST_GUILESS_MAIN(TestCliParsing)
#include "tst_cliparsing.moc"
