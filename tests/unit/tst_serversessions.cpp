// ServerSessions without a window: which server ALLMINE_TOKEN belongs to, which sessions survive
// an edit of the servers, and that only the active server is heard. Two real sandboxes stand
// for two servers; tokens are kept in memory.
#include "SandboxProcess.h"
#include "TestEnv.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "auth/MemoryTokenStore.h"
#include "servers/AppSettings.h"
#include "servers/ServerRegistry.h"
#include "session/ServerContext.h"
#include "session/ServerSessions.h"
#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <memory>

namespace {
const QString kUser = QStringLiteral("qa@example.com");
const QString kPayment = QStringLiteral("paymentNotifications");
constexpr int kWaitMs = 20000; // a loaded machine; QTRY returns as soon as it can

QJsonObject defaults()
{
    QJsonObject all;
    for (const FieldSpec &field : FieldTable::fields())
        all.insert(field.jsonKey(), field.defaultValue());
    return all;
}

QString originOf(const SandboxProcess &sandbox)
{
    return ServerProfile::originOf(sandbox.baseUrl());
}

bool loaded(const ServerContext *context)
{
    return context && context->model()->isLoaded() && !context->session()->isLoading();
}

// Keeps tokens like the keychain would, as far as ServerSessions can tell.
class LastingStore : public MemoryTokenStore
{
public:
    bool isSessionOnly() const override { return false; }
};
} // namespace

