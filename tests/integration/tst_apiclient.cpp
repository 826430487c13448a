// The API client and the settings session against the real sandbox over loopback sockets.
#include "SandboxProcess.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/FixedTokenAuthenticator.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "auth/MemoryTokenStore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace {
QJsonObject fault(const QString &name, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("fault"), name);
    return extra;
}

QJsonObject bodyOf(const QJsonValue &request)
{
    return QJsonDocument::fromJson(request.toObject().value(QStringLiteral("body")).toString().toUtf8())
        .object();
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxProcess::Tokens m_tokens;

    std::unique_ptr<ApiClient> makeClient(SandboxProcess &sandbox, const QString &token, int timeoutMs = 3000)
    {
        ServerProfile profile;
        profile.name = QStringLiteral("dev");
        profile.baseUrl = sandbox.baseUrl();
        auto client = std::make_unique<ApiClient>(profile);
        ApiClient::Policy policy;
        policy.timeoutMs = timeoutMs;
        policy.backoffMs = 50;
        client->setPolicy(policy);
        client->setAuthenticator(new FixedTokenAuthenticator(profile.origin(), token, client.get()));
        return client;
    }

    static ApiResult wait(ApiCall *call)
    {
        QSignalSpy spy(call, &ApiCall::finished);
        if (!spy.wait(20000))
            return {ApiError::of(ApiError::Kind::Cancelled, QStringLiteral("test gave up")), 0, {}};
        return spy.first().first().value<ApiResult>();
    }

    ApiResult getSettings(int timeoutMs = 3000)
    {
        auto client = makeClient(*m_sandbox, m_tokens.access, timeoutMs);
        return wait(client->get(QString::fromLatin1(SettingsSession::kPath)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ApiResult>();
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->isRunning());
    }

    void init()
    {
        m_sandbox->reset(true);
        m_tokens = m_sandbox->mintToken();
        QVERIFY(!m_tokens.access.isEmpty());
    }

    void getBareAsDocumented()
    {
        const ApiResult result = getSettings();
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.object().value(QStringLiteral("notifications")), QJsonValue(true));
        QCOMPARE(result.object().value(QStringLiteral("preferredLanguage")).toString(), QStringLiteral("en"));
        const QJsonObject request = m_sandbox->requests(QStringLiteral("GET")).last().toObject();
        const QJsonObject headers = request.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("authorization")).toString(),
                 QStringLiteral("Bearer ") + m_tokens.access);
        QCOMPARE(headers.value(QStringLiteral("x-app-version")).toString(), QStringLiteral(ALLMINE_VERSION));
    }

    void getWrapped()
    {
        SandboxProcess wrapped({QStringLiteral("--style"), QStringLiteral("wrapped")});
        QVERIFY(wrapped.isRunning());
        auto client = makeClient(wrapped, wrapped.mintToken().access);
        const ApiResult result = wait(client->get(QString::fromLatin1(SettingsSession::kPath)));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QVERIFY(!result.object().contains(QStringLiteral("isSuccess")));
        QCOMPARE(result.object().value(QStringLiteral("notifications")), QJsonValue(true));
    }

    void applySendsOnlyChangedFieldsInOneRequest()
    {
        auto client = makeClient(*m_sandbox, m_tokens.access);
        SettingsSession session(client.get());
        QSignalSpy loaded(&session, &SettingsSession::loaded);
        session.load();
        QVERIFY(loaded.wait(5000));
        session.model()->setValue(QStringLiteral("paymentNotifications"), false);
        session.model()->setValue(QStringLiteral("preferredLanguage"), QStringLiteral("tr"));
        session.model()->setValue(QStringLiteral("notifications"), false);
        session.model()->setValue(QStringLiteral("notifications"), true); // undone: not sent
        m_sandbox->reset();
        QSignalSpy applied(&session, &SettingsSession::applied);
        QVERIFY(session.apply());
        QVERIFY(applied.wait(5000));
        const QJsonArray requests = m_sandbox->requests();
        QCOMPARE(requests.size(), 1); // no follow-up GET
        QCOMPARE(requests.first().toObject().value(QStringLiteral("method")).toString(),
                 QStringLiteral("PATCH"));
        QCOMPARE(bodyOf(requests.first()),
                 QJsonObject({{QStringLiteral("paymentNotifications"), false},
                              {QStringLiteral("preferredLanguage"), QStringLiteral("tr")}}));
        QVERIFY(!session.model()->hasPending());
        QCOMPARE(m_sandbox->settings().value(QStringLiteral("preferredLanguage")).toString(),
                 QStringLiteral("tr"));
    }

    void validationErrorInTurkishShownVerbatim()
    {
        auto client = makeClient(*m_sandbox, m_tokens.access);
        client->setLanguage(QStringLiteral("tr"));
        const ApiResult result = wait(
            client->patch(QString::fromLatin1(SettingsSession::kPath), {{QStringLiteral("bogus"), true}}));
        QCOMPARE(result.error.httpStatus, 400);
        QVERIFY(!result.error.serverMessages.isEmpty());
        const QString joined = result.error.serverMessages.join(QLatin1Char(' '));
        QVERIFY2(joined.contains(QStringLiteral("Doğrulama")) || joined.contains(QStringLiteral("ı")),
                 qPrintable(joined));
        QVERIFY(result.error.message().contains(result.error.serverMessages.first()));
    }

    void statusErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("text");
        QTest::newRow("403") << 403 << QStringLiteral("Insufficient permissions");
        QTest::newRow("404") << 404 << QStringLiteral("Resource not found");
        QTest::newRow("409") << 409 << QStringLiteral("Resource already exists");
        QTest::newRow("500") << 500 << QStringLiteral("Internal server error");
    }
    void statusErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, text);
        m_sandbox->addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), status}}));
        const ApiResult result = getSettings();
        QCOMPARE(result.error.kind, ApiError::Kind::Http);
        QCOMPARE(result.error.httpStatus, status);
        QVERIFY2(result.error.message().contains(text), qPrintable(result.error.message()));
        QCOMPARE(m_sandbox->requests().size(), 1); // not retried
    }

    void unauthorizedWithoutRefreshSaysSignIn()
    {
        auto client = makeClient(*m_sandbox, QStringLiteral("not-a-token"));
        const ApiResult result = wait(client->get(QString::fromLatin1(SettingsSession::kPath)));
        QCOMPARE(result.error.httpStatus, 401);
        QVERIFY(result.error.isAuthFailure());
        QVERIFY(result.error.message().contains(QStringLiteral("Sign in")));
    }

    void html502IsRetriedThenExplained()
    {
        m_sandbox->addFault(fault(QStringLiteral("html502"), {{QStringLiteral("count"), 5}}));
        const ApiResult result = getSettings();
        QCOMPARE(result.error.httpStatus, 502);
        QVERIFY(result.error.message().contains(QStringLiteral("HTML")));
        QCOMPARE(m_sandbox->requests().size(), 3); // bounded: the first try and two retries
    }

    void html502OnceRecovers()
    {
        m_sandbox->addFault(fault(QStringLiteral("html502")));
        QVERIFY(getSettings().ok());
        QCOMPARE(m_sandbox->requests().size(), 2);
    }

    void cancelledDuringBackoffSendsNothingMore()
    {
        m_sandbox->addFault(fault(QStringLiteral("html502"), {{QStringLiteral("count"), 5}}));
        auto client = makeClient(*m_sandbox, m_tokens.access);
        ApiClient::Policy policy = client->policy();
        policy.backoffMs = 400;
        client->setPolicy(policy);
        ApiCall *call = client->get(QString::fromLatin1(SettingsSession::kPath));
        QSignalSpy finished(call, &ApiCall::finished);
        QTRY_COMPARE(m_sandbox->requests().size(), 1); // the first try failed; a retry is scheduled
        call->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<ApiResult>().error.kind, ApiError::Kind::Cancelled);
        QTest::qWait(800); // past the backoff: the retry must not go out
        QCOMPARE(m_sandbox->requests().size(), 1);
    }

    void rateLimitHonoursRetryAfter()
    {
        m_sandbox->addFault(fault(QStringLiteral("ratelimit"), {{QStringLiteral("retryAfter"), 1}}));
        QElapsedTimer clock;
        clock.start();
        const ApiResult result = getSettings();
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QVERIFY(clock.elapsed() >= 900); // waited as asked before the retry
        QCOMPARE(m_sandbox->requests().size(), 2);
    }

    void rateLimitTooLongIsReported()
    {
        m_sandbox->addFault(fault(QStringLiteral("ratelimit"), {{QStringLiteral("retryAfter"), 3600}}));
        const ApiResult result = getSettings();
        QCOMPARE(result.error.httpStatus, 429);
        QCOMPARE(result.error.retryAfterSeconds, 3600);
        QCOMPARE(m_sandbox->requests().size(), 1);
    }

    void malformedBody()
    {
        m_sandbox->addFault(fault(QStringLiteral("malformed")));
        const ApiResult result = getSettings();
        QCOMPARE(result.error.kind, ApiError::Kind::Malformed);
    }

    void oversizedBody()
    {
        m_sandbox->addFault(fault(QStringLiteral("huge"), {{QStringLiteral("bytes"), 3 * 1024 * 1024}}));
        const ApiResult result = getSettings();
        QCOMPARE(result.error.kind, ApiError::Kind::TooLarge);
    }

    void slowPastTheTimeout()
    {
        m_sandbox->addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 4000}}));
        const ApiResult result = getSettings(1000);
        QCOMPARE(result.error.kind, ApiError::Kind::Timeout);
        QVERIFY(result.error.message().contains(QStringLiteral("in time")));
    }

    void droppedConnectionIsRetried()
    {
        m_sandbox->addFault(fault(QStringLiteral("drop")));
        const ApiResult result = getSettings();
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        m_sandbox->addFault(fault(QStringLiteral("drop"), {{QStringLiteral("count"), 5}}));
        QCOMPARE(getSettings().error.kind, ApiError::Kind::Network);
    }

    void streamedAnswerIsCutAtTheCap()
    {
        // Endless chunks without a length: refused once past the cap, long before the timeout.
        m_sandbox->addFault(
            fault(QStringLiteral("stream"), {{QStringLiteral("bytes"), 256.0 * 1024 * 1024}}));
        const ApiResult result = getSettings(15000);
        QCOMPARE(result.error.kind, ApiError::Kind::TooLarge);
    }

    void postIsNotRepeatedOnceItMayHaveArrived()
    {
        m_sandbox->addFault(fault(QStringLiteral("drop")));
        auto client = makeClient(*m_sandbox, m_tokens.access);
        const ApiResult result =
            wait(client->post(QStringLiteral("/api/v1/auth/refresh"),
                              {{QStringLiteral("refreshToken"), m_tokens.refresh}}, false));
        QCOMPARE(result.error.kind, ApiError::Kind::Network);
        QVERIFY(result.error.maybeApplied);
        QVERIFY2(result.error.message().contains(QStringLiteral("not sent again")),
                 qPrintable(result.error.message()));
        QCOMPARE(m_sandbox->requests(QStringLiteral("POST")).size(), 1);
    }

    void renewalCutOffSaysSignInAgain()
    {
        const SandboxProcess::Tokens expired = m_sandbox->mintToken(QStringLiteral("qa@example.com"), 0);
        m_sandbox->reset();
        m_sandbox->addFault(fault(QStringLiteral("drop"),
                                  {{QStringLiteral("path"), QStringLiteral("/api/v1/auth/refresh")}}));
        auto client = makeClient(*m_sandbox, QString());
        MemoryTokenStore store;
        AccountSession session(client.get(), &store);
        client->setAuthenticator(&session);
        session.signIn({expired.access, expired.refresh});
        const ApiResult result = wait(client->get(QString::fromLatin1(SettingsSession::kPath)));
        QCOMPARE(result.error.httpStatus, 401);
        QVERIFY2(result.error.message().contains(QStringLiteral("Sign in again")),
                 qPrintable(result.error.message()));
        QCOMPARE(m_sandbox->requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh")).size(),
                 1);
        QCOMPARE(m_sandbox->requests(QStringLiteral("GET")).size(), 0);
    }

    void notModifiedIsNotARedirect()
    {
        m_sandbox->addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), 304}}));
        const ApiResult result = getSettings();
        QCOMPARE(result.error.kind, ApiError::Kind::Malformed);
        QVERIFY2(!result.error.message().contains(QStringLiteral("redirect")),
                 qPrintable(result.error.message()));
        QCOMPARE(m_sandbox->requests().size(), 1);
    }

    void echoedTokenNeverReachesTheMessageOrTheLog()
    {
        m_sandbox->addFault(fault(QStringLiteral("echo")));
        auto client = makeClient(*m_sandbox, m_tokens.access);
        QList<RequestRecord> records;
        connect(client.get(), &ApiClient::exchanged, this,
                [&](const RequestRecord &record) { records << record; });
        const ApiResult result = wait(client->get(QString::fromLatin1(SettingsSession::kPath)));
        QCOMPARE(result.error.httpStatus, 400);
        const QString message = result.error.message();
        const QString signature = m_tokens.access.section(QLatin1Char('.'), -1);
        QVERIFY2(message.contains(QStringLiteral("Invalid authorization: Bearer <redacted>")),
                 qPrintable(message));
        QVERIFY(!message.contains(m_tokens.access) && !message.contains(signature));
        for (const QChar c : message)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(message));
        QVERIFY(!result.error.serverMessages.join(QString()).contains(signature));
        QCOMPARE(records.size(), 1);
        QByteArray logged = records.first().responseBody + records.first().error.toUtf8();
        for (const auto &header : records.first().responseHeaders)
            logged += header.first + ": " + header.second + "\n";
        QVERIFY2(logged.contains("X-Echo: Bearer <redacted>"), logged.constData());
        QVERIFY(!logged.contains(signature.toUtf8()));
        QVERIFY(!logged.contains('\x1b'));
    }

    void crossOriginRedirectNeverCarriesTheToken()
    {
        SandboxProcess other;
        QVERIFY(other.isRunning());
        m_sandbox->addFault(
            fault(QStringLiteral("redirect"), {{QStringLiteral("location"), other.baseUrl().toString()}}));
        const ApiResult result = getSettings();
        QCOMPARE(result.error.kind, ApiError::Kind::Redirect);
        QVERIFY(result.error.message().contains(QStringLiteral("redirected")));
        for (const QJsonValue &request : other.requests())
            QVERIFY(!QJsonDocument(request.toObject()).toJson().contains(m_tokens.access.toUtf8()));
        QCOMPARE(other.requests().size(), 0);
    }

    void conflictReloadsAndKeepsEdits()
    {
        auto client = makeClient(*m_sandbox, m_tokens.access);
        SettingsSession session(client.get());
        QSignalSpy loaded(&session, &SettingsSession::loaded);
        session.load();
        QVERIFY(loaded.wait(5000));
        session.model()->setValue(QStringLiteral("followNotifications"), false);
        m_sandbox->setSettings(QStringLiteral("qa@example.com"),
                               {{QStringLiteral("messageNotifications"), false}});
        m_sandbox->addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), 409}}));
        QSignalSpy conflict(&session, &SettingsSession::conflictReloaded);
        QVERIFY(session.apply());
        QVERIFY(conflict.wait(5000));
        QCOMPARE(session.model()->pendingKeys(), QStringList{QStringLiteral("followNotifications")});
        QCOMPARE(session.model()->value(QStringLiteral("messageNotifications")),
                 QJsonValue(false)); // reloaded
    }

    void failedApplyKeepsEdits()
    {
        auto client = makeClient(*m_sandbox, m_tokens.access);
        SettingsSession session(client.get());
        QSignalSpy loaded(&session, &SettingsSession::loaded);
        session.load();
        QVERIFY(loaded.wait(5000));
        session.model()->setValue(QStringLiteral("totalFundVisibility"), false);
        m_sandbox->addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), 500}}));
        QSignalSpy failed(&session, &SettingsSession::failed);
        QVERIFY(session.apply());
        QVERIFY(failed.wait(5000));
        QCOMPARE(session.model()->pendingPatch(),
                 QJsonObject({{QStringLiteral("totalFundVisibility"), false}}));
    }

    void requestLogRedactsTheToken()
    {
        auto client = makeClient(*m_sandbox, m_tokens.access);
        QList<RequestRecord> records;
        connect(client.get(), &ApiClient::exchanged, this,
                [&](const RequestRecord &record) { records << record; });
        QVERIFY(wait(client->get(QString::fromLatin1(SettingsSession::kPath))).ok());
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().status, 200);
        bool sawAuthorization = false;
        for (const auto &header : records.first().requestHeaders) {
            QVERIFY(!header.second.contains(m_tokens.access.toUtf8()));
            sawAuthorization |= header.first.compare("Authorization", Qt::CaseInsensitive) == 0;
        }
        QVERIFY(sawAuthorization);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
