// Server addresses wherever they come from (typed, the settings file, built in) and the settings
// file itself: an address that would send the sign-in in clear text to another machine is never
// used, and the file is readable by its owner only.
#include "TestEnv.h"
#include "servers/AppSettings.h"
#include "servers/ServerRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

class TestServerRegistry : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestEnv> m_env;

    QString settingsPath() const
    {
        return m_env->configHome() + QStringLiteral("/Allmine/") + QStringLiteral(ALLMINE_APP_ID) +
               QStringLiteral(".conf");
    }
    // The settings file as someone wrote it by hand.
    void writeByHand(const QByteArray &text) const
    {
        QVERIFY(QDir().mkpath(QFileInfo(settingsPath()).absolutePath()));
        QFile file(settingsPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    }
    static ServerProfile profile(const ServerRegistry &registry, const QString &name)
    {
        const auto found = registry.find(name);
        return found ? *found : ServerProfile{};
    }
    QFileDevice::Permissions permissions() const
    {
        return QFile::permissions(settingsPath()) &
               ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
        QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    }

    void init()
    {
        // A new, empty settings folder per test (QSettings keeps the first one it found otherwise).
        m_env = std::make_unique<TestEnv>();
        m_env->applyToCurrentProcess();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_env->configHome());
    }

    // An http:// address to another machine written into the file is reported (naming the
    // address and the file) and not used; what the rule allows is used as before.
    void addressesInTheFileAreChecked()
    {
        writeByHand("[servers]\n"
                    "dev\\url=http://dev.allmine.invalid\n"
                    "lan\\url=http://lan.allmine.invalid:8080/api\n"
                    "odd\\url=ftp://odd.allmine.invalid\n"
                    "userinfo\\url=https://me:secret@ui.allmine.invalid\n"
                    "local\\url=http://127.0.0.1:8080\n"
                    "prod\\url=https://prod.allmine.invalid\n");
        ServerRegistry registry{QUrl(), QUrl()};
        for (const QString &name : {QStringLiteral("dev"), QStringLiteral("lan"), QStringLiteral("odd"),
                                    QStringLiteral("userinfo")}) {
            const ServerProfile p = profile(registry, name);
            QCOMPARE(p.name, name);
            QVERIFY2(!p.hasUrl(), qPrintable(name));
            QVERIFY2(p.addressProblem.contains(settingsPath()), qPrintable(p.addressProblem));
            QVERIFY2(p.addressProblem.contains(QStringLiteral("is not used")), qPrintable(p.addressProblem));
        }
        QVERIFY(
            profile(registry, "dev").addressProblem.contains(QStringLiteral("http://dev.allmine.invalid")));
        QVERIFY(profile(registry, "dev").addressProblem.contains(QStringLiteral("Plain http://")));
        QVERIFY(profile(registry, "lan")
                    .addressProblem.contains(QStringLiteral("http://lan.allmine.invalid:8080")));
        QVERIFY(profile(registry, "userinfo").addressProblem.contains(QStringLiteral("user name")));
        QVERIFY(!profile(registry, "userinfo").addressProblem.contains(QStringLiteral("secret")));

        QCOMPARE(profile(registry, "local").baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        QVERIFY(profile(registry, "local").addressProblem.isEmpty());
        QCOMPARE(profile(registry, "prod").baseUrl, QUrl(QStringLiteral("https://prod.allmine.invalid")));
        QVERIFY(profile(registry, "prod").addressProblem.isEmpty());
        // The profile list says the same as find().
        for (const ServerProfile &p : registry.profiles()) {
            if (p.name == QLatin1String("dev"))
                QVERIFY(!p.hasUrl() && !p.addressProblem.isEmpty());
        }
    }

    // A distributor's built-in address is held to the same rule; one in the file replaces it.
    void builtInAddressesAreChecked()
    {
        ServerRegistry registry(QUrl(QStringLiteral("http://dev.allmine.invalid")),
                                QUrl(QStringLiteral("https://prod.allmine.invalid")));
        const ServerProfile dev = profile(registry, "dev");
        QVERIFY(!dev.hasUrl());
        QVERIFY2(dev.addressProblem.contains(QStringLiteral("http://dev.allmine.invalid")) &&
                     dev.addressProblem.contains(QStringLiteral("built into")),
                 qPrintable(dev.addressProblem));
        QCOMPARE(profile(registry, "prod").baseUrl, QUrl(QStringLiteral("https://prod.allmine.invalid")));
        QVERIFY(profile(registry, "prod").addressProblem.isEmpty());

        QCOMPARE(registry.set(QStringLiteral("dev"), QUrl(QStringLiteral("https://dev.allmine.invalid"))),
                 QString());
        const ServerProfile fixed = profile(registry, "dev");
        QCOMPARE(fixed.baseUrl, QUrl(QStringLiteral("https://dev.allmine.invalid")));
        QVERIFY(fixed.addressProblem.isEmpty());
    }

    // Typed addresses were already checked; they still are.
    void typedAddressesAreChecked()
    {
        ServerRegistry registry{QUrl(), QUrl()};
        QVERIFY(registry.set(QStringLiteral("lan"), QUrl(QStringLiteral("http://lan.allmine.invalid")))
                    .contains(QStringLiteral("Plain http://")));
        QVERIFY(!registry.find(QStringLiteral("lan")));
    }

    // The file holds server names and account hashes: owner only, from its first write on and
    // after every write, also when it was made readable by others in between.
    void settingsFileIsOwnerOnly()
    {
        QVERIFY(!QFile::exists(settingsPath()));
        AppSettings::store(QStringLiteral("uiLanguage"), QStringLiteral("tr"));
        QVERIFY(QFile::exists(settingsPath()));
        QCOMPARE(permissions(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        QVERIFY(QFile::setPermissions(settingsPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                          QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QCOMPARE((ServerRegistry{QUrl(), QUrl()})
                     .set(QStringLiteral("dev"), QUrl(QStringLiteral("https://a.invalid"))),
                 QString());
        QCOMPARE(permissions(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        QVERIFY(QFile::setPermissions(settingsPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                          QFileDevice::ReadOther));
        AppSettings::open()->setValue(QStringLiteral("activeServer"), QStringLiteral("prod"));
        QCOMPARE(permissions(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(AppSettings::open()->value(QStringLiteral("activeServer")).toString(),
                 QStringLiteral("prod"));
    }

    // Only reading does not create the file.
    void readingCreatesNoFile()
    {
        QCOMPARE((ServerRegistry{QUrl(), QUrl()}).activeName(), QStringLiteral("dev"));
        QVERIFY(!QFile::exists(settingsPath()));
    }
};

QTEST_GUILESS_MAIN(TestServerRegistry)
#include "tst_serverregistry.moc"
