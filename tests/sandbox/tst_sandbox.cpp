// Self-test of the sandbox: runs the real allmine-sandbox process and checks, over loopback
// sockets, what a client would notice.
#include <QtTest>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <memory>

#include "SandboxProcess.h"
#include "SelfSignedCertificate.h"

namespace {

const QString kSettings = QStringLiteral("/api/v1/user-settings");
const QStringList kBooleans{
    QStringLiteral("notifications"),          QStringLiteral("liveStreamNotifications"),
    QStringLiteral("paymentNotifications"),   QStringLiteral("followNotifications"),
    QStringLiteral("messageNotifications"),   QStringLiteral("followingActivityNotifications"),
    QStringLiteral("totalMinutesVisibility"), QStringLiteral("totalFundVisibility"),
};
const QRegularExpression kObjectId(QStringLiteral("^[0-9a-f]{24}$"));
const QRegularExpression kIsoMs(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));

struct Resp
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qint64 ms = 0;

    QJsonObject obj() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QStringList errors() const
    {
        QStringList out;
        for (const QJsonValue &v : obj().value(QStringLiteral("errors")).toArray())
            out << v.toString();
        return out;
    }
    bool isErrorEnvelope(int expectedStatus) const
    {
        const QJsonObject o = obj();
        return status == expectedStatus && header("content-type") == "application/json; charset=utf-8" &&
               o.value(QStringLiteral("isSuccess")) == QJsonValue(false) &&
               o.value(QStringLiteral("statusCode")).toInt() == expectedStatus &&
               o.value(QStringLiteral("data")).isNull() && !errors().isEmpty() &&
               kIsoMs.match(o.value(QStringLiteral("timestamp")).toString()).hasMatch();
    }
};

