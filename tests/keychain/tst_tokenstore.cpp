// KeychainTokenStore against the real Secret Service: run through tests/scripts/with-keyring
// (a private D-Bus session with an unlocked gnome-keyring and a throw-away HOME); skipped
// otherwise, so a developer's own keychain is never touched.
// It also runs copies of itself with no reachable Secret Service to check what the user is told.
#include "auth/KeychainTokenStore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "SecretServiceControl.h"

#include <QScopeGuard>

#include <cstdio>
#include <optional>

namespace {

constexpr int WaitMs = 30000;

struct Loaded
{
    TokenStore::Result result;
    TokenPair tokens;
};

Loaded load(TokenStore &store, const QString &origin)
{
    std::optional<Loaded> out;
    store.load(origin, [&](const TokenStore::Result &r, const TokenPair &t) { out = Loaded{r, t}; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, WaitMs))
        return {{TokenStore::Status::Failed, "test: load() never answered"}, {}};
    return *out;
}

TokenStore::Result save(TokenStore &store, const QString &origin, const TokenPair &tokens)
{
    std::optional<TokenStore::Result> out;
    store.save(origin, tokens, [&](const TokenStore::Result &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, WaitMs))
        return {TokenStore::Status::Failed, "test: save() never answered"};
    return *out;
}

TokenStore::Result remove(TokenStore &store, const QString &origin)
{
    std::optional<TokenStore::Result> out;
    store.remove(origin, [&](const TokenStore::Result &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, WaitMs))
        return {TokenStore::Status::Failed, "test: remove() never answered"};
    return *out;
}

// Reads one raw keychain entry, bypassing the store, to check the layout others rely on.
std::optional<QString> rawEntry(const QString &service, const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    std::optional<QKeychain::Error> error;
    QString value;
    QObject::connect(job, &QKeychain::Job::finished, [&](QKeychain::Job *) {
        error = job->error();
        value = job->textData();
    });
    job->start();
    if (!QTest::qWaitFor([&] { return error.has_value(); }, WaitMs) || *error != QKeychain::NoError)
        return std::nullopt;
    return value;
}

const char *statusName(TokenStore::Status s)
{
    return QMetaEnum::fromType<TokenStore::Status>().valueToKey(int(s));
}

// Child mode: one load, save and remove against whatever keychain this process can reach;
// prints "op<TAB>status<TAB>message" per line.
int childMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    KeychainTokenStore store;
    const QString origin = QStringLiteral("https://child.test");
    auto print = [](const char *op, const TokenStore::Result &r) {
        std::printf("%s\t%s\t%s\n", op, statusName(r.status), qPrintable(r.message));
    };
    print("load", load(store, origin).result);
    print("save", save(store, origin, {QStringLiteral("child-access"), QStringLiteral("child-refresh")}));
    print("remove", remove(store, origin));
    std::fflush(stdout);
    return 0;
}

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Never against a real user's keychain: this test fills it, locks and unlocks it.
        if (qEnvironmentVariableIsEmpty("ALLMINE_PRIVATE_KEYRING"))
            QSKIP("Needs a throw-away keychain: run this test through tests/scripts/with-keyring");
        // Fails (instead of silently testing nothing) when the keychain is not usable.
        KeychainTokenStore store;
        const TokenStore::Result r = save(store, "https://probe.test", {"probe", "probe"});
        QVERIFY2(
            r.ok(),
            qPrintable(QStringLiteral("keychain not usable (%1): %2").arg(statusName(r.status), r.message)));
        QVERIFY(remove(store, "https://probe.test").ok());
    }

    void serviceIsTheAppId()
    {
        KeychainTokenStore store;
        QCOMPARE(store.service(), QStringLiteral(ALLMINE_APP_ID));
        QVERIFY(!store.isSessionOnly());
        QCOMPARE(KeychainTokenStore("other.service").service(), QStringLiteral("other.service"));
    }

    void saveLoadRemove()
    {
        KeychainTokenStore store;
        const QString origin = "https://api.example.test";
        QVERIFY(save(store, origin, {"acc-1", "ref-1"}).ok());
        Loaded l = load(store, origin);
        QVERIFY2(l.result.ok(), qPrintable(l.result.message));
        QVERIFY(l.result.message.isEmpty());
        QCOMPARE(l.tokens.access, QStringLiteral("acc-1"));
        QCOMPARE(l.tokens.refresh, QStringLiteral("ref-1"));

        QVERIFY(remove(store, origin).ok());
        l = load(store, origin);
        QCOMPARE(l.result.status, TokenStore::Status::NotFound);
        QVERIFY(l.tokens.isEmpty());
        // Nothing stored: removing again still succeeds.
        const TokenStore::Result again = remove(store, origin);
        QVERIFY2(again.ok(), qPrintable(again.message));
    }

    void entryLayout()
    {
        // service = app id, key = canonical origin + "/access" | "/refresh", plain text.
        KeychainTokenStore store;
        QVERIFY(save(store, "https://Layout.test/api", {"the-access", "the-refresh"}).ok());
        QCOMPARE(rawEntry(ALLMINE_APP_ID, "https://layout.test:443/access"),
                 std::optional<QString>("the-access"));
        QCOMPARE(rawEntry(ALLMINE_APP_ID, "https://layout.test:443/refresh"),
                 std::optional<QString>("the-refresh"));
        QCOMPARE(KeychainTokenStore::accessKey("https://layout.test:443"),
                 QStringLiteral("https://layout.test:443/access"));
        QCOMPARE(KeychainTokenStore::refreshKey("https://layout.test:443"),
                 QStringLiteral("https://layout.test:443/refresh"));
        QVERIFY(remove(store, "https://layout.test").ok());
        QVERIFY(!rawEntry(ALLMINE_APP_ID, "https://layout.test:443/access").has_value());
        QVERIFY(!rawEntry(ALLMINE_APP_ID, "https://layout.test:443/refresh").has_value());
    }

    void unknownOriginIsNotFound()
    {
        KeychainTokenStore store;
        const Loaded l = load(store, "https://never-signed-in.test");
        QCOMPARE(l.result.status, TokenStore::Status::NotFound);
        QVERIFY2(l.result.message.contains("Not signed in"), qPrintable(l.result.message));
        QVERIFY(l.tokens.isEmpty());
    }

    void twoOriginsKeepSeparateTokens()
    {
        KeychainTokenStore store;
        QVERIFY(save(store, "https://dev.example.test", {"dev-acc", "dev-ref"}).ok());
        QVERIFY(save(store, "https://prod.example.test", {"prod-acc", "prod-ref"}).ok());
        Loaded dev = load(store, "https://dev.example.test");
        Loaded prod = load(store, "https://prod.example.test");
        QCOMPARE(dev.tokens.access, QStringLiteral("dev-acc"));
        QCOMPARE(dev.tokens.refresh, QStringLiteral("dev-ref"));
        QCOMPARE(prod.tokens.access, QStringLiteral("prod-acc"));
        QCOMPARE(prod.tokens.refresh, QStringLiteral("prod-ref"));

        // Signing out of one leaves the other alone.
        QVERIFY(remove(store, "https://dev.example.test").ok());
        QCOMPARE(load(store, "https://dev.example.test").result.status, TokenStore::Status::NotFound);
        prod = load(store, "https://prod.example.test");
        QCOMPARE(prod.tokens.access, QStringLiteral("prod-acc"));
        QVERIFY(remove(store, "https://prod.example.test").ok());
    }

    void rotationReplaces()
    {
        KeychainTokenStore store;
        const QString origin = "https://rotate.test";
        QVERIFY(save(store, origin, {"acc-1", "ref-1"}).ok());
        QVERIFY(save(store, origin, {"acc-2", "ref-2"}).ok());
        Loaded l = load(store, origin);
        QCOMPARE(l.tokens.access, QStringLiteral("acc-2"));
        QCOMPARE(l.tokens.refresh, QStringLiteral("ref-2"));
        // A second store (another window, the next start of the app) sees the same.
        KeychainTokenStore other;
        l = load(other, origin);
        QCOMPARE(l.tokens.refresh, QStringLiteral("ref-2"));
        QVERIFY(remove(store, origin).ok());
    }

    void partialPairs()
    {
        KeychainTokenStore store;
        const QString origin = "https://partial.test";
        // A pasted access token without a refresh token.
        QVERIFY(save(store, origin, {"pasted", {}}).ok());
        Loaded l = load(store, origin);
        QVERIFY2(l.result.ok(), qPrintable(l.result.message));
        QCOMPARE(l.tokens.access, QStringLiteral("pasted"));
        QVERIFY(l.tokens.refresh.isEmpty());

        // A full pair, then an access-only pair: the stale refresh token must not survive.
        QVERIFY(save(store, origin, {"acc", "ref"}).ok());
        QVERIFY(save(store, origin, {"acc-only", {}}).ok());
        l = load(store, origin);
        QCOMPARE(l.tokens.access, QStringLiteral("acc-only"));
        QVERIFY(l.tokens.refresh.isEmpty());

        // Only a refresh token (the access token was dropped): still signed in, can refresh.
        QVERIFY(save(store, origin, {{}, "ref-only"}).ok());
        l = load(store, origin);
        QVERIFY(l.result.ok());
        QVERIFY(l.tokens.access.isEmpty());
        QCOMPARE(l.tokens.refresh, QStringLiteral("ref-only"));

        // An empty pair is a sign-out.
        QVERIFY(save(store, origin, {}).ok());
        QCOMPARE(load(store, origin).result.status, TokenStore::Status::NotFound);
    }

    void tokenForOneOriginIsNotReturnedForAnother_data()
    {
        QTest::addColumn<QString>("other");
        QTest::newRow("other port") << "https://a.test:8443";
        QTest::newRow("plain http") << "http://a.test";
        QTest::newRow("http on 443") << "http://a.test:443";
        QTest::newRow("subdomain") << "https://www.a.test";
        QTest::newRow("longer host") << "https://a.test.evil";
        QTest::newRow("host prefix") << "https://a.tes";
    }
    void tokenForOneOriginIsNotReturnedForAnother()
    {
        QFETCH(QString, other);
        KeychainTokenStore store;
        QVERIFY(save(store, "https://a.test:443", {"acc-a", "ref-a"}).ok());
        const Loaded l = load(store, other);
        QCOMPARE(l.result.status, TokenStore::Status::NotFound);
        QVERIFY(l.tokens.isEmpty());
        // The same origin spelled differently does find it.
        QCOMPARE(load(store, "https://A.test/some/path").tokens.access, QStringLiteral("acc-a"));
        QVERIFY(remove(store, "https://a.test").ok());
    }

    void invalidOriginIsRefused()
    {
        KeychainTokenStore store;
        const TokenStore::Result r = save(store, "not a url", {"acc", "ref"});
        QCOMPARE(r.status, TokenStore::Status::Failed);
        QVERIFY(r.message.contains("not a valid server address"));
        QCOMPARE(load(store, "ftp://a.test").result.status, TokenStore::Status::Failed);
    }

    // Long tokens round-trip whole; what is not a bearer token (here non-ASCII letters) is
    // refused and leaves the stored pair as it was.
    void largeTokensKeptOthersRefused()
    {
        KeychainTokenStore store;
        const QString access = QString(8000, 'x') + QStringLiteral("-._~+/==");
        const QString refresh = QStringLiteral("r-0123456789");
        QVERIFY(save(store, "https://big.test", {access, refresh}).ok());
        const TokenStore::Result refused =
            save(store, "https://big.test",
                 {QStringLiteral("x\u015f\u00e9\U0001F511"), QStringLiteral("r-\u0131")});
        QCOMPARE(refused.status, TokenStore::Status::Failed);
        const Loaded l = load(store, "https://big.test");
        QCOMPARE(l.tokens.access, access);
        QCOMPARE(l.tokens.refresh, refresh);
        QVERIFY(remove(store, "https://big.test").ok());
    }

    void callbacksAreAsynchronous()
    {
        KeychainTokenStore store;
        bool called = false;
        store.load("https://async.test",
                   [&](const TokenStore::Result &, const TokenPair &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY_WITH_TIMEOUT(called, WaitMs);
        called = false;
        store.load("bad origin", [&](const TokenStore::Result &, const TokenPair &) { called = true; });
        QVERIFY(!called); // even an answer known at once is queued
        QTRY_VERIFY(called);
    }

    void concurrentCalls()
    {
        KeychainTokenStore store;
        int answered = 0;
        for (int i = 0; i < 5; ++i) {
            store.save(QStringLiteral("https://c%1.test").arg(i), {QStringLiteral("acc-%1").arg(i), "ref"},
                       [&](const TokenStore::Result &r) {
                           QVERIFY(r.ok());
                           ++answered;
                       });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 5, WaitMs);
        for (int i = 0; i < 5; ++i) {
            const QString origin = QStringLiteral("https://c%1.test").arg(i);
            QCOMPARE(load(store, origin).tokens.access, QStringLiteral("acc-%1").arg(i));
            QVERIFY(remove(store, origin).ok());
        }
    }

    void destroyedStoreDropsCallbacks()
    {
        bool called = false;
        auto *store = new KeychainTokenStore;
        store->save("https://gone.test", {"acc", "ref"}, [&](const TokenStore::Result &) { called = true; });
        store->load("https://gone.test",
                    [&](const TokenStore::Result &, const TokenPair &) { called = true; });
        delete store; // the jobs run on and finish; nothing calls back into the dead store
        QTest::qWait(1000);
        QVERIFY(!called);
        // The keychain still works afterwards.
        KeychainTokenStore fresh;
        QVERIFY(remove(fresh, "https://gone.test").ok());
    }

    void noSecretService_data()
    {
        QTest::addColumn<QString>("busAddress"); // "<unset>": no bus at all
        QTest::newRow("bus socket missing") << "unix:path=%1/no-such-bus";
        QTest::newRow("no session bus") << "<unset>";
        // GLib then autolaunches a bus through dbus-launch, which may not be installed.
        QTest::newRow("no session bus, under X11") << "<unset-x11>";
    }
    void noSecretService()
    {
        // A copy of this test in child mode, with a session bus that cannot be reached.
        QFETCH(QString, busAddress);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("ALLMINE_TOKENSTORE_CHILD", "1");
        env.remove("DISPLAY"); // or GLib would try to autolaunch a bus through X11
        env.remove("WAYLAND_DISPLAY");
        if (busAddress.startsWith("<unset"))
            env.remove("DBUS_SESSION_BUS_ADDRESS");
        else
            env.insert("DBUS_SESSION_BUS_ADDRESS", busAddress.arg(dir.path()));
        if (busAddress == "<unset-x11>")
            env.insert("DISPLAY", ":97"); // no such display either: nothing starts, wherever it runs
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(WaitMs));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);
        const QStringList lines =
            QString::fromUtf8(child.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        for (const QString &line : lines) {
            const QStringList f = line.split('\t');
            QCOMPARE(f.size(), 3);
            QCOMPARE(f.at(1), QStringLiteral("NoBackend")); // load, save and remove alike
            QVERIFY2(f.at(2).contains("No keychain service is running"), qPrintable(line));
            QVERIFY2(f.at(2).contains("session-only"), qPrintable(line));
            QVERIFY(!f.at(2).contains("child-")); // never a token in a message
        }
        QVERIFY(!child.readAllStandardError().contains("child-"));
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("backendMessage");
        QTest::addColumn<TokenStore::Status>("status");
        QTest::addColumn<QString>("says");
        using S = TokenStore::Status;
        QTest::newRow("ok") << int(QKeychain::NoError) << "" << S::Ok << "";
        QTest::newRow("not found") << int(QKeychain::EntryNotFound) << "Entry not found" << S::NotFound
                                   << "Not signed in to https://a.test:443.";
        QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << "" << S::NoBackend
                                    << "Start one or use a session-only token.";
        QTest::newRow("not implemented")
            << int(QKeychain::NotImplemented) << "" << S::NoBackend << "session-only";
        QTest::newRow("user refused unlock")
            << int(QKeychain::AccessDeniedByUser) << "" << S::Locked << "locked";
        QTest::newRow("locked collection")
            << int(QKeychain::AccessDenied) << "Cannot create an item in a locked collection" << S::Locked
            << "Unlock it";
        QTest::newRow("access denied") << int(QKeychain::AccessDenied) << "Access to keychain denied"
                                       << S::AccessDenied << "refused access";
        QTest::newRow("could not delete")
            << int(QKeychain::CouldNotDeleteEntry) << "boom" << S::Failed << "could not delete";
        QTest::newRow("other") << int(QKeychain::OtherError) << "Something odd" << S::Failed
                               << "Something odd";
        QTest::newRow("other, no details") << int(QKeychain::OtherError) << "" << S::Failed << "no details";
        QTest::newRow("other: no default keyring")
            << int(QKeychain::OtherError)
            << QString::fromUtf8("Object does not exist at path “/org/freedesktop/secrets/collection/login”")
            << S::Failed << "no default keyring";
        QTest::newRow("other: no bus")
            << int(QKeychain::OtherError) << "Could not connect: No such file or directory" << S::NoBackend
            << "No keychain service is running";
        QTest::newRow("other: no autolaunch")
            << int(QKeychain::OtherError) << "Cannot autolaunch D-Bus without X11 $DISPLAY" << S::NoBackend
            << "No keychain service is running";
        // What the window met with no session bus on a machine without dbus-x11.
        QTest::newRow("other: no dbus-launch")
            << int(QKeychain::OtherError)
            << "Failed to execute child process \u201cdbus-launch\u201d (No such file or directory)"
            << S::NoBackend << "No keychain service is running";
        QTest::newRow("other: service unknown") << int(QKeychain::OtherError)
                                                << "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: "
                                                   "The name org.freedesktop.secrets was not "
                                                   "provided by any .service files"
                                                << S::NoBackend << "No keychain service is running";
    }
    void errorMapping()
    {
        QFETCH(int, error);
        QFETCH(QString, backendMessage);
        QFETCH(TokenStore::Status, status);
        QFETCH(QString, says);
        const TokenStore::Result r =
            KeychainTokenStore::resultFor(QKeychain::Error(error), backendMessage, "https://a.test:443");
        QCOMPARE(r.status, status);
        QCOMPARE(r.message.isEmpty(), status == TokenStore::Status::Ok);
        QVERIFY2(r.message.contains(says, Qt::CaseInsensitive), qPrintable(r.message));
    }

    // A locked keychain is not an empty one: reading says it is locked (not "not signed in"),
    // deleting says it could not (the tokens are still there once unlocked), writing says locked.
    void lockedKeychainIsNotEmpty()
    {
        KeychainTokenStore store;
        const QString origin = QStringLiteral("https://locked.test");
        QVERIFY(save(store, origin, {"acc-old", "ref-old"}).ok());
        QCOMPARE(SecretServiceControl::lockDefault(), QString());
        const auto unlock = qScopeGuard([] { SecretServiceControl::unlockDefault(); });

        const Loaded l = load(store, origin);
        QCOMPARE(l.result.status, TokenStore::Status::Locked);
        QVERIFY2(l.result.message.contains("The keychain is locked") &&
                     l.result.message.contains("Unlock it"),
                 qPrintable(l.result.message));
        QVERIFY(l.tokens.isEmpty());
        // An origin with nothing stored reads as locked too: nothing can be known while locked.
        QCOMPARE(load(store, "https://never.test").result.status, TokenStore::Status::Locked);

        const TokenStore::Result removed = remove(store, origin);
        QCOMPARE(removed.status, TokenStore::Status::Locked);
        QVERIFY2(removed.message.contains("could not be deleted"), qPrintable(removed.message));
        const TokenStore::Result cleared = save(store, origin, {});
        QCOMPARE(cleared.status, TokenStore::Status::Locked);

        // Writing needs an unlock prompt, which cannot be shown here.
        const TokenStore::Result w = save(store, origin, {"acc-new", "ref-new"});
        QCOMPARE(w.status, TokenStore::Status::Locked);
        QVERIFY2(w.message.contains("locked") && w.message.contains("session-only"), qPrintable(w.message));

        // Unlocked again: the tokens the failed deletion reported as kept are indeed there.
        QCOMPARE(SecretServiceControl::unlockDefault(), QString());
        const Loaded after = load(store, origin);
        QVERIFY2(after.result.ok(), qPrintable(after.result.message));
        QCOMPARE(after.tokens.access, QStringLiteral("acc-old"));
        QCOMPARE(after.tokens.refresh, QStringLiteral("ref-old"));
        QVERIFY(remove(store, origin).ok());
        QCOMPARE(load(store, origin).result.status, TokenStore::Status::NotFound);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("ALLMINE_TOKENSTORE_CHILD"))
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestTokenStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tokenstore.moc"
