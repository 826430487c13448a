#include "api/CurlCommand.h"

#include <QTest>

class TestCurlCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getWithRedactedTokenUsesTheVariable()
    {
        RequestRecord record;
        record.method = "GET";
        record.url = QUrl(QStringLiteral("http://127.0.0.1:8080/api/v1/user-settings"));
        record.requestHeaders = {{"Accept", "application/json"}, {"Authorization", RequestRecord::kRedacted}};
        const QString command = CurlCommand::fromRecord(record);
        QCOMPARE(command, QStringLiteral("curl -H 'Accept: application/json' "
                                         "-H \"Authorization: Bearer $ALLMINE_TOKEN\" "
                                         "'http://127.0.0.1:8080/api/v1/user-settings'"));
        QVERIFY(!command.contains(QStringLiteral("redacted")));
    }

    void patchCarriesMethodAndQuotedBody()
    {
        RequestRecord record;
        record.method = "PATCH";
        record.url = QUrl(QStringLiteral("https://example.com/api/v1/user-settings"));
        record.requestBody = "{\"name\":\"it's\"}";
        const QString command = CurlCommand::fromRecord(record);
        QVERIFY(command.startsWith(QStringLiteral("curl -X PATCH ")));
        QVERIFY2(command.contains(QStringLiteral("--data-raw '{\"name\":\"it'\\''s\"}'")),
                 qPrintable(command));
    }

    void shellQuote()
    {
        QCOMPARE(CurlCommand::shellQuote(QStringLiteral("a b")), QStringLiteral("'a b'"));
        QCOMPARE(CurlCommand::shellQuote(QStringLiteral("$HOME")), QStringLiteral("'$HOME'"));
        QCOMPARE(CurlCommand::shellQuote(QStringLiteral("'")), QStringLiteral("''\\'''"));
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
