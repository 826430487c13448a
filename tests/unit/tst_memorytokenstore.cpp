// MemoryTokenStore: the session-only store and the fake behind the TokenStore interface.
#include "auth/MemoryTokenStore.h"

#include <QTest>

#include <optional>

namespace {

struct Loaded
{
    TokenStore::Result result;
    TokenPair tokens;
};

// Runs the event loop until the store answers (callbacks are always queued).
Loaded load(TokenStore &store, const QString &origin)
{
    std::optional<Loaded> out;
    store.load(origin, [&](const TokenStore::Result &r, const TokenPair &t) { out = Loaded{r, t}; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        qFatal("load() never answered");
    return *out;
}

TokenStore::Result save(TokenStore &store, const QString &origin, const TokenPair &tokens)
{
    std::optional<TokenStore::Result> out;
    store.save(origin, tokens, [&](const TokenStore::Result &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        qFatal("save() never answered");
    return *out;
}

TokenStore::Result remove(TokenStore &store, const QString &origin)
{
    std::optional<TokenStore::Result> out;
    store.remove(origin, [&](const TokenStore::Result &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        qFatal("remove() never answered");
    return *out;
}

} // namespace

class TestMemoryTokenStore : public QObject
{
    Q_OBJECT

private slots:
    void isSessionOnly()
    {
        MemoryTokenStore store;
        QVERIFY(store.isSessionOnly());
    }

    void unknownOriginIsNotFound()
    {
        MemoryTokenStore store;
        const Loaded l = load(store, "https://api.example.test");
        QCOMPARE(l.result.status, TokenStore::Status::NotFound);
        QVERIFY(!l.result.ok());
        QVERIFY(l.result.message.contains("Not signed in"));
        QVERIFY(l.tokens.isEmpty());
    }

    void saveLoadRemove()
    {
        MemoryTokenStore store;
        const QString origin = "https://api.example.test:443";
        QVERIFY(save(store, origin, {"acc-1", "ref-1"}).ok());
        Loaded l = load(store, origin);
        QVERIFY(l.result.ok());
        QVERIFY(l.result.message.isEmpty());
        QCOMPARE(l.tokens.access, QStringLiteral("acc-1"));
        QCOMPARE(l.tokens.refresh, QStringLiteral("ref-1"));

        QVERIFY(remove(store, origin).ok());
        QCOMPARE(load(store, origin).result.status, TokenStore::Status::NotFound);
        // Removing again is still fine.
        QVERIFY(remove(store, origin).ok());
    }

    void rotationReplaces()
    {
        MemoryTokenStore store;
        const QString origin = "https://a.test";
        QVERIFY(save(store, origin, {"acc-1", "ref-1"}).ok());
        QVERIFY(save(store, origin, {"acc-2", "ref-2"}).ok());
        const Loaded l = load(store, origin);
        QCOMPARE(l.tokens.access, QStringLiteral("acc-2"));
        QCOMPARE(l.tokens.refresh, QStringLiteral("ref-2"));
    }

    void accessOnlyIsFine()
    {
        MemoryTokenStore store;
        QVERIFY(save(store, "https://a.test", {"pasted-jwt", {}}).ok());
        const Loaded l = load(store, "https://a.test");
        QVERIFY(l.result.ok());
        QCOMPARE(l.tokens.access, QStringLiteral("pasted-jwt"));
        QVERIFY(l.tokens.refresh.isEmpty());
        // Saving an empty pair forgets the origin.
        QVERIFY(save(store, "https://a.test", {}).ok());
        QCOMPARE(load(store, "https://a.test").result.status, TokenStore::Status::NotFound);
    }

    void originsAreSeparate()
    {
        MemoryTokenStore store;
        QVERIFY(save(store, "https://a.test", {"acc-a", "ref-a"}).ok());
        QVERIFY(save(store, "https://b.test", {"acc-b", "ref-b"}).ok());
        QCOMPARE(load(store, "https://a.test").tokens.access, QStringLiteral("acc-a"));
        QCOMPARE(load(store, "https://b.test").tokens.access, QStringLiteral("acc-b"));
        QVERIFY(remove(store, "https://a.test").ok());
        QCOMPARE(load(store, "https://a.test").result.status, TokenStore::Status::NotFound);
        QCOMPARE(load(store, "https://b.test").tokens.refresh, QStringLiteral("ref-b"));
    }

    void originIsSchemeHostPort_data()
    {
        QTest::addColumn<QString>("other");
        QTest::addColumn<bool>("same");
        QTest::newRow("default port written out") << "https://a.test:443" << true;
        QTest::newRow("host case") << "https://A.Test" << true;
        QTest::newRow("path and query ignored") << "https://a.test/api/v1?x=1" << true;
        QTest::newRow("trailing slash") << "https://a.test/" << true;
        QTest::newRow("other port") << "https://a.test:8443" << false;
        QTest::newRow("http") << "http://a.test" << false;
        QTest::newRow("http on 443") << "http://a.test:443" << false;
        QTest::newRow("subdomain") << "https://x.a.test" << false;
        QTest::newRow("suffix") << "https://a.test.evil" << false;
    }
    void originIsSchemeHostPort()
    {
        QFETCH(QString, other);
        QFETCH(bool, same);
        MemoryTokenStore store;
        QVERIFY(save(store, "https://a.test", {"acc", "ref"}).ok());
        const Loaded l = load(store, other);
        if (same) {
            QVERIFY(l.result.ok());
            QCOMPARE(l.tokens.access, QStringLiteral("acc"));
        } else {
            QCOMPARE(l.result.status, TokenStore::Status::NotFound);
            QVERIFY(l.tokens.isEmpty());
        }
    }

    void invalidOriginRefused_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::newRow("empty") << "";
        QTest::newRow("no scheme") << "a.test";
        QTest::newRow("ftp") << "ftp://a.test";
        QTest::newRow("no host") << "https://";
        QTest::newRow("garbage") << "::::";
    }
    void invalidOriginRefused()
    {
        QFETCH(QString, origin);
        MemoryTokenStore store;
        const TokenStore::Result r = save(store, origin, {"acc", "ref"});
        QCOMPARE(r.status, TokenStore::Status::Failed);
        QVERIFY(r.message.contains("not a valid server address"));
        QCOMPARE(load(store, origin).result.status, TokenStore::Status::Failed);
        QCOMPARE(remove(store, origin).status, TokenStore::Status::Failed);
    }

    void canonicalOrigin()
    {
        QCOMPARE(TokenStore::canonicalOrigin("HTTPS://Example.COM"),
                 QStringLiteral("https://example.com:443"));
        QCOMPARE(TokenStore::canonicalOrigin("http://localhost:8080/x"),
                 QStringLiteral("http://localhost:8080"));
        QCOMPARE(TokenStore::canonicalOrigin("http://[::1]:9000"), QStringLiteral("http://[::1]:9000"));
        QCOMPARE(TokenStore::canonicalOrigin(" https://user:pw@a.test "),
                 QStringLiteral("https://a.test:443"));
        QVERIFY(TokenStore::canonicalOrigin("file:///etc/passwd").isEmpty());
    }

    void callbacksAreQueued()
    {
        MemoryTokenStore store;
        bool called = false;
        store.save("https://a.test", {"a", "r"}, [&](const TokenStore::Result &) { called = true; });
        QVERIFY(!called); // not inside save()
        QTRY_VERIFY(called);
        called = false;
        store.load("https://a.test", [&](const TokenStore::Result &, const TokenPair &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        called = false;
        store.remove("https://a.test", [&](const TokenStore::Result &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    void stateChangesAtOnceEvenThoughCallbackIsQueued()
    {
        // A load() issued right after save() sees the saved tokens (calls are handled in order).
        MemoryTokenStore store;
        store.save("https://a.test", {"a", "r"}, {});
        const Loaded l = load(store, "https://a.test");
        QCOMPARE(l.tokens.access, QStringLiteral("a"));
    }

    // Calls without a callback are carried out all the same, and crash nothing.
    void nullCallbackIsAllowed()
    {
        MemoryTokenStore store;
        store.save("https://a.test", {"a", "r"}, nullptr);
        store.load("https://a.test", nullptr);
        QCOMPARE(load(store, "https://a.test").tokens.access, QStringLiteral("a"));
        store.remove("https://a.test", nullptr);
        QCOMPARE(load(store, "https://a.test").result.status, TokenStore::Status::NotFound);
    }

    void noCallbackAfterDestruction()
    {
        bool called = false;
        {
            MemoryTokenStore store;
            store.load("https://a.test",
                       [&](const TokenStore::Result &, const TokenPair &) { called = true; });
        }
        QTest::qWait(20);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestMemoryTokenStore)
#include "tst_memorytokenstore.moc"