class TestServerSessions : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_dev;   // where "dev" points at first
    std::unique_ptr<SandboxProcess> m_other; // where "staging" points
    std::unique_ptr<MemoryTokenStore> m_store;
    SandboxProcess::Tokens m_devTokens;
    SandboxProcess::Tokens m_otherTokens;

    ServerSessions::Options options(const QString &fixedToken = {}) const
    {
        return {QStringLiteral("dev"), {}, fixedToken, m_store.get()};
    }

    // Signed in to both sandboxes, as if the keychain had the tokens.
    void signInToBoth()
    {
        m_store->save(originOf(*m_dev), {m_devTokens.access, m_devTokens.refresh}, {});
        m_store->save(originOf(*m_other), {m_otherTokens.access, m_otherTokens.refresh}, {});
    }

    // Once `context` has loaded, changes one field there without applying it: the edits made.
    static QJsonObject loadAndEdit(ServerContext *context)
    {
        if (!QTest::qWaitFor([context] { return loaded(context); }, kWaitMs))
            return {};
        context->model()->setValue(kPayment, !context->model()->value(kPayment).toBool());
        return context->model()->edits();
    }

    static bool sent(SandboxProcess &sandbox, const QString &token)
    {
        const QStringList authorizations =
            SandboxProcess::headerOf(sandbox.requests(), QStringLiteral("authorization"));
        return std::any_of(authorizations.begin(), authorizations.end(),
                           [&](const QString &authorization) { return authorization.contains(token); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_env.applyToCurrentProcess();
        QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
        QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
        m_dev = std::make_unique<SandboxProcess>();
        m_other = std::make_unique<SandboxProcess>();
        QVERIFY(m_dev->isRunning() && m_other->isRunning());
        m_devTokens = m_dev->mintToken(kUser);
        m_otherTokens = m_other->mintToken(kUser);
        QVERIFY(!m_devTokens.access.isEmpty() && !m_otherTokens.access.isEmpty());
    }

    void init()
    {
        ServerRegistry registry;
        QCOMPARE(registry.set(QStringLiteral("dev"), m_dev->baseUrl()), QString());
        QCOMPARE(registry.set(QStringLiteral("staging"), m_other->baseUrl()), QString());
        registry.setActiveName(QStringLiteral("dev"));
        AppSettings::open()->remove(QStringLiteral("drafts"));
        for (SandboxProcess *sandbox : {m_dev.get(), m_other.get()}) {
            sandbox->reset();
            sandbox->setSettings(kUser, defaults());
        }
        m_store = std::make_unique<MemoryTokenStore>();
    }

    // The server to start on: the one asked for, else the last active one, else Development.
    void startServerIsTheLastActiveOne()
    {
        {
            ServerSessions sessions({QStringLiteral("staging"), {}, {}, m_store.get()});
            QCOMPARE(sessions.startServer(), QStringLiteral("staging"));
            sessions.activate(QStringLiteral("staging"));
        }
        QCOMPARE(ServerSessions({{}, {}, {}, m_store.get()}).startServer(), QStringLiteral("staging"));
        QCOMPARE(ServerSessions({QStringLiteral("nowhere"), {}, {}, m_store.get()}).startServer(),
                 QStringLiteral("dev"));
    }

    // ALLMINE_TOKEN is sent to the start server at its start address, to no other server, and not
    // to the start server once its address was edited (here: to the other sandbox, where the
    // store has a sign-in, so a request is made either way).
    void fixedTokenStaysWithTheStartServerAtItsStartAddress()
    {
        m_store->save(originOf(*m_other), {m_otherTokens.access, m_otherTokens.refresh}, {});
        ServerSessions sessions(options(m_devTokens.access));
        ServerContext *dev = sessions.activate(QStringLiteral("dev"));
        QVERIFY(dev->usesFixedToken());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(dev), kWaitMs);
        QVERIFY(sent(*m_dev, m_devTokens.access));

        ServerContext *staging = sessions.activate(QStringLiteral("staging"));
        QVERIFY(!staging->usesFixedToken());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(staging), kWaitMs);

        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), m_other->baseUrl()), QString());
        sessions.reconcile(ServerRegistry());
        dev = sessions.activate(QStringLiteral("dev"));
        QCOMPARE(dev->server().baseUrl, m_other->baseUrl());
        QVERIFY(!dev->usesFixedToken());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(dev), kWaitMs);
        QVERIFY(sent(*m_other, m_otherTokens.access));
        QVERIFY(!sent(*m_other, m_devTokens.access));
    }

    // --base-url moves the start server for this run: not stored, not undone by an edit of the
    // servers, and the fixed token goes there.
    void baseUrlMovesTheStartServerForThisRunOnly()
    {
        ServerSessions sessions(
            {QStringLiteral("dev"), m_other->baseUrl(), m_otherTokens.access, m_store.get()});
        ServerContext *dev = sessions.activate(QStringLiteral("dev"));
        QCOMPARE(dev->server().baseUrl, m_other->baseUrl());
        QVERIFY(dev->usesFixedToken());
        QCOMPARE(ServerRegistry().find(QStringLiteral("dev"))->baseUrl, m_dev->baseUrl());
        const QList<ServerProfile> shown = sessions.servers(ServerRegistry());
        const auto devShown = std::find_if(shown.begin(), shown.end(), [](const ServerProfile &p) {
            return p.name == QLatin1String("dev");
        });
        QVERIFY(devShown != shown.end());
        QCOMPARE(devShown->baseUrl, m_other->baseUrl());

        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), m_dev->baseUrl(), QStringLiteral("/tmp/ca.pem")),
                 QString());
        sessions.reconcile(ServerRegistry());
        QCOMPARE(sessions.active(), dev);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(dev), kWaitMs);
        QVERIFY(sent(*m_other, m_otherTokens.access));
        QCOMPARE(m_dev->requests().size(), 0);
    }

    // A server whose address and CA stayed keeps its context: loaded, signed in, edits and all.
    // One whose CA changed gets a new one.
    void unchangedSessionsSurviveReconcile()
    {
        signInToBoth();
        ServerSessions sessions(options());
        const QPointer<ServerContext> dev = sessions.activate(QStringLiteral("dev"));
        const QJsonObject edits = loadAndEdit(dev);
        QVERIFY(!edits.isEmpty());
        const QPointer<ServerContext> staging = sessions.context(QStringLiteral("staging"));

        QCOMPARE(ServerRegistry().set(QStringLiteral("staging"), m_other->baseUrl(),
                                      QStringLiteral("/tmp/ca.pem")),
                 QString());
        QSignalSpy activeChanged(&sessions, &ServerSessions::activeChanged);
        sessions.reconcile(ServerRegistry());
        QVERIFY(dev);
        QCOMPARE(sessions.active(), dev.data());
        QCOMPARE(activeChanged.count(), 0);
        QVERIFY(loaded(dev));
        QVERIFY(dev->account()->isSignedIn());
        QCOMPARE(dev->model()->edits(), edits);

        QVERIFY(!staging);
        QCOMPARE(sessions.context(QStringLiteral("staging"))->server().caFile, QStringLiteral("/tmp/ca.pem"));
    }

    // The active server's address changed: it is rebuilt at the new address, its unsent edits
    // are put back once the new address has loaded, and its token is never sent there.
    void changedSessionCarriesItsEditsButNotItsToken()
    {
        signInToBoth();
        ServerSessions sessions(options());
        const QPointer<ServerContext> before = sessions.activate(QStringLiteral("dev"));
        const QJsonObject edits = loadAndEdit(before);
        QVERIFY(!edits.isEmpty());

        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), m_other->baseUrl()), QString());
        QSignalSpy activeChanged(&sessions, &ServerSessions::activeChanged);
        sessions.reconcile(ServerRegistry());
        QVERIFY(!before);
        QCOMPARE(activeChanged.count(), 1);
        ServerContext *after = sessions.active();
        QCOMPARE(activeChanged.first().first().value<ServerContext *>(), after);
        QCOMPARE(after->server().name, QStringLiteral("dev"));
        QCOMPARE(after->server().baseUrl, m_other->baseUrl());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(after), kWaitMs);
        QCOMPARE(after->model()->edits(), edits);
        QVERIFY(sent(*m_other, m_otherTokens.access));
        QVERIFY(!sent(*m_other, m_devTokens.access));
    }

    // The keychain cannot be used: every server keeps its tokens in memory from now on, also
    // one not shown and one first used later.
    void sessionOnlyStorageReachesEverySession()
    {
        LastingStore lasting;
        ServerSessions sessions({QStringLiteral("dev"), {}, {}, &lasting});
        sessions.activate(QStringLiteral("dev"));
        ServerContext *staging = sessions.context(QStringLiteral("staging"));
        QCOMPARE(staging->account()->store(), &lasting);

        sessions.useSessionOnlyStore();
        for (const QString &name :
             {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}) {
            const TokenStore *store = sessions.context(name)->account()->store();
            QVERIFY2(store != &lasting && store->isSessionOnly(), qPrintable(name));
        }
    }

    // What another server reports (its edits, its failures) is not heard; the active one's is.
    void onlyTheActiveSessionIsHeard()
    {
        signInToBoth();
        ServerSessions sessions(options());
        ServerContext *dev = sessions.activate(QStringLiteral("dev"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(dev), kWaitMs);
        ServerContext *staging = sessions.activate(QStringLiteral("staging"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(staging), kWaitMs);
        QSignalSpy changed(&sessions, &ServerSessions::changed);
        QSignalSpy failed(&sessions, &ServerSessions::failed);

        QVERIFY(!loadAndEdit(dev).isEmpty());
        m_dev->addFault(
            {{QStringLiteral("fault"), QStringLiteral("status")}, {QStringLiteral("status"), 500}});
        dev->session()->load();
        QTRY_VERIFY_WITH_TIMEOUT(dev->lastError().isError(), kWaitMs);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(failed.count(), 0);

        QVERIFY(!loadAndEdit(staging).isEmpty());
        QVERIFY(changed.count() > 0);
        m_other->addFault(
            {{QStringLiteral("fault"), QStringLiteral("status")}, {QStringLiteral("status"), 500}});
        staging->session()->load();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    }

    // The first server answers after the user moved on: its answer is dropped, not shown, and
    // the server now shown keeps its own values.
    void lateAnswerAfterASwitchIsDropped()
    {
        signInToBoth();
        const bool payment = defaults().value(kPayment).toBool();
        QJsonObject devSettings = defaults();
        devSettings.insert(kPayment, !payment);
        m_dev->setSettings(kUser, devSettings);
        m_dev->addFault({{QStringLiteral("fault"), QStringLiteral("slow")},
                         {QStringLiteral("delayMs"), 1000},
                         {QStringLiteral("path"), QString::fromLatin1(SettingsSession::kPath)}});
        ServerSessions sessions(options());
        QSignalSpy settled(&sessions, &ServerSessions::settled);
        ServerContext *dev = sessions.activate(QStringLiteral("dev"));
        QTRY_VERIFY_WITH_TIMEOUT(dev->session()->isLoading(), kWaitMs);

        ServerContext *staging = sessions.activate(QStringLiteral("staging"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(staging), kWaitMs);
        QTest::qWait(1500); // past the slow answer
        QVERIFY(!dev->model()->isLoaded());
        QCOMPARE(staging->model()->value(kPayment).toBool(), payment);
        QCOMPARE(settled.count(), 1); // staging's
    }
};

QTEST_GUILESS_MAIN(TestServerSessions)
#include "tst_serversessions.moc"
