// JwtInspector: normalizing pasted tokens and reading their claims without a key.
#include "auth/JwtInspector.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

namespace {

QString b64url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString makeToken(const QJsonObject &payload, const QJsonObject &header = {{"alg", "HS256"}, {"typ", "JWT"}})
{
    return b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
           b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' +
           b64url("not-a-real-signature");
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare") << "abc.def.ghi"
                              << "abc.def.ghi";
        QTest::newRow("whitespace") << "  \t abc.def.ghi \n\r\n"
                                    << "abc.def.ghi";
        QTest::newRow("Bearer") << "Bearer abc.def.ghi"
                                << "abc.def.ghi";
        QTest::newRow("bearer lower") << "bearer abc.def.ghi"
                                      << "abc.def.ghi";
        QTest::newRow("BEARER upper, tabs, spaces") << "  BEARER \t abc.def.ghi  "
                                                    << "abc.def.ghi";
        QTest::newRow("Authorization header") << "Authorization: Bearer abc.def.ghi"
                                              << "abc.def.ghi";
        QTest::newRow("no space after Bearer") << "Bearerabc.def.ghi"
                                               << "Bearerabc.def.ghi";
        QTest::newRow("only Bearer") << "Bearer"
                                     << "Bearer";
        QTest::newRow("Bearer and spaces") << "Bearer   "
                                           << "Bearer";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("only whitespace") << " \n "
                                         << "";
        QTest::newRow("inner text kept") << "Bearer a b"
                                         << "a b";
    }
    void normalize()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, expected);
        QCOMPARE(JwtInspector::normalize(pasted), expected);
    }

    void validTokenGivesSubjectAndExpiry()
    {
        const QDateTime exp = QDateTime::fromSecsSinceEpoch(2000000000, Qt::UTC);
        const QString token =
            makeToken({{"sub", "64f0c0ffee"}, {"exp", 2000000000}, {"roles", QJsonArray{"user"}}});
        const JwtInfo info = JwtInspector::inspect(token);
        QVERIFY2(info.valid, qPrintable(info.error));
        QVERIFY(info.error.isEmpty());
        QCOMPARE(info.subject, QStringLiteral("64f0c0ffee"));
        QCOMPARE(info.expiry, exp);
        QCOMPARE(info.expiry.timeSpec(), Qt::UTC);
        QCOMPARE(info.payload.value("roles").toArray().first().toString(), QStringLiteral("user"));

        const QDateTime before = exp.addSecs(-3600);
        QVERIFY(!info.isExpired(before));
        QVERIFY(!info.expiresWithin(60, before));
        QVERIFY(info.expiresWithin(3600, before));
        QVERIFY(info.isExpired(exp)); // expired at the exp second itself
        QVERIFY(info.isExpired(exp.addSecs(1)));
    }

    void normalizedBearerTokenIsValid()
    {
        const QString token = makeToken({{"sub", "u1"}});
        QVERIFY(JwtInspector::inspect(JwtInspector::normalize("  Bearer " + token + "\n")).valid);
        // Not normalized: the prefix makes it invalid, with a reason.
        const JwtInfo raw = JwtInspector::inspect("Bearer " + token);
        QVERIFY(!raw.valid);
        QVERIFY(!raw.error.isEmpty());
    }

    void expiredToken()
    {
        const JwtInfo info = JwtInspector::inspect(makeToken({{"sub", "u"}, {"exp", 1000000000}}));
        QVERIFY(info.valid);
        QVERIFY(info.isExpired());
        QVERIFY(info.expiresWithin(0));
        QCOMPARE(info.expiry, QDateTime::fromSecsSinceEpoch(1000000000, Qt::UTC));
    }

    void fractionalExpiry()
    {
        const JwtInfo info = JwtInspector::inspect(makeToken({{"exp", 1700000000.5}}));
        QVERIFY(info.valid);
        QCOMPARE(info.expiry, QDateTime::fromMSecsSinceEpoch(1700000000500LL, Qt::UTC));
    }

    void noExpiry()
    {
        const JwtInfo info = JwtInspector::inspect(makeToken({{"sub", "u"}}));
        QVERIFY(info.valid);
        QVERIFY(!info.expiry.isValid());
        QVERIFY(!info.isExpired());
        QVERIFY(!info.expiresWithin(1000000000));
    }

    void numericSubject()
    {
        const JwtInfo info = JwtInspector::inspect(makeToken({{"sub", 12345}}));
        QVERIFY(info.valid);
        QCOMPARE(info.subject, QStringLiteral("12345"));
        QVERIFY(JwtInspector::inspect(makeToken({{"sub", QJsonObject{}}})).subject.isEmpty());
    }

    void badExpiry_data()
    {
        QTest::addColumn<QJsonValue>("exp");
        QTest::newRow("string") << QJsonValue("tomorrow");
        QTest::newRow("negative") << QJsonValue(-5);
        QTest::newRow("after year 9999") << QJsonValue(1e18);
        QTest::newRow("object") << QJsonValue(QJsonObject{});
        QTest::newRow("bool") << QJsonValue(true);
    }
    void badExpiry()
    {
        QFETCH(QJsonValue, exp);
        const JwtInfo info = JwtInspector::inspect(makeToken({{"sub", "u"}, {"exp", exp}}));
        QVERIFY(!info.valid);
        QVERIFY(info.error.contains("exp"));
    }

    void paddedPartsAccepted()
    {
        // Padding is optional: a token made with '=' padding is read the same.
        const QByteArray header = QJsonDocument(QJsonObject{{"alg", "none"}}).toJson(QJsonDocument::Compact);
        const QByteArray payload = QJsonDocument(QJsonObject{{"sub", "ab"}}).toJson(QJsonDocument::Compact);
        const QString token = QString::fromLatin1(header.toBase64(QByteArray::Base64UrlEncoding)) + '.' +
                              QString::fromLatin1(payload.toBase64(QByteArray::Base64UrlEncoding)) + '.';
        QVERIFY(token.contains('='));
        const JwtInfo info = JwtInspector::inspect(token);
        QVERIFY2(info.valid, qPrintable(info.error)); // empty signature: unsigned token, still readable
        QCOMPARE(info.subject, QStringLiteral("ab"));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("errorPart"); // a word the explanation must contain
        const QString h = b64url(R"({"alg":"HS256"})");
        const QString p = b64url(R"({"sub":"u"})");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("one part") << h << "three parts";
        QTest::newRow("two parts") << h + '.' + p << "three parts";
        QTest::newRow("four parts") << h + '.' + p + ".c2ln.eHg"
                                    << "three parts";
        QTest::newRow("dots only") << ".."
                                   << "empty";
        QTest::newRow("empty payload") << h + "..c2ln"
                                       << "empty";
        QTest::newRow("bad base64 char") << h + '.' + p.left(4) + "*" + p.mid(4) + ".c2ln"
                                         << "base64url";
        QTest::newRow("standard base64 '+'") << h + ".ab+/.c2ln"
                                             << "base64url";
        QTest::newRow("impossible length") << h + ".abcde.c2ln"
                                           << "base64url";
        QTest::newRow("too much padding") << h + ".ab===.c2ln"
                                          << "base64url";
        QTest::newRow("padding inside") << h + ".ab=c.c2ln"
                                        << "base64url";
        QTest::newRow("bad signature") << h + '.' + p + ".%%%"
                                       << "signature";
        QTest::newRow("payload not JSON") << h + '.' + b64url("hello world") + ".c2ln"
                                          << "payload";
        QTest::newRow("payload JSON array") << h + '.' + b64url("[1,2]") + ".c2ln"
                                            << "payload";
        QTest::newRow("payload JSON string") << h + '.' + b64url("\"x\"") + ".c2ln"
                                             << "payload";
        QTest::newRow("header not JSON") << b64url("{nope") + '.' + p + ".c2ln"
                                         << "header";
        QTest::newRow("inner space") << h + ". " + p + ".c2ln"
                                     << "spaces";
        QTest::newRow("inner newline") << h + '.' + p + "\n.c2ln"
                                       << "spaces";
        QTest::newRow("non-ASCII") << h + '.' + p + QString::fromUtf8(".c2ln\u00e9") << "signature";
        QTest::newRow("deep JSON nesting") << h + '.' + b64url(QByteArray(3000, '[')) + ".c2ln"
                                           << "payload";
    }
    void invalid()
    {
        QFETCH(QString, token);
        QFETCH(QString, errorPart);
        const JwtInfo info = JwtInspector::inspect(token);
        QVERIFY(!info.valid);
        QVERIFY2(info.error.contains(errorPart, Qt::CaseInsensitive), qPrintable(info.error));
        QVERIFY(info.subject.isEmpty());
        QVERIFY(!info.expiry.isValid());
        QVERIFY(info.payload.isEmpty());
    }

    void hugeInput()
    {
        // Just over the limit: refused before any decoding, however well formed.
        QString big = makeToken({{"sub", "u"}, {"pad", QString(JwtInspector::MaxTokenLength, 'x')}});
        QVERIFY(big.size() > JwtInspector::MaxTokenLength);
        JwtInfo info = JwtInspector::inspect(big);
        QVERIFY(!info.valid);
        QVERIFY2(info.error.contains("too long"), qPrintable(info.error));

        // Megabytes of dots, or of one character: rejected at once.
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!JwtInspector::inspect(QString(8 * 1024 * 1024, '.')).valid);
        QVERIFY(!JwtInspector::inspect(QString(8 * 1024 * 1024, 'a')).valid);
        QVERIFY(timer.elapsed() < 2000);

        // Exactly at the limit is still inspected.
        const QString head = b64url(R"({"alg":"none"})") + '.';
        QString atLimit = head + QString(JwtInspector::MaxTokenLength - head.size() - 1, 'A') + '.';
        QCOMPARE(atLimit.size(), JwtInspector::MaxTokenLength);
        info = JwtInspector::inspect(atLimit);
        QVERIFY(!info.valid); // NUL bytes (or an impossible length), not JSON
        QVERIFY(!info.error.contains("too long"));
    }

    void randomInputNeverCrashes()
    {
        // A small built-in fuzz pass (the real fuzzer lives in tests/fuzz): random mixes of the
        // characters a token is made of, and mutations of a valid token.
        QRandomGenerator rng(20240601);
        const QString alphabet = QStringLiteral("AZaz09-_.=+/ {}\"\\:\n\u00e9");
        const QString good = makeToken({{"sub", "u"}, {"exp", 2000000000}});
        for (int i = 0; i < 20000; ++i) {
            QString s;
            if (i % 2) {
                const int len = int(rng.bounded(200));
                for (int j = 0; j < len; ++j)
                    s += alphabet.at(int(rng.bounded(alphabet.size())));
            } else {
                s = good;
                const int edits = 1 + int(rng.bounded(4));
                for (int j = 0; j < edits; ++j)
                    s[int(rng.bounded(s.size()))] = alphabet.at(int(rng.bounded(alphabet.size())));
            }
            const JwtInfo info = JwtInspector::inspect(s);
            QVERIFY(info.valid == info.error.isEmpty());
            (void)JwtInspector::normalize(s);
        }
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