QJsonObject jwtPayload(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxProcess> m_sb;
    QNetworkAccessManager m_nam;

    struct Call
    {
        Call(const QByteArray &m = "GET", const QString &p = kSettings, const QByteArray &b = {},
             const QString &tok = {})
            : method(m), path(p), body(b), token(tok)
        {
        }
        QByteArray method;
        QString path;
        QByteArray body;
        QString token; // sent as "Bearer <token>" when not empty
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    QNetworkReply *start(SandboxProcess &sb, const Call &c)
    {
        QNetworkRequest req(sb.url(c.path));
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!c.body.isEmpty() || c.method == "PATCH" || c.method == "POST")
            req.setRawHeader("Content-Type", c.contentType);
        if (!c.token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + c.token.toLatin1());
        for (const auto &h : c.headers)
            req.setRawHeader(h.first, h.second);
        QNetworkReply *reply = m_nam.sendCustomRequest(req, c.method, c.body);
        reply->setProperty("startedMs", QDateTime::currentMSecsSinceEpoch());
        return reply;
    }

    static Resp finish(QNetworkReply *reply, int timeoutMs = 15000)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Resp r;
        r.ms = QDateTime::currentMSecsSinceEpoch() - reply->property("startedMs").toLongLong();
        if (!reply->isFinished()) {
            reply->abort();
            r.error = QNetworkReply::TimeoutError;
        } else {
            r.error = reply->error();
        }
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        for (const auto &h : reply->rawHeaderPairs())
            r.headers.insert(h.first.toLower(), h.second);
        reply->deleteLater();
        return r;
    }

    Resp call(const Call &c) { return finish(start(*m_sb, c)); }
    Resp call(SandboxProcess &sb, const Call &c) { return finish(start(sb, c)); }
    Resp get(const QString &token, const QString &path = kSettings)
    {
        return call(Call{"GET", path, {}, token});
    }
    Resp post(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return call(Call{"POST", path, json(body), token});
    }
    Resp patch(const QString &token, const QByteArray &body)
    {
        return call(Call{"PATCH", kSettings, body, token});
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qgetenv("ALLMINE_SANDBOX").isEmpty(),
                 "ALLMINE_SANDBOX must name the allmine-sandbox binary");
        m_sb = std::make_unique<SandboxProcess>();
        QVERIFY2(m_sb->isRunning(), qPrintable(m_sb->stderrText()));
        QCOMPARE(m_sb->baseUrl().scheme(), QStringLiteral("http"));
        QCOMPARE(m_sb->baseUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_sb->baseUrl().port() > 0);
    }

    void init() { m_sb->reset(true); }

    void defaultsOnFirstGet()
    {
        QVERIFY(m_sb->settings().isEmpty()); // nothing stored before the first GET
        const auto t = m_sb->mintToken();
        QVERIFY(!t.access.isEmpty());
        const Resp r = get(t.access);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json; charset=utf-8"));
        const QJsonObject o = r.obj();
        QVERIFY2(!o.contains(QStringLiteral("isSuccess")), "documented style: settings are bare");
        for (const QString &f : kBooleans)
            QCOMPARE(o.value(f), QJsonValue(true));
        QCOMPARE(o.value(QStringLiteral("preferredLanguage")).toString(), QStringLiteral("en"));
        QVERIFY(kObjectId.match(o.value(QStringLiteral("_id")).toString()).hasMatch());
        QVERIFY(kIsoMs.match(o.value(QStringLiteral("createdAt")).toString()).hasMatch());
        QVERIFY(kIsoMs.match(o.value(QStringLiteral("updatedAt")).toString()).hasMatch());
        QCOMPARE(o.size(), 12);
        QCOMPARE(m_sb->settings(), o);    // stored now
        QCOMPARE(get(t.access).obj(), o); // stable
    }

    void validPatch()
    {
        const auto t = m_sb->mintToken();
        const QJsonObject before = get(t.access).obj();
        QTest::qWait(5);
        const Resp r = patch(t.access, R"({"notifications":false,"preferredLanguage":"tr"})");
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.obj();
        QCOMPARE(o.value(QStringLiteral("notifications")), QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("preferredLanguage")).toString(), QStringLiteral("tr"));
        QCOMPARE(o.value(QStringLiteral("paymentNotifications")), QJsonValue(true)); // full object back
        QCOMPARE(o.value(QStringLiteral("_id")), before.value(QStringLiteral("_id")));
        QCOMPARE(o.value(QStringLiteral("createdAt")), before.value(QStringLiteral("createdAt")));
        QVERIFY(o.value(QStringLiteral("updatedAt")).toString() >
                before.value(QStringLiteral("updatedAt")).toString());
        QCOMPARE(get(t.access).obj(), o);

        const QJsonArray patches = m_sb->requests(QStringLiteral("PATCH"));
        QCOMPARE(patches.size(), 1);
        const QJsonObject rec = patches.first().toObject();
        QCOMPARE(rec.value(QStringLiteral("path")).toString(), kSettings);
        QCOMPARE(rec.value(QStringLiteral("body")).toString(),
                 QStringLiteral(R"({"notifications":false,"preferredLanguage":"tr"})"));
        const QJsonObject h = rec.value(QStringLiteral("headers")).toObject();
        QCOMPARE(h.value(QStringLiteral("authorization")).toString(), QStringLiteral("Bearer ") + t.access);
        QCOMPARE(h.value(QStringLiteral("content-type")).toString(), QStringLiteral("application/json"));
        QVERIFY(kIsoMs.match(rec.value(QStringLiteral("time")).toString()).hasMatch());
    }

    void patchValidation_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        const QByteArray js = "application/json";
        QTest::newRow("empty object") << js << QByteArray("{}") << "At least one field is required";
        QTest::newRow("unknown key") << js << QByteArray(R"({"foo":true})") << "Unknown field: foo";
        QTest::newRow("_id") << js << QByteArray(R"({"_id":"0123456789abcdef01234567"})")
                             << "Unknown field: _id";
        QTest::newRow("createdAt") << js << QByteArray(R"({"createdAt":"2024-01-01T00:00:00.000Z"})")
                                   << "Unknown field: createdAt";
        QTest::newRow("updatedAt") << js << QByteArray(R"({"updatedAt":"2024-01-01T00:00:00.000Z"})")
                                   << "Unknown field: updatedAt";
        QTest::newRow("bool as string")
            << js << QByteArray(R"({"notifications":"false"})") << "notifications must be a boolean";
        QTest::newRow("bool as number")
            << js << QByteArray(R"({"totalFundVisibility":0})") << "totalFundVisibility must be a boolean";
        QTest::newRow("bool as null")
            << js << QByteArray(R"({"followNotifications":null})") << "followNotifications must be a boolean";
        QTest::newRow("language de") << js << QByteArray(R"({"preferredLanguage":"de"})")
                                     << "preferredLanguage must be one of: en, tr";
        QTest::newRow("language number")
            << js << QByteArray(R"({"preferredLanguage":1})") << "preferredLanguage must be one of: en, tr";
        QTest::newRow("one bad among good")
            << js << QByteArray(R"({"notifications":false,"bar":1})") << "Unknown field: bar";
        QTest::newRow("array body") << js << QByteArray("[]") << "Request body must be a JSON object";
        QTest::newRow("broken json") << js << QByteArray(R"({"notifications":)")
                                     << "Request body must be a JSON object";
        QTest::newRow("empty body") << js << QByteArray() << "Request body must be a JSON object";
        QTest::newRow("text/plain") << QByteArray("text/plain") << QByteArray(R"({"notifications":false})")
                                    << "Content-Type must be application/json";
    }

    void patchValidation()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto t = m_sb->mintToken();
        const QJsonObject before = get(t.access).obj();
        Call c{"PATCH", kSettings, body, t.access};
        c.contentType = contentType;
        const Resp r = call(c);
        QVERIFY2(r.isErrorEnvelope(400), r.body.constData());
        QCOMPARE(r.errors().value(0), QStringLiteral("Validation failed"));
        QVERIFY2(r.errors().contains(message), r.body.constData());
        QCOMPARE(m_sb->settings(), before); // nothing changed
    }

    void unauthorized()
    {
        auto check401 = [](const Resp &r) {
            return r.isErrorEnvelope(401) &&
                   r.errors() == QStringList{QStringLiteral("Authentication required")};
        };
        QVERIFY(check401(get(QString())));
        QVERIFY(check401(patch(QString(), R"({"notifications":false})")));
        const auto expired = m_sb->mintToken(QStringLiteral("qa@example.com"), -10);
        QVERIFY(!expired.access.isEmpty());
        QVERIFY(jwtPayload(expired.access).value(QStringLiteral("exp")).toDouble() <
                QDateTime::currentSecsSinceEpoch());
        QVERIFY(check401(get(expired.access)));
        QVERIFY(check401(get(QStringLiteral("not.a.jwt"))));
        // A token signed by someone else (payload tampered): refused.
        const auto good = m_sb->mintToken();
        QStringList parts = good.access.split(QLatin1Char('.'));
        QJsonObject claims = jwtPayload(good.access);
        claims.insert(QStringLiteral("exp"), claims.value(QStringLiteral("exp")).toDouble() + 1000);
        parts[1] = QString::fromLatin1(
            json(claims).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QVERIFY(check401(get(parts.join(QLatin1Char('.')))));
        // Without the "Bearer " prefix: refused (the client must add it).
        Call raw{"GET", kSettings};
        raw.headers = {{"Authorization", good.access.toLatin1()}};
        QVERIFY(check401(call(raw)));
        QCOMPARE(get(good.access).status, 200);
        // The refresh token still works with an expired access token.
        QCOMPARE(
            post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refreshToken"), expired.refresh}})
                .status,
            201);
    }

    void emailSignIn()
    {
        const QString email = QStringLiteral("New.User@Example.com");
        const Resp sent =
            post(QStringLiteral("/api/v1/auth/send-otp-email"), {{QStringLiteral("email"), email}});
        QCOMPARE(sent.status, 201);
        const QJsonObject w = sent.obj();
        QCOMPARE(w.value(QStringLiteral("isSuccess")), QJsonValue(true)); // wrapped, as documented
        QCOMPARE(w.value(QStringLiteral("statusCode")).toInt(), 201);
        QCOMPARE(w.value(QStringLiteral("errors")).toArray().size(), 0);
        const QString code =
            w.value(QStringLiteral("data")).toObject().value(QStringLiteral("code")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}$")).match(code).hasMatch());

        const QString wrong = code == QLatin1String("0000") ? QStringLiteral("1111") : QStringLiteral("0000");
        const Resp bad = post(QStringLiteral("/api/v1/auth/verify-otp-email"),
                              {{QStringLiteral("email"), email}, {QStringLiteral("code"), wrong}});
        QVERIFY(bad.isErrorEnvelope(400));
        QVERIFY(bad.errors().contains(QStringLiteral("Invalid or expired code")));

        const Resp ok = post(QStringLiteral("/api/v1/auth/verify-otp-email"),
                             {{QStringLiteral("email"), email}, {QStringLiteral("code"), code}});
        QCOMPARE(ok.status, 200); // as the docs show it
        QCOMPARE(ok.obj().value(QStringLiteral("isSuccess")), QJsonValue(true));
        QCOMPARE(ok.obj().value(QStringLiteral("statusCode")).toInt(), 200);
        const QJsonObject set = ok.obj().value(QStringLiteral("data")).toObject();
        QCOMPARE(set.value(QStringLiteral("expiresIn")).toInt(), 3600);
        QCOMPARE(set.value(QStringLiteral("refreshExpiresIn")).toInt(), 2592000);
        QVERIFY(!set.value(QStringLiteral("refreshToken")).toString().isEmpty());
        const QJsonObject user = set.value(QStringLiteral("user")).toObject();
        QVERIFY(kObjectId.match(user.value(QStringLiteral("_id")).toString()).hasMatch());
        QCOMPARE(user.value(QStringLiteral("email")).toString(), email.toLower());
        QCOMPARE(user.value(QStringLiteral("isRegistrationComplete")), QJsonValue(false));
        QVERIFY(user.value(QStringLiteral("roles")).isArray());
        for (const char *k : {"phoneNumber", "countryCode", "username", "name", "surname"})
            QVERIFY2(user.contains(QLatin1String(k)), k);
        const QString access = set.value(QStringLiteral("accessToken")).toString();
        const QJsonObject claims = jwtPayload(access);
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(),
                 user.value(QStringLiteral("_id")).toString());
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() -
                     claims.value(QStringLiteral("iat")).toInteger(),
                 3600);
        QCOMPARE(get(access).status, 200);

        // Codes are single-use.
        const Resp again = post(QStringLiteral("/api/v1/auth/verify-otp-email"),
                                {{QStringLiteral("email"), email}, {QStringLiteral("code"), code}});
        QCOMPARE(again.status, 400);
        // The control API sees the same user.
        QCOMPARE(m_sb->settings(email).value(QStringLiteral("notifications")), QJsonValue(true));
        QVERIFY(post(QStringLiteral("/api/v1/auth/send-otp-email"),
                     {{QStringLiteral("email"), QStringLiteral("nope")}})
                    .isErrorEnvelope(400));
    }

    void phoneSignIn()
    {
        const QJsonObject who{{QStringLiteral("countryCode"), QStringLiteral("90")},
                              {QStringLiteral("phoneNumber"), QStringLiteral("5551234567")}};
        QString firstId;
        for (int round = 0; round < 2; ++round) {
            const Resp sent = post(QStringLiteral("/api/v1/auth/send-otp"), who);
            QCOMPARE(sent.status, 201);
            const QJsonObject o = sent.obj();
            QVERIFY2(!o.contains(QStringLiteral("isSuccess")), "send-otp is bare as documented");
            QCOMPARE(o.value(QStringLiteral("phoneNumber")).toString(), QStringLiteral("5551234567"));
            QCOMPARE(o.value(QStringLiteral("countryCode")).toString(),
                     QStringLiteral("+90")); // as documented
            QJsonObject verify = who;
            verify.insert(QStringLiteral("code"), o.value(QStringLiteral("code")).toString());
            verify.insert(QStringLiteral("signupSource"), QStringLiteral("desktop"));
            verify.insert(QStringLiteral("signupCampaign"), QStringLiteral("qa"));
            const Resp ok = post(QStringLiteral("/api/v1/auth/verify-otp"), verify);
            QCOMPARE(ok.status, 201);
            const QJsonObject set = ok.obj();
            QVERIFY2(!set.contains(QStringLiteral("isSuccess")), "verify-otp is bare as documented");
            const QJsonObject user = set.value(QStringLiteral("user")).toObject();
            QCOMPARE(user.value(QStringLiteral("countryCode")).toString(), QStringLiteral("90"));
            QCOMPARE(user.value(QStringLiteral("phoneNumber")).toString(), QStringLiteral("5551234567"));
            QVERIFY(user.value(QStringLiteral("email")).isNull());
            if (round == 0)
                firstId = user.value(QStringLiteral("_id")).toString();
            else
                QCOMPARE(user.value(QStringLiteral("_id")).toString(), firstId); // same person again
            QCOMPARE(get(set.value(QStringLiteral("accessToken")).toString()).status, 200);
        }
        QJsonObject wrong = who;
        wrong.insert(QStringLiteral("code"), QStringLiteral("12345"));
        QVERIFY(post(QStringLiteral("/api/v1/auth/verify-otp"), wrong).isErrorEnvelope(400));
        QCOMPARE(m_sb->settings(QStringLiteral("+90 5551234567"))
                     .value(QStringLiteral("preferredLanguage"))
                     .toString(),
                 QStringLiteral("en"));
    }

    void refreshRotation()
    {
        const auto t = m_sb->mintToken();
        const QString path = QStringLiteral("/api/v1/auth/refresh");
        const Resp r = post(path, {{QStringLiteral("refreshToken"), t.refresh}});
        QCOMPARE(r.status, 201);
        const QJsonObject o = r.obj();
        QVERIFY2(!o.contains(QStringLiteral("isSuccess")), "refresh is bare as documented");
        const QString access2 = o.value(QStringLiteral("accessToken")).toString();
        const QString refresh2 = o.value(QStringLiteral("refreshToken")).toString();
        QCOMPARE(o.value(QStringLiteral("expiresIn")).toInt(), 3600);
        QCOMPARE(o.value(QStringLiteral("refreshExpiresIn")).toInt(), 2592000);
        QVERIFY(!refresh2.isEmpty() && refresh2 != t.refresh);
        QVERIFY(!access2.isEmpty() && access2 != t.access);
        QCOMPARE(get(access2).status, 200);
        // Refused: 401 with the empty body the docs list for refresh.
        const Resp reused = post(path, {{QStringLiteral("refreshToken"), t.refresh}});
        QCOMPARE(reused.status, 401);
        QVERIFY(reused.body.isEmpty());
        QCOMPARE(post(path, {{QStringLiteral("refreshToken"), refresh2}}).status, 201);
        const Resp bogus = post(path, {{QStringLiteral("refreshToken"), QStringLiteral("bogus")}});
        QCOMPARE(bogus.status, 401);
        QVERIFY(bogus.body.isEmpty());
        QVERIFY(post(path, QJsonObject{}).isErrorEnvelope(400));
    }

    void logoutEndsAllSessions()
    {
        const auto a = m_sb->mintToken();
        const auto b = m_sb->mintToken(); // a second device
        const auto other = m_sb->mintToken(QStringLiteral("someone@example.com"));
        QCOMPARE(get(b.access).status, 200);
        const Resp out = post(QStringLiteral("/api/v1/auth/logout"), {}, a.access);
        QCOMPARE(out.status, 201);
        QCOMPARE(get(a.access).status, 401);
        QCOMPARE(get(b.access).status, 401);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refreshToken"), b.refresh}})
                     .status,
                 401);
        QCOMPARE(get(other.access).status, 200);             // other users unaffected
        QCOMPARE(get(m_sb->mintToken().access).status, 200); // signing in again works
        QCOMPARE(post(QStringLiteral("/api/v1/auth/logout"), {}).status, 401);
    }

    void revokeAndValidate()
    {
        const auto a = m_sb->mintToken();
        const auto b = m_sb->mintToken();
        const Resp v = get(a.access, QStringLiteral("/api/v1/auth/validate-token"));
        QCOMPARE(v.status, 200);
        QCOMPARE(v.obj().value(QStringLiteral("data")).toObject().value(QStringLiteral("valid")),
                 QJsonValue(true));
        QCOMPARE(get(QString(), QStringLiteral("/api/v1/auth/validate-token")).status, 401);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/revoke-token"),
                      {{QStringLiteral("refreshToken"), b.refresh}}, a.access)
                     .status,
                 201);
        const QString path = QStringLiteral("/api/v1/auth/refresh");
        QCOMPARE(post(path, {{QStringLiteral("refreshToken"), b.refresh}}).status, 401);
        QCOMPARE(post(path, {{QStringLiteral("refreshToken"), a.refresh}}).status, 201);
        QCOMPARE(get(b.access).status, 200); // revoking one refresh token leaves access tokens alone
    }

    void faultStatusAndQueue()
    {
        const auto t = m_sb->mintToken();
        m_sb->addFault(
            {{QStringLiteral("fault"), QStringLiteral("status")}, {QStringLiteral("status"), 404}});
        const Resp r404 = get(t.access);
        QVERIFY(r404.isErrorEnvelope(404));
        QCOMPARE(r404.errors(), QStringList{QStringLiteral("Resource not found")});
        QCOMPARE(get(t.access).status, 200); // count 1 by default

        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("status")},
                        {QStringLiteral("status"), 409},
                        {QStringLiteral("errors"), QJsonArray{QStringLiteral("Version conflict")}}});
        m_sb->addFault(
            {{QStringLiteral("fault"), QStringLiteral("status")}, {QStringLiteral("status"), 500}});
        const Resp first = patch(t.access, R"({"notifications":false})");
        QVERIFY(first.isErrorEnvelope(409)); // FIFO
        QCOMPARE(first.errors(), QStringList{QStringLiteral("Version conflict")});
        QVERIFY(get(t.access).isErrorEnvelope(500));
        QCOMPARE(m_sb->settings().value(QStringLiteral("notifications")),
                 QJsonValue(true)); // faulted = not applied

        // Path filter and count.
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("status")},
                        {QStringLiteral("status"), 503},
                        {QStringLiteral("count"), 2},
                        {QStringLiteral("path"), QStringLiteral("/api/v1/auth/")}});
        QCOMPARE(get(t.access).status, 200);
        QCOMPARE(get(t.access, QStringLiteral("/api/v1/auth/validate-token")).status, 503);
        QCOMPARE(get(t.access, QStringLiteral("/api/v1/auth/validate-token")).status, 503);
        QCOMPARE(get(t.access, QStringLiteral("/api/v1/auth/validate-token")).status, 200);

        // -1: until reset.
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("status")},
                        {QStringLiteral("status"), 403},
                        {QStringLiteral("count"), -1}});
        for (int i = 0; i < 3; ++i)
            QVERIFY(get(t.access).isErrorEnvelope(403));
        m_sb->reset();
        QCOMPARE(get(t.access).status, 200);

        // Bad fault specs are refused by the control API (SandboxProcess warns about it).
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown fault")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("redirect needs")));
        QCOMPARE(m_sb->control("POST", QStringLiteral("/__sandbox/faults"), R"({"fault":"explode"})"), 400);
        QCOMPARE(m_sb->control("POST", QStringLiteral("/__sandbox/faults"), R"({"fault":"redirect"})"), 400);
    }

    void faultHtml502()
    {
        const auto t = m_sb->mintToken();
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("html502")}});
        const Resp r = get(t.access);
        QCOMPARE(r.status, 502);
        QVERIFY(r.header("content-type").startsWith("text/html"));
        QVERIFY(r.body.contains("<html>"));
        QVERIFY(QJsonDocument::fromJson(r.body).isNull());
    }

    void faultSlowDoesNotBlock()
    {
        const auto t = m_sb->mintToken();
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("slow")},
                        {QStringLiteral("delayMs"), 1500},
                        {QStringLiteral("path"), kSettings}});
        QNetworkReply *slow = start(*m_sb, Call{"GET", kSettings, {}, t.access});
        QTest::qWait(100); // the slow request is on the wire first
        const Resp quick = get(t.access, QStringLiteral("/api/v1/auth/validate-token"));
        QCOMPARE(quick.status, 200);
        QVERIFY2(quick.ms < 1000, qPrintable(QString::number(quick.ms)));
        QVERIFY(!slow->isFinished());
        const Resp r = finish(slow);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.ms >= 1400, qPrintable(QString::number(r.ms)));
        QVERIFY(r.obj().contains(QStringLiteral("notifications")));

        // A client that gives up on a slow PATCH does not upset the server, and (as with a real
        // slow server) the change is still applied when the delay ends.
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("slow")}, {QStringLiteral("delayMs"), 300}});
        QNetworkReply *abandoned =
            start(*m_sb, Call{"PATCH", kSettings, R"({"notifications":false})", t.access});
        QTest::qWait(50);
        abandoned->abort();
        abandoned->deleteLater();
        QTRY_COMPARE(m_sb->settings().value(QStringLiteral("notifications")), QJsonValue(false));
        QVERIFY(m_sb->isRunning());
        QCOMPARE(get(t.access).status, 200);
    }

    void faultDrop()
    {
        const auto t = m_sb->mintToken();
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("drop")}});
        const Resp r = get(t.access);
        QVERIFY2(r.error != QNetworkReply::NoError, r.body.constData());
        QVERIFY(QJsonDocument::fromJson(r.body).isNull());
        QCOMPARE(get(t.access).status, 200);
        QCOMPARE(m_sb->requests(QStringLiteral("GET")).size(), 2);
    }

    void faultMalformed()
    {
        const auto t = m_sb->mintToken();
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("malformed")}});
        const Resp r = get(t.access);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("application/json"));
        QJsonParseError pe{};
        QJsonDocument::fromJson(r.body, &pe);
        QVERIFY(pe.error != QJsonParseError::NoError);
    }

    // nocode: the code is issued (it signs in) but not returned, wrapped (email) or bare (phone).
    void faultNoCode()
    {
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("nocode")}, {QStringLiteral("count"), 2}});
        const Resp email = post(QStringLiteral("/api/v1/auth/send-otp-email"),
                                {{QStringLiteral("email"), QStringLiteral("qa@example.com")}});
        QCOMPARE(email.status, 201);
        const QJsonObject data = email.obj().value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("email")).toString(), QStringLiteral("qa@example.com"));
        QVERIFY(!data.contains(QStringLiteral("code")));
        const Resp phone = post(QStringLiteral("/api/v1/auth/send-otp"),
                                {{QStringLiteral("countryCode"), QStringLiteral("90")},
                                 {QStringLiteral("phoneNumber"), QStringLiteral("5551234567")}});
        QCOMPARE(phone.status, 201);
        QCOMPARE(phone.obj().value(QStringLiteral("phoneNumber")).toString(), QStringLiteral("5551234567"));
        QVERIFY(!phone.obj().contains(QStringLiteral("code")));
        const Resp again = post(QStringLiteral("/api/v1/auth/send-otp-email"),
                                {{QStringLiteral("email"), QStringLiteral("qa@example.com")}});
        QVERIFY(again.obj().value(QStringLiteral("data")).toObject().contains(QStringLiteral("code")));
    }

    void faultHuge()
    {
        const auto t = m_sb->mintToken();
        m_sb->addFault(
            {{QStringLiteral("fault"), QStringLiteral("huge")}, {QStringLiteral("bytes"), 300000}});
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("huge")}});
        const Resp r = get(t.access);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), 300000);
        QCOMPARE(r.header("content-length"), QByteArray("300000"));
        QCOMPARE(r.obj().value(QStringLiteral("notifications")), QJsonValue(true));
        const Resp big = get(t.access);
        QCOMPARE(big.body.size(), 2 * 1024 * 1024);
        QVERIFY(big.obj().contains(QStringLiteral("preferredLanguage")));
    }

    void faultRateLimit()
    {
        const auto t = m_sb->mintToken();
        m_sb->addFault(
            {{QStringLiteral("fault"), QStringLiteral("ratelimit")}, {QStringLiteral("retryAfter"), 3}});
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("ratelimit")}});
        const Resp r = get(t.access);
        QVERIFY(r.isErrorEnvelope(429));
        QCOMPARE(r.header("retry-after"), QByteArray("3"));
        QCOMPARE(get(t.access).header("retry-after"), QByteArray("1"));
    }

    void faultRedirect()
    {
        const auto t = m_sb->mintToken();
        m_sb->addFault({{QStringLiteral("fault"), QStringLiteral("redirect")},
                        {QStringLiteral("location"), QStringLiteral("http://127.0.0.1:9")}});
        const Resp r = get(t.access, kSettings + QStringLiteral("?x=1"));
        QCOMPARE(r.status, 307);
        QCOMPARE(r.header("location"), QByteArray("http://127.0.0.1:9/api/v1/user-settings?x=1"));
    }

    void styles()
    {
        SandboxProcess wrapped(
            {QStringLiteral("--style"), QStringLiteral("wrapped"), QStringLiteral("--quiet")});
        QVERIFY(wrapped.isRunning());
        const auto t = wrapped.mintToken();
        const Resp g = call(wrapped, Call{"GET", kSettings, {}, t.access});
        QCOMPARE(g.status, 200);
        const QJsonObject o = g.obj();
        QCOMPARE(o.value(QStringLiteral("isSuccess")), QJsonValue(true));
        QCOMPARE(o.value(QStringLiteral("statusCode")).toInt(), 200);
        QCOMPARE(o.value(QStringLiteral("errors")).toArray().size(), 0);
        QVERIFY(kIsoMs.match(o.value(QStringLiteral("timestamp")).toString()).hasMatch());
        QCOMPARE(o.value(QStringLiteral("data")).toObject().value(QStringLiteral("notifications")),
                 QJsonValue(true));
        const Resp rf = call(wrapped, Call{"POST", QStringLiteral("/api/v1/auth/refresh"),
                                           json({{QStringLiteral("refreshToken"), t.refresh}})});
        QVERIFY(rf.obj().value(QStringLiteral("data")).toObject().contains(QStringLiteral("accessToken")));
        QVERIFY(wrapped.stderrText().isEmpty()); // --quiet

        SandboxProcess bare({QStringLiteral("--style"), QStringLiteral("bare")});
        QVERIFY(bare.isRunning());
        const Resp s = call(bare, Call{"POST", QStringLiteral("/api/v1/auth/send-otp-email"),
                                       json({{QStringLiteral("email"), QStringLiteral("b@example.com")}})});
        QCOMPARE(s.status, 201);
        QVERIFY(!s.obj().contains(QStringLiteral("isSuccess")));
        QCOMPARE(s.obj().value(QStringLiteral("email")).toString(), QStringLiteral("b@example.com"));
        QVERIFY(call(bare, Call{"GET", kSettings}).isErrorEnvelope(401)); // errors stay wrapped
    }

    void turkishErrors()
    {
        const auto t = m_sb->mintToken();
        auto tr = [](Call c) {
            c.headers.append(qMakePair(QByteArray("X-Language"), QByteArray("tr")));
            return c;
        };
        const Resp r401 = call(tr(Call{"GET", kSettings}));
        QVERIFY(r401.isErrorEnvelope(401));
        QCOMPARE(r401.errors().value(0), QStringLiteral("Kimlik doğrulaması gerekli"));
        const Resp r400 = call(tr(Call{"PATCH", kSettings, R"({"foo":1})", t.access}));
        QVERIFY(r400.isErrorEnvelope(400));
        QCOMPARE(r400.errors(), (QStringList{QStringLiteral("Doğrulama başarısız"),
                                             QStringLiteral("Bilinmeyen alan: foo")}));
        QCOMPARE(
            call(tr(Call{"GET", QStringLiteral("/api/v1/nothing-here"), {}, t.access})).errors().value(0),
            QStringLiteral("Kaynak bulunamadı"));
        const QList<QPair<int, QString>> texts{
            {403, QStringLiteral("Yetersiz izinler")},
            {409, QStringLiteral("Kaynak zaten mevcut veya mevcut durumunda değiştirilemez")},
            {500, QStringLiteral("Sunucu hatası")},
        };
        for (const auto &p : texts) {
            m_sb->addFault(
                {{QStringLiteral("fault"), QStringLiteral("status")}, {QStringLiteral("status"), p.first}});
            const Resp r = call(tr(Call{"GET", kSettings, {}, t.access}));
            QVERIFY(r.isErrorEnvelope(p.first));
            QCOMPARE(r.errors().value(0), p.second);
        }
        QCOMPARE(get(QString()).errors().value(0),
                 QStringLiteral("Authentication required")); // English default
    }

    void plantedSettings()
    {
        const auto t = m_sb->mintToken();
        m_sb->setSettings(QStringLiteral("qa@example.com"),
                          {{QStringLiteral("preferredLanguage"), QStringLiteral("de")},
                           {QStringLiteral("legacyFlag"), 42}});
        const QJsonObject o = get(t.access).obj();
        QCOMPARE(o.value(QStringLiteral("preferredLanguage")).toString(), QStringLiteral("de"));
        QCOMPARE(o.value(QStringLiteral("legacyFlag")).toInt(), 42);
        QCOMPARE(o.value(QStringLiteral("notifications")), QJsonValue(true));
        // A PATCH keeps planted fields it was not asked to change.
        const QJsonObject p = patch(t.access, R"({"preferredLanguage":"en"})").obj();
        QCOMPARE(p.value(QStringLiteral("legacyFlag")).toInt(), 42);
        QVERIFY(m_sb->settings(QStringLiteral("nobody@example.com")).isEmpty());
    }

    void requestLogAndRedaction()
    {
        const auto t = m_sb->mintToken();
        get(t.access, kSettings + QStringLiteral("?lang=tr&token=secret123"));
        post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refreshToken"), t.refresh}});
        m_sb->settings(); // control calls are not recorded
        const QJsonArray all = m_sb->requests();
        QCOMPARE(all.size(), 2);
        const QJsonObject first = all.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(first.value(QStringLiteral("path")).toString(),
                 kSettings + QStringLiteral("?lang=tr&token=secret123"));
        for (const QString &name : first.value(QStringLiteral("headers")).toObject().keys())
            QCOMPARE(name, name.toLower());
        QCOMPARE(m_sb->requests(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/")).size(), 1);
        QCOMPARE(m_sb->requests(QStringLiteral("PATCH")).size(), 0);

        QTRY_VERIFY(m_sb->stderrText().contains(QStringLiteral("POST /api/v1/auth/refresh -> 201")));
        const QString log = m_sb->stderrText();
        QVERIFY(log.contains(QStringLiteral("GET /api/v1/user-settings?lang=tr&token=<redacted> -> 200")));
        QVERIFY(!log.contains(t.access));
        QVERIFY(!log.contains(t.access.section(QLatin1Char('.'), 2)));
        QVERIFY(!log.contains(t.refresh));
        QVERIFY(!log.contains(QStringLiteral("secret123")));
    }

    void commandLine()
    {
        const QString exe = QString::fromLocal8Bit(qgetenv("ALLMINE_SANDBOX"));
        for (const QStringList &args : {QStringList{QStringLiteral("--host"), QStringLiteral("0.0.0.0")},
                                        QStringList{QStringLiteral("--host"), QStringLiteral("192.168.1.10")},
                                        QStringList{QStringLiteral("--style"), QStringLiteral("fancy")}}) {
            QProcess p;
            p.start(exe, args);
            QVERIFY(p.waitForFinished(5000));
            QVERIFY2(p.exitCode() != 0, qPrintable(args.join(QLatin1Char(' '))));
            QVERIFY(p.readAllStandardOutput().isEmpty());
        }
        // Exactly one stdout line; clean exit on SIGTERM.
        QProcess p;
        p.start(exe, {QStringLiteral("--host"), QStringLiteral("localhost"), QStringLiteral("--quiet")});
        QVERIFY(p.waitForReadyRead(5000));
        QTest::qWait(100);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+\\n$"))
                     .match(QString::fromUtf8(out))
                     .hasMatch(),
                 out.constData());
        p.terminate();
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }

    void tls()
    {
        QTemporaryDir dir;
        QVERIFY(makeSelfSignedCertificate(dir.path())); // fails, naming openssl, when it is missing
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));

        SandboxProcess https({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY2(https.isRunning(), qPrintable(https.stderrText()));
        QCOMPARE(https.baseUrl().scheme(), QStringLiteral("https"));
        const auto t = https.mintToken(); // control calls work over TLS too

        // A client that trusts exactly this certificate gets through; one that does not, fails.
        QNetworkRequest req(https.url(kSettings));
        req.setRawHeader("Authorization", "Bearer " + t.access.toLatin1());
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(cert));
        req.setSslConfiguration(ssl);
        QNetworkReply *trusted = m_nam.get(req);
        trusted->setProperty("startedMs", QDateTime::currentMSecsSinceEpoch());
        const Resp ok = finish(trusted);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.obj().value(QStringLiteral("notifications")), QJsonValue(true));
        QNetworkAccessManager fresh;
        QNetworkReply *untrusted = fresh.get(QNetworkRequest(https.url(kSettings)));
        untrusted->setProperty("startedMs", QDateTime::currentMSecsSinceEpoch());
        const Resp bad = finish(untrusted);
        QCOMPARE(bad.error, QNetworkReply::SslHandshakeFailedError);
    }

    void cleanupTestCase() { m_sb.reset(); }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
