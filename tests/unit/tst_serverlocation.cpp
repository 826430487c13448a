// Production known by where it is: two spellings of one server's address are the same server
// (case, default ports, trailing dots, IPv4-mapped IPv6, every loopback spelling, resolved names),
// and different ports or hosts are not. Also what the registry makes of it: a custom server at
// Production's address is Production, and a custom server confirms every change until turned off.
#include "TestEnv.h"
#include "servers/HostAddresses.h"
#include "servers/ServerLocation.h"
#include "servers/ServerRegistry.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QSettings>
#include <QTest>

class TestServerLocation : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestEnv> m_env;

    static bool same(const QString &a, const QString &b)
    {
        return ServerLocation::sameServer(QUrl(a), QUrl(b));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
        QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    }

    void init()
    {
        m_env = std::make_unique<TestEnv>();
        m_env->applyToCurrentProcess();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_env->configHome());
        HostAddresses::forgetAll();
    }

    void spellingsOfOneServer_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("localhost / 127.0.0.1") << "http://localhost:8080"
                                               << "http://127.0.0.1:8080";
        QTest::newRow("case and trailing dot") << "https://API.Example.com./"
                                               << "https://api.example.com";
        QTest::newRow("default https port") << "https://api.example.com:443"
                                            << "https://api.example.com";
        QTest::newRow("default http port") << "http://localhost:80"
                                           << "http://127.0.0.1";
        QTest::newRow("::1") << "http://[::1]:8080"
                             << "http://127.0.0.1:8080";
        QTest::newRow("IPv4-mapped loopback") << "http://[::ffff:127.0.0.1]:8080"
                                              << "http://localhost:8080";
        QTest::newRow("127.x") << "http://127.0.0.2:8080"
                               << "http://localhost:8080";
        QTest::newRow("LOCALHOST.") << "http://LOCALHOST.:8080"
                                    << "http://[::1]:8080";
        QTest::newRow("IPv4-mapped address") << "https://[::ffff:192.0.2.7]"
                                             << "https://192.0.2.7";
        QTest::newRow("path does not matter") << "https://api.example.com/base/"
                                              << "https://api.example.com";
    }
    void spellingsOfOneServer()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY2(same(a, b), qPrintable(a + QStringLiteral(" vs ") + b));
        QVERIFY(same(b, a));
    }

    void differentServers_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("other port") << "http://localhost:8080"
                                    << "http://127.0.0.1:8081";
        QTest::newRow("default port differs") << "https://api.example.com"
                                              << "https://api.example.com:8443";
        QTest::newRow("other host") << "https://api.example.com"
                                    << "https://dev.example.com";
        QTest::newRow("loopback vs another address") << "https://127.0.0.1"
                                                     << "https://192.0.2.7";
        QTest::newRow("not http") << "ftp://localhost:21"
                                  << "http://localhost:21";
        QTest::newRow("empty") << ""
                               << "http://localhost";
    }
    void differentServers()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY2(!same(a, b), qPrintable(a + QStringLiteral(" vs ") + b));
    }

    // A host name is the same server as an address it is known to resolve to, on the same port
    // only; until it is resolved it is not taken for another.
    void resolvedNamesCompareByAddress()
    {
        const QString named = QStringLiteral("https://alias.allmine.invalid:9443");
        QVERIFY(!same(named, QStringLiteral("https://192.0.2.7:9443")));
        HostAddresses::remember(QStringLiteral("alias.allmine.invalid"),
                                {QHostAddress(QStringLiteral("::ffff:192.0.2.7"))});
        QVERIFY(same(named, QStringLiteral("https://192.0.2.7:9443")));
        QVERIFY(!same(named, QStringLiteral("https://192.0.2.7:443")));
        HostAddresses::remember(QStringLiteral("prod.allmine.invalid"),
                                {QHostAddress(QStringLiteral("192.0.2.7"))});
        QVERIFY(same(named, QStringLiteral("https://prod.allmine.invalid:9443")));
    }

    // The machine's own name as the resolver answers it (from /etc/hosts here, no network).
    void theResolverIsAsked()
    {
        const QString host = QHostInfo::localHostName();
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            QSKIP("this machine's name does not resolve");
        HostAddresses::resolveNow(host);
        const QString address = info.addresses().first().toString();
        const QString literal =
            address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(address) : address;
        QVERIFY(same(QStringLiteral("https://%1:9443").arg(host),
                     QStringLiteral("https://%1:9443").arg(literal)));
    }

    // http:// is allowed for this computer in any spelling, and for nothing else.
    void plainHttpOnlyForThisComputer()
    {
        for (const char *url : {"http://localhost.:8080", "http://[::ffff:127.0.0.1]:8080", "http://[::1]:1"})
            QCOMPARE(ServerProfile::checkBaseUrl(QUrl(QString::fromLatin1(url))), QString());
        QVERIFY(
            !ServerProfile::checkBaseUrl(QUrl(QStringLiteral("http://[::ffff:192.0.2.7]:8080"))).isEmpty());
        QVERIFY(!ServerProfile::checkBaseUrl(QUrl(QStringLiteral("http://localhost.example.com"))).isEmpty());
    }

    // In the registry: a custom server at another spelling of Production's address is Production
    // (and so always confirmed); another custom server confirms every change until turned off.
    void registryMarksAliasesAndConfirmation()
    {
        ServerRegistry registry({}, {});
        QCOMPARE(registry.set(QStringLiteral("prod"), QUrl(QStringLiteral("http://127.0.0.1:7001"))),
                 QString());
        QCOMPARE(registry.set(QStringLiteral("alias"), QUrl(QStringLiteral("http://localhost:7001"))),
                 QString());
        QCOMPARE(registry.set(QStringLiteral("lab"), QUrl(QStringLiteral("http://localhost:7002"))),
                 QString());
        const ServerProfile alias = *registry.find(QStringLiteral("alias"));
        QVERIFY(alias.isProduction());
        QVERIFY(alias.needsConfirmation());
        ServerProfile lab = *registry.find(QStringLiteral("lab"));
        QVERIFY(!lab.isProduction());
        QVERIFY(lab.needsConfirmation()); // on by default
        QCOMPARE(registry.setConfirmChanges(QStringLiteral("lab"), false), QString());
        lab = *registry.find(QStringLiteral("lab"));
        QVERIFY(!lab.needsConfirmation());
        QCOMPARE(registry.setConfirmChanges(QStringLiteral("alias"), false), QString());
        QVERIFY(registry.find(QStringLiteral("alias"))->needsConfirmation()); // Production stays confirmed
        QVERIFY(!registry.find(QStringLiteral("dev"))->needsConfirmation());

        ServerProfile overridden = *registry.find(QStringLiteral("dev"));
        overridden.baseUrl = QUrl(QStringLiteral("http://[::ffff:127.0.0.1]:7001"));
        registry.markProduction(overridden);
        QVERIFY(overridden.isProduction());
    }
};

QTEST_GUILESS_MAIN(TestServerLocation)
#include "tst_serverlocation.moc"
