// TLS against the real sandbox over https on loopback, with a throw-away CA made by openssl here:
// a certificate the system does not trust is refused before any request (so before any token)
// is sent, through the client and the command line alike; naming the CA in the server profile
// makes it work, and naming another CA does not.
#include "CliProcess.h"
#include "SandboxProcess.h"
#include "TestEnv.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/FixedTokenAuthenticator.h"
#include "api/SettingsSession.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

namespace {
} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<TestEnv> m_env;
    QString m_token;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Runs openssl in the temporary directory; false (with its output in the log) on failure.
    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            qWarning().noquote() << "openssl" << arguments.join(QLatin1Char(' '))
                                 << "failed:" << process.readAll();
            return false;
        }
        return true;
    }

    // A self-signed CA: NAME.pem and NAME.key.
    bool makeCa(const QString &name)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                        name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=Allmine throw-away test CA ") + name,
                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    // server.pem / server.key for 127.0.0.1 and localhost, signed by the CA `ca`.
    bool makeServerCertificate(const QString &ca)
    {
        QFile extensions(path(QStringLiteral("server.ext")));
        if (!extensions.open(QIODevice::WriteOnly))
            return false;
        extensions.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                         "basicConstraints=CA:FALSE\n"
                         "keyUsage=critical,digitalSignature,keyEncipherment\n"
                         "extendedKeyUsage=serverAuth\n");
        extensions.close();
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                        QStringLiteral("server.csr"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=localhost")}) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        QStringLiteral("server.csr"), QStringLiteral("-CA"), ca + QStringLiteral(".pem"),
                        QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-set_serial"),
                        QStringLiteral("2"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-extfile"), QStringLiteral("server.ext"), QStringLiteral("-out"),
                        QStringLiteral("server.pem")});
    }

    std::unique_ptr<ApiClient> makeClient(const QString &caFile)
    {
        ServerProfile profile;
        profile.name = QStringLiteral("dev");
        profile.baseUrl = m_sandbox->baseUrl();
        profile.caFile = caFile;
        auto client = std::make_unique<ApiClient>(profile);
        ApiClient::Policy policy;
        policy.timeoutMs = 5000;
        policy.backoffMs = 50;
        client->setPolicy(policy);
        client->setAuthenticator(new FixedTokenAuthenticator(profile.origin(), m_token, client.get()));
        return client;
    }

    ApiResult getSettings(const QString &caFile)
    {
        auto client = makeClient(caFile);
        ApiCall *call = client->get(QString::fromLatin1(SettingsSession::kPath));
        QSignalSpy spy(call, &ApiCall::finished);
        if (!spy.wait(20000))
            return {ApiError::of(ApiError::Kind::Cancelled, QStringLiteral("test gave up")), 0, {}};
        return spy.first().first().value<ApiResult>();
    }

    CliRun cli(const QStringList &arguments)
    {
        QProcessEnvironment env = m_env->environment();
        env.insert(QStringLiteral("ALLMINE_TOKEN"), m_token);
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return runCli(arguments, env);
    }

    // Nothing reached the server as an HTTP request: the handshake failed first.
    void verifyNothingWasSent()
    {
        const QJsonArray requests = m_sandbox->requests();
        QVERIFY2(requests.isEmpty(), QJsonDocument(requests).toJson().constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ApiResult>();
        // scripts/ installs openssl: without it the suite fails rather than passing untested.
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(),
                 "openssl is not installed (Debian package: openssl): cannot make a test certificate");
        QVERIFY(m_dir.isValid());
        QVERIFY(makeCa(QStringLiteral("ca")));
        QVERIFY(makeCa(QStringLiteral("other-ca")));
        QVERIFY(makeServerCertificate(QStringLiteral("ca")));
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList{QStringLiteral("--tls-cert"), path(QStringLiteral("server.pem")),
                        QStringLiteral("--tls-key"), path(QStringLiteral("server.key"))});
        QVERIFY2(m_sandbox->isRunning(), qPrintable(m_sandbox->stderrText()));
        QCOMPARE(m_sandbox->baseUrl().scheme(), QStringLiteral("https"));
    }

    void init()
    {
        m_env = std::make_unique<TestEnv>();
        m_sandbox->reset(true);
        m_token = m_sandbox->mintToken().access;
        QVERIFY(!m_token.isEmpty());
    }

    void clientRefusesAnUntrustedCertificate()
    {
        const ApiResult result = getSettings({});
        QCOMPARE(result.error.kind, ApiError::Kind::Tls);
        const QString message = result.error.message();
        QVERIFY2(message.contains(QStringLiteral("certificate was not accepted")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("nothing was sent")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("CA certificate")), qPrintable(message));
        verifyNothingWasSent();
    }

    void clientRefusesACertificateFromAnotherCa()
    {
        const ApiResult result = getSettings(path(QStringLiteral("other-ca.pem")));
        QCOMPARE(result.error.kind, ApiError::Kind::Tls);
        verifyNothingWasSent();
    }

    void clientTrustsTheCaNamedInTheProfile()
    {
        const ApiResult result = getSettings(path(QStringLiteral("ca.pem")));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.object().value(QStringLiteral("notifications")), QJsonValue(true));
        const QJsonArray requests = m_sandbox->requests(QStringLiteral("GET"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first()
                     .toObject()
                     .value(QStringLiteral("headers"))
                     .toObject()
                     .value(QStringLiteral("authorization"))
                     .toString(),
                 QStringLiteral("Bearer ") + m_token);
    }

    void cliRefusesAnUntrustedCertificateWithExit5()
    {
        const CliRun run =
            cli({QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(), QStringLiteral("get")});
        QVERIFY2(run.exitCode == 5, qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("certificate was not accepted")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("CA certificate")), qPrintable(run.err));
        // The command line's own way to name a CA, not the window's server settings.
        QVERIFY2(run.err.contains(QStringLiteral("servers set NAME URL --ca FILE")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("nothing was sent")), qPrintable(run.err));
        QVERIFY(!run.err.contains(m_token));
        verifyNothingWasSent();
    }

    // `servers set … --ca FILE` keeps only a file a request can load a certificate from; else
    // it says which file and why, exits 2 and leaves the profile as it was.
    void cliRefusesACaFileWithoutACertificate_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << path(QStringLiteral("no-such.pem")) << QStringLiteral("does not exist");
        QTest::newRow("folder") << m_dir.path() << QStringLiteral("not a file");
        QTest::newRow("private key") << path(QStringLiteral("server.key"))
                                     << QStringLiteral("no PEM certificate");
        QTest::newRow("empty") << path(QStringLiteral("empty.pem")) << QStringLiteral("no PEM certificate");
        if (geteuid() != 0) // root reads any file
            QTest::newRow("unreadable")
                << path(QStringLiteral("unreadable.pem")) << QStringLiteral("cannot be read");
    }
    void cliRefusesACaFileWithoutACertificate()
    {
        QFETCH(QString, file);
        QFETCH(QString, why);
        QFile empty(path(QStringLiteral("empty.pem")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QFile::remove(path(QStringLiteral("unreadable.pem")));
        QVERIFY(QFile::copy(path(QStringLiteral("ca.pem")), path(QStringLiteral("unreadable.pem"))));
        QVERIFY(QFile::setPermissions(path(QStringLiteral("unreadable.pem")), QFileDevice::WriteOwner));

        const QString url = m_sandbox->baseUrl().toString();
        const CliRun set = cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("dev"), url,
                                QStringLiteral("--ca"), file});
        QCOMPARE(set.exitCode, 2);
        QVERIFY2(set.err.contains(file), qPrintable(set.err));
        QVERIFY2(set.err.contains(why), qPrintable(set.err));
        const QString list = cli({QStringLiteral("servers"), QStringLiteral("list")}).outText();
        QVERIFY2(!list.contains(QStringLiteral("ca=")), qPrintable(list));
        QVERIFY2(!list.contains(url), qPrintable(list));
    }

    void cliTrustsTheCaGivenWithServersSet()
    {
        const QString url = m_sandbox->baseUrl().toString();
        const CliRun set = cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("dev"), url,
                                QStringLiteral("--ca"), path(QStringLiteral("ca.pem"))});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY(cli({QStringLiteral("servers"), QStringLiteral("list")})
                    .outText()
                    .contains(QStringLiteral("ca=") + path(QStringLiteral("ca.pem"))));
        const CliRun get = cli({QStringLiteral("get"), QStringLiteral("--json")});
        QVERIFY2(get.exitCode == 0, qPrintable(get.err));
        QCOMPARE(QJsonDocument::fromJson(get.out).object().value(QStringLiteral("notifications")),
                 QJsonValue(true));
        QCOMPARE(m_sandbox->requests(QStringLiteral("GET")).size(), 1);

        // The same server without its CA is refused again: the trust belongs to the profile.
        QCOMPARE(cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("dev"), url}).exitCode,
                 0);
        m_sandbox->reset();
        const CliRun refused = cli({QStringLiteral("get")});
        QVERIFY2(refused.exitCode == 5, qPrintable(refused.err));
        verifyNothingWasSent();
    }

    void cliDoesNotLendTheProfileCaToAnotherBaseUrl()
    {
        // Another server with a certificate from the same CA, on another origin.
        SandboxProcess other({QStringLiteral("--tls-cert"), path(QStringLiteral("server.pem")),
                              QStringLiteral("--tls-key"), path(QStringLiteral("server.key"))});
        QVERIFY(other.isRunning());
        QCOMPARE(
            cli({QStringLiteral("servers"), QStringLiteral("set"), QStringLiteral("dev"),
                 m_sandbox->baseUrl().toString(), QStringLiteral("--ca"), path(QStringLiteral("ca.pem"))})
                .exitCode,
            0);
        const CliRun overridden =
            cli({QStringLiteral("--base-url"), other.baseUrl().toString(), QStringLiteral("get")});
        QVERIFY2(overridden.exitCode == 5, qPrintable(overridden.err));
        QVERIFY2(overridden.err.contains(QStringLiteral("certificate was not accepted")),
                 qPrintable(overridden.err));
        QCOMPARE(other.requests().size(), 0);
        // The profile's own origin, given with --base-url too, keeps its CA.
        const CliRun same =
            cli({QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(), QStringLiteral("get")});
        QVERIFY2(same.exitCode == 0, qPrintable(same.err));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
