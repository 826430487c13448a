// BearerToken: RFC 6750's b64token syntax, the gate every token passes before it is stored or
// put in an Authorization header, and what the user is told about a bad ALLMINE_TOKEN.
#include "api/FixedTokenAuthenticator.h"
#include "auth/BearerToken.h"
#include "auth/MemoryTokenStore.h"

#include <QTest>

#include <optional>

class TestBearerToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syntax_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("valid");
        QTest::newRow("jwt") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl") << true;
        QTest::newRow("every token character") << QStringLiteral("AZaz09-._~+/") << true;
        QTest::newRow("padding") << QStringLiteral("abc==") << true;
        QTest::newRow("one character") << QStringLiteral("a") << true;
        QTest::newRow("opaque hex") << QStringLiteral("0123456789abcdef0123456789abcdef") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("padding only") << QStringLiteral("==") << false;
        QTest::newRow("padding inside") << QStringLiteral("ab=c") << false;
        QTest::newRow("CR LF header") << QStringLiteral("abc\r\nX-Evil: 1") << false;
        QTest::newRow("LF") << QStringLiteral("abc\ndef") << false;
        QTest::newRow("CR") << QStringLiteral("abc\rdef") << false;
        QTest::newRow("NUL") << QStringLiteral("abc") + QChar(0) + QStringLiteral("def") << false;
        QTest::newRow("space") << QStringLiteral("abc def") << false;
        QTest::newRow("tab") << QStringLiteral("abc\tdef") << false;
        QTest::newRow("leading space") << QStringLiteral(" abc") << false;
        QTest::newRow("Bearer prefix") << QStringLiteral("Bearer abc") << false;
        QTest::newRow("colon") << QStringLiteral("abc:def") << false;
        QTest::newRow("comma") << QStringLiteral("abc,def") << false;
        QTest::newRow("quote") << QStringLiteral("abc\"def") << false;
        QTest::newRow("non-ASCII letter") << QStringLiteral("abcé") << false;
        QTest::newRow("fullwidth digit") << QString::fromUtf8("abc\xef\xbc\x91") << false;
        QTest::newRow("DEL") << QStringLiteral("abc\x7f") << false;
        QTest::newRow("longest") << QString(BearerToken::MaxLength, QLatin1Char('a')) << true;
        QTest::newRow("too long") << QString(BearerToken::MaxLength + 1, QLatin1Char('a')) << false;
    }
    void syntax()
    {
        QFETCH(QString, token);
        QFETCH(bool, valid);
        QCOMPARE(BearerToken::isValid(token), valid);
    }

    // ALLMINE_TOKEN may come with blanks around it and a "Bearer " prefix, never with a line break
    // or a blank inside; the message never repeats the value.
    void environmentValue_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("usable");
        QTest::newRow("plain") << QStringLiteral("abc.def.ghi") << true;
        QTest::newRow("blanks and prefix") << QStringLiteral("  Bearer abc.def.ghi \n") << true;
        QTest::newRow("header injection") << QStringLiteral("abc.def.ghi\r\nX-Evil: 1") << false;
        QTest::newRow("two tokens") << QStringLiteral("abc def") << false;
        QTest::newRow("only blanks") << QStringLiteral("  \n") << false;
        QTest::newRow("too long") << QString(BearerToken::MaxLength + 1, QLatin1Char('a')) << false;
    }
    void environmentValue()
    {
        QFETCH(QString, value);
        QFETCH(bool, usable);
        const QString problem = BearerToken::environmentProblem(value);
        QCOMPARE(problem.isEmpty(), usable);
        if (!usable) {
            QVERIFY(problem.contains(QStringLiteral("ALLMINE_TOKEN")));
            QVERIFY(!problem.contains(QStringLiteral("abc")));
            QVERIFY(!problem.contains(QStringLiteral("X-Evil")));
        }
    }

    // The authenticator behind ALLMINE_TOKEN never hands out a token that would break the header.
    void fixedTokenAuthenticatorDropsAnInvalidToken()
    {
        const QString origin = QStringLiteral("http://127.0.0.1:1");
        QCOMPARE(FixedTokenAuthenticator(origin, QStringLiteral(" Bearer abc.def ")).accessToken(),
                 QStringLiteral("abc.def"));
        QVERIFY(FixedTokenAuthenticator(origin, QStringLiteral("abc\r\nX-Evil: 1")).accessToken().isEmpty());
    }

    // Nothing that is not a token is kept, and the pair stored before stays as it was.
    void storeRefusesWhatIsNotAToken()
    {
        MemoryTokenStore store;
        const QString origin = QStringLiteral("https://example.invalid");
        auto save = [&](const TokenPair &tokens) {
            std::optional<TokenStore::Result> out;
            store.save(origin, tokens, [&](const TokenStore::Result &r) { out = r; });
            if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
                return TokenStore::Result{TokenStore::Status::Failed, QStringLiteral("no answer")};
            return out.value_or(TokenStore::Result{TokenStore::Status::Failed, QStringLiteral("no answer")});
        };
        QVERIFY(save({QStringLiteral("good.access"), QStringLiteral("goodrefresh")}).ok());
        QCOMPARE(save({QStringLiteral("bad\r\nX-Evil: 1"), QStringLiteral("r")}).status,
                 TokenStore::Status::Failed);
        QCOMPARE(save({QStringLiteral("a"), QStringLiteral("bad refresh")}).status,
                 TokenStore::Status::Failed);
        std::optional<TokenPair> kept;
        store.load(origin, [&](const TokenStore::Result &, const TokenPair &t) { kept = t; });
        QVERIFY(QTest::qWaitFor([&] { return kept.has_value(); }, 5000));
        QCOMPARE(kept->access, QStringLiteral("good.access"));
        QCOMPARE(kept->refresh, QStringLiteral("goodrefresh"));
    }
};

QTEST_GUILESS_MAIN(TestBearerToken)
#include "tst_bearertoken.moc"
