// The request log's redaction and export, where they live (RequestLogModel, RequestLogDock):
// tokens in sign-in and refresh bodies and one-time codes never show in the details pane, in
// "Copy as cURL" or in the exported file, which holds everything else QA needs.
#include "RequestLogDock.h"
#include "RequestLogModel.h"
#include "SandboxProcess.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/FixedTokenAuthenticator.h"
#include "api/SettingsSession.h"
#include "i18n/LanguageManager.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kAccess = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJxYSJ9.c2lnbmF0dXJlLXNlY3JldA");
const QString kRefresh = QStringLiteral("rt_9f8e7d6c5b4a39281706f5e4d3c2b1a0");
const QString kCode = QStringLiteral("4821");

QUrl api(const QString &path)
{
    return QUrl(QStringLiteral("http://127.0.0.1:4000/api/v1/") + path);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// What the app exchanges when it signs in and refreshes, as ApiCall records it.
QList<RequestRecord> signInAndRefresh()
{
    RequestRecord verify;
    verify.started = QDateTime::currentDateTime();
    verify.method = "POST";
    verify.url = api(QStringLiteral("auth/verify-otp-email"));
    verify.status = 201;
    verify.elapsedMs = 12;
    verify.requestHeaders = {{"Content-Type", "application/json"}};
    verify.requestBody =
        json({{QStringLiteral("email"), QStringLiteral("qa@example.com")}, {QStringLiteral("code"), kCode}});
    verify.responseHeaders = {{"Content-Type", "application/json"}};
    verify.responseBody =
        json({{QStringLiteral("isSuccess"), true},
              {QStringLiteral("data"), QJsonObject{{QStringLiteral("accessToken"), kAccess},
                                                   {QStringLiteral("refreshToken"), kRefresh},
                                                   {QStringLiteral("expiresIn"), 3600}}}});
    verify.responseBytes = verify.responseBody.size();

    RequestRecord refresh = verify;
    refresh.url = api(QStringLiteral("auth/refresh"));
    refresh.requestBody = json({{QStringLiteral("refreshToken"), kRefresh}});
    // A dropped answer: cut off in the middle of the new access token.
    refresh.responseBody = "{\"accessToken\":\"" + kAccess.left(40).toUtf8();
    refresh.status = 0;
    refresh.error = QStringLiteral("Connection closed");

    RequestRecord get;
    get.started = QDateTime::currentDateTime();
    get.method = "GET";
    get.url = api(QStringLiteral("user-settings"));
    get.status = 200;
    get.requestHeaders = {{"Authorization", RequestRecord::kRedacted}, {"X-Language", "en"}};
    get.responseBody = json({{QStringLiteral("notifications"), true}});
    get.responseBytes = get.responseBody.size();
    return {verify, refresh, get};
}

bool mentionsSecret(const QString &text)
{
    return text.contains(kAccess.left(24)) || text.contains(kAccess.right(16)) || text.contains(kRefresh) ||
           text.contains(kRefresh.right(12)) || text.contains(kCode);
}

ServerProfile development()
{
    ServerProfile profile;
    profile.name = QStringLiteral("dev");
    return profile;
}
} // namespace

class TestRequestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redactsBodies_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("verify-otp answer, wrapped")
            << api(QStringLiteral("auth/verify-otp"))
            << QByteArray("{\"data\":{\"accessToken\":\"A.B.C\",\"refreshToken\":\"rt1\",\"expiresIn\":60},"
                          "\"isSuccess\":true}")
            << QByteArray("{\"data\":{\"accessToken\":\"<redacted>\",\"expiresIn\":60,\"refreshToken\":\"<"
                          "redacted>\"},\"isSuccess\":true}");
        QTest::newRow("refresh request")
            << api(QStringLiteral("auth/refresh")) << QByteArray("{\"refreshToken\":\"rt1\"}")
            << QByteArray("{\"refreshToken\":\"<redacted>\"}");
        QTest::newRow("any case, in arrays, key token")
            << api(QStringLiteral("x"))
            << QByteArray("[{\"AccessToken\":\"a\"},{\"list\":[{\"token\":\"t\"}]}]")
            << QByteArray("[{\"AccessToken\":\"<redacted>\"},{\"list\":[{\"token\":\"<redacted>\"}]}]");
        QTest::newRow("verify-otp code")
            << api(QStringLiteral("auth/verify-otp-email"))
            << QByteArray("{\"code\":\"1234\",\"email\":\"qa@example.com\"}")
            << QByteArray("{\"code\":\"<redacted>\",\"email\":\"qa@example.com\"}");
        QTest::newRow("send-otp answer, numeric code")
            << api(QStringLiteral("auth/send-otp")) << QByteArray("{\"code\":1234}")
            << QByteArray("{\"code\":\"<redacted>\"}");
        QTest::newRow("code outside OTP calls is data")
            << api(QStringLiteral("user-settings")) << QByteArray("{\"code\":\"tr\"}")
            << QByteArray("{\"code\":\"tr\"}");
        QTest::newRow("non-string token values are not secrets")
            << api(QStringLiteral("auth/refresh")) << QByteArray("{\"token\":null,\"tokenCount\":2}")
            << QByteArray("{\"token\":null,\"tokenCount\":2}");
        QTest::newRow("nothing secret: unchanged, byte for byte")
            << api(QStringLiteral("user-settings")) << QByteArray("{ \"notifications\" : true }")
            << QByteArray("{ \"notifications\" : true }");
        QTest::newRow("cut off mid-token")
            << api(QStringLiteral("auth/refresh"))
            << QByteArray("{\"data\":{\"refreshToken\":\"rt1\",\"accessToken\":\"eyJhbGci")
            << QByteArray("{\"data\":{\"refreshToken\":\"<redacted>\",\"accessToken\":\"<redacted>");
        QTest::newRow("cut off, OTP code") << api(QStringLiteral("auth/send-otp-email"))
                                           << QByteArray("{\"email\":\"a@b.c\", \"code\" : \"12")
                                           << QByteArray("{\"email\":\"a@b.c\", \"code\" : \"<redacted>\"");
        QTest::newRow("not JSON at all")
            << api(QStringLiteral("auth/refresh")) << QByteArray("<html>502 Bad Gateway</html>")
            << QByteArray("<html>502 Bad Gateway</html>");
    }

    void redactsBodies()
    {
        QFETCH(QUrl, url);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QCOMPARE(RequestLogModel::redactBody(body, url), expected);
    }

    // Sizes read as a person says them in the window's English: "1 byte", "134 bytes"; larger
    // answers in KiB.
    void sizesReadAsWords()
    {
        LanguageManager languages;
        QVERIFY(languages.apply(QStringLiteral("en"))); // the window's English, plural forms included
        RequestLogModel model;
        for (const qint64 bytes : {qint64(1), qint64(134), qint64(2048)}) {
            RequestRecord record;
            record.started = QDateTime::currentDateTime();
            record.method = "GET";
            record.url = QUrl(QStringLiteral("http://127.0.0.1:8001/api/v1/user-settings"));
            record.status = 200;
            record.responseBytes = bytes;
            model.append(development(), record);
        }
        const auto size = [&model](int row) {
            return model.index(row, RequestLogModel::Size).data().toString();
        };
        QCOMPARE(size(0), QStringLiteral("1 byte"));
        QCOMPARE(size(1), QStringLiteral("134 bytes"));
        QVERIFY2(size(2).contains(QStringLiteral("KiB")), qPrintable(size(2)));
    }

    // Requests made in Turkish name their server in English once the window is English.
    void serverNamesFollowTheLanguage()
    {
        LanguageManager languages;
        QVERIFY(languages.apply(QStringLiteral("tr")));
        RequestLogModel model;
        RequestRecord record;
        record.started = QDateTime::currentDateTime();
        record.method = "GET";
        record.url = QUrl(QStringLiteral("http://127.0.0.1:8001/api/v1/user-settings"));
        model.append(development(), record);
        const QModelIndex server = model.index(0, RequestLogModel::Server);
        const QString turkish = server.data().toString();
        QVERIFY2(turkish != QStringLiteral("Development"), qPrintable(turkish)); // or this proves nothing
        QVERIFY(languages.apply(QStringLiteral("en")));
        QCOMPARE(server.data().toString(), QStringLiteral("Development"));
    }

    void detailsAndCurlShowNoSecret()
    {
        RequestLogModel model;
        RequestLogDock dock(&model);
        for (const RequestRecord &record : signInAndRefresh())
            model.append(development(), record);
        for (int row = 0; row < model.rowCount(); ++row) {
            dock.table()->selectRow(row);
            const QString details = dock.detailsView()->toPlainText();
            QVERIFY2(!details.isEmpty(), qPrintable(QString::number(row)));
            QVERIFY2(!mentionsSecret(details), qPrintable(details));
            QVERIFY2(!mentionsSecret(dock.selectedAsCurl()), qPrintable(dock.selectedAsCurl()));
            QVERIFY(details.contains(QStringLiteral("<redacted>")));
        }
        dock.table()->selectRow(0);
        QVERIFY(
            dock.detailsView()->toPlainText().contains(QStringLiteral("qa@example.com"))); // the rest stays
        QVERIFY(dock.detailsView()->toPlainText().contains(QStringLiteral("\"expiresIn\": 3600")));
        dock.table()->selectRow(2);
        QVERIFY(
            dock.detailsView()->toPlainText().contains(QStringLiteral("Authorization: Bearer <redacted>")));
    }

    void exportHoldsEverythingButSecrets()
    {
        RequestLogModel model;
        RequestLogDock dock(&model);
        QVERIFY(!dock.exportButton()->isEnabled()); // nothing to export yet
        const QList<RequestRecord> records = signInAndRefresh();
        for (const RequestRecord &record : records)
            model.append(development(), record);
        QVERIFY(dock.exportButton()->isEnabled());
        QCOMPARE(dock.exportButton()->text(), QStringLiteral("Export…"));

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("log.json"));
        QString error;
        QVERIFY2(dock.exportTo(file, &error), qPrintable(error));
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        const QByteArray text = saved.readAll();
        QVERIFY2(!mentionsSecret(QString::fromUtf8(text)), text.constData());

        const QJsonArray requests =
            QJsonDocument::fromJson(text).object().value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), records.size());
        const QJsonObject verify = requests.at(0).toObject();
        QCOMPARE(verify.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(verify.value(QStringLiteral("url")).toString(), records.at(0).url.toString());
        QCOMPARE(verify.value(QStringLiteral("status")).toInt(), 201);
        QCOMPARE(verify.value(QStringLiteral("server")).toString(), QStringLiteral("dev"));
        QCOMPARE(verify.value(QStringLiteral("durationMs")).toInt(), 12);
        QCOMPARE(verify.value(QStringLiteral("size")).toInt(), int(records.at(0).responseBytes));
        QVERIFY(QDateTime::fromString(verify.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                    .isValid());
        QCOMPARE(
            verify.value(QStringLiteral("requestHeaders")).toObject().value(QStringLiteral("Content-Type")),
            QJsonValue(QStringLiteral("application/json")));
        QCOMPARE(verify.value(QStringLiteral("requestBody")).toObject(),
                 QJsonObject({{QStringLiteral("email"), QStringLiteral("qa@example.com")},
                              {QStringLiteral("code"), QStringLiteral("<redacted>")}}));
        QCOMPARE(verify.value(QStringLiteral("responseBody"))
                     .toObject()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("accessToken")),
                 QJsonValue(QStringLiteral("<redacted>")));
        const QJsonObject dropped = requests.at(1).toObject();
        QVERIFY(dropped.value(QStringLiteral("status")).isNull());
        QCOMPARE(dropped.value(QStringLiteral("error")).toString(), QStringLiteral("Connection closed"));
        QVERIFY(dropped.value(QStringLiteral("responseBody")).isString()); // cut-off text, redacted
        const QJsonObject get = requests.at(2).toObject();
        QCOMPARE(
            get.value(QStringLiteral("requestHeaders")).toObject().value(QStringLiteral("Authorization")),
            QJsonValue(QStringLiteral("Bearer <redacted>")));
        QVERIFY(get.value(QStringLiteral("requestBody")).isNull());
        QCOMPARE(get.value(QStringLiteral("responseBody")).toObject(),
                 QJsonObject({{QStringLiteral("notifications"), true}}));

        // A place that cannot be written: false, with the reason.
        QVERIFY(!dock.exportTo(dir.filePath(QStringLiteral("missing/dir/log.json")), &error));
        QVERIFY(!error.isEmpty());
        model.clear();
        QVERIFY(!dock.exportButton()->isEnabled());
    }

    void echoingServerGetsNoTokenIntoTheLogOrItsExport()
    {
        // A real exchange with a server that echoes the Authorization header inside escape
        // sequences, in its errors and in a response header.
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        const QString token = sandbox.mintToken().access;
        sandbox.addFault({{QStringLiteral("fault"), QStringLiteral("echo")}});
        ServerProfile profile;
        profile.name = QStringLiteral("dev");
        profile.baseUrl = sandbox.baseUrl();
        ApiClient client(profile);
        client.setAuthenticator(new FixedTokenAuthenticator(profile.origin(), token, &client));
        RequestLogModel model;
        connect(&client, &ApiClient::exchanged, &model,
                [&](const RequestRecord &record) { model.append(profile, record); });
        RequestLogDock dock(&model);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));

        ApiCall *call = client.get(QString::fromLatin1(SettingsSession::kPath));
        QSignalSpy finished(call, &ApiCall::finished);
        QVERIFY(finished.wait(10000));
        const QString signature = token.section(QLatin1Char('.'), -1);
        const QString message = finished.first().first().value<ApiResult>().error.message();
        QVERIFY2(message.contains(QStringLiteral("Bearer <redacted>")), qPrintable(message));
        QVERIFY(!message.contains(signature) && !message.contains(QChar(0x1b)));

        QCOMPARE(model.rowCount(), 1);
        QTest::mouseClick(dock.table()->viewport(), Qt::LeftButton, {},
                          dock.table()->visualRect(model.index(0, RequestLogModel::Url)).center());
        const QString details = dock.detailsView()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("X-Echo: Bearer <redacted>")), qPrintable(details));
        QVERIFY(!details.contains(signature) && !details.contains(QChar(0x1b)));

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("log.json"));
        QVERIFY(dock.exportTo(file));
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY2(text.contains("Invalid authorization: Bearer <redacted>"), text.constData());
        QVERIFY(!text.contains(signature.toUtf8()));
        QVERIFY(!text.contains("\\u001b") && !text.contains('\x1b'));
    }
};

QTEST_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
