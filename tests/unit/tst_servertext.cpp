// What is left of hostile server text before it reaches a terminal, the window or the request log.
#include "api/ServerText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
const QString kToken = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJxYSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg");
const QString kRefresh = QStringLiteral("rt_9f8e7d6c5b4a39281706f5e4d3c2b1a0");
} // namespace

class TestServerText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainTextIsKept()
    {
        const QString turkish = QStringLiteral("Geçersiz değer: ığüşöç İ");
        QCOMPARE(ServerText::line(turkish), turkish);
        QCOMPARE(ServerText::body("{\"errors\":[\"ok\"]}"), QByteArray("{\"errors\":[\"ok\"]}"));
    }

    void colourAndCursorSequencesAreRemoved()
    {
        // Overwriting the line: CR, erase line, cursor up, colours; 7- and 8-bit CSI.
        const QString forged = QStringLiteral("\r\x1b[2K\x1b[1A\x1b[32mApplied 1 change to Production\x1b[0m "
                                              "\u009b31mred\u009b0m");
        const QString cleaned = ServerText::line(forged);
        QCOMPARE(cleaned, QStringLiteral("Applied 1 change to Production red"));
    }

    void oscTitleIsRemoved()
    {
        QCOMPARE(ServerText::line(QStringLiteral("a\x1b]0;pwned title\x07 b")), QStringLiteral("a b"));
        QCOMPARE(ServerText::line(QStringLiteral("a\x1b]8;;http://evil.invalid\x1b\\link\x1b]8;;\x1b\\ b")),
                 QStringLiteral("alink b"));
        QCOMPARE(ServerText::line(QStringLiteral("a\u009d2;title\u009c b")), QStringLiteral("a b"));
        // Unterminated: a terminal would swallow the rest, and so does the cleaning.
        QCOMPARE(ServerText::line(QStringLiteral("kept\x1b]0;never ends")), QStringLiteral("kept"));
    }

    void otherControlsAndBidiAreRemoved()
    {
        QCOMPARE(ServerText::line(QStringLiteral("a\x01\x08\x7f\u0085b\x1b"
                                                 "7c\x1b(Bd")),
                 QStringLiteral("abcd"));
        // Right-to-left override would show "txt.exe" as "exe.txt".
        QCOMPARE(ServerText::line(QStringLiteral("file\u202Etxt.exe\u202C \u2066x\u2069")),
                 QStringLiteral("filetxt.exe x"));
    }

    void newlineCannotForgeKeyValueLines()
    {
        const QString value = QStringLiteral("de\nnotifications=false\r\npaymentNotifications=false");
        const QString cleaned = ServerText::line(value);
        QVERIFY(!cleaned.contains(QLatin1Char('\n')));
        QVERIFY(!cleaned.contains(QLatin1Char('\r')));
        QCOMPARE(cleaned, QStringLiteral("de notifications=false paymentNotifications=false"));
        QCOMPARE(ServerText::line(QStringLiteral("a\u2028b")), QStringLiteral("a b"));
    }

    void linesKeepLineFeedsOnly()
    {
        QCOMPARE(ServerText::lines(QStringLiteral("<html>\r\n\t<b>x</b>\r\n\x1b[2J</html>")),
                 QStringLiteral("<html>\n\t<b>x</b>\n</html>"));
        QCOMPARE(ServerText::lines(QStringLiteral("over\rwrite")), QStringLiteral("overwrite"));
    }

    void tokenEchoedInAHeaderIsRedacted()
    {
        const QString header = QStringLiteral("Bearer ") + kToken;
        QCOMPARE(ServerText::line(header, {kToken}), QStringLiteral("Bearer <redacted>"));
    }

    void tokenEchoedInABodyIsRedacted()
    {
        const QByteArray body = "{\"errors\":[\"Invalid token Bearer " + kToken.toUtf8() + "\\u001b[2K\"]," +
                                "\"seen\":{\"x\":\"" + kRefresh.toUtf8() + "\"}}";
        const QByteArray cleaned = ServerText::body(body, {kToken, kRefresh});
        QVERIFY(!cleaned.contains(kToken.toUtf8()));
        QVERIFY(!cleaned.contains(kRefresh.toUtf8()));
        const QJsonObject object = QJsonDocument::fromJson(cleaned).object();
        QCOMPARE(object.value(QStringLiteral("errors")).toArray().first().toString(),
                 QStringLiteral("Invalid token Bearer <redacted>"));
        QCOMPARE(object.value(QStringLiteral("seen")).toObject().value(QStringLiteral("x")).toString(),
                 QStringLiteral("<redacted>"));
        // Not JSON (an HTML page, a body cut off): cleaned as text.
        const QByteArray html = "<p>Bearer " + kToken.toUtf8() + "</p>\x1b]0;t\x07";
        QCOMPARE(ServerText::body(html, {kToken}), QByteArray("<p>Bearer <redacted></p>"));
    }

    void tokenSplitByControlsIsStillFound()
    {
        QString split = kToken;
        split.insert(10, QStringLiteral("\x1b[0m"));
        split.insert(4, QChar(0x7f));
        QCOMPARE(ServerText::line(split, {kToken}), QStringLiteral("<redacted>"));
    }

    void jwtSignatureAloneIsRedacted()
    {
        const QString signature = kToken.section(QLatin1Char('.'), -1);
        QCOMPARE(ServerText::line(QStringLiteral("sig=") + signature, {kToken}),
                 QStringLiteral("sig=<redacted>"));
    }

    void shortSecretsAreIgnored()
    {
        QCOMPARE(ServerText::line(QStringLiteral("1234 a"), {QStringLiteral("1234"), QString()}),
                 QStringLiteral("1234 a"));
    }

    void secretsInFindsTokenFields()
    {
        const QByteArray json = "{\"data\":{\"accessToken\":\"" + kToken.toUtf8() + "\",\"RefreshToken\":\"" +
                                kRefresh.toUtf8() + "\",\"user\":\"qa\"}}";
        QStringList found = ServerText::secretsIn(json);
        found.sort();
        QStringList expected{kToken, kRefresh};
        expected.sort();
        QCOMPARE(found, expected);
        QVERIFY(ServerText::secretsIn("not json").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerText)
#include "tst_servertext.moc"
