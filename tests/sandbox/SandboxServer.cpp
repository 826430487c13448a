#include "SandboxServer.h"

#include "ChunkedStream.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <cstdio>
#include <memory>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#endif

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponder::StatusCode;

namespace {

const QString kControl = QStringLiteral("/__sandbox/");

QByteArray methodName(Method m)
{
    switch (m) {
    case Method::Get:
        return "GET";
    case Method::Put:
        return "PUT";
    case Method::Delete:
        return "DELETE";
    case Method::Post:
        return "POST";
    case Method::Head:
        return "HEAD";
    case Method::Options:
        return "OPTIONS";
    case Method::Patch:
        return "PATCH";
    case Method::Connect:
        return "CONNECT";
    case Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

Method methodFromName(const QByteArray &name)
{
    if (name == "GET")
        return Method::Get;
    if (name == "PATCH")
        return Method::Patch;
    return Method::Post;
}

QJsonObject bodyObject(const QHttpServerRequest &request)
{
    return QJsonDocument::fromJson(request.body()).object();
}

QHttpServerResponse controlError(const QString &message, StatusCode status = StatusCode::BadRequest)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), message}}, status);
}

} // namespace

SandboxServer::SandboxServer(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_api(options.api)
{
    setupRoutes();
}

SandboxServer::~SandboxServer() = default;

ApiRequest SandboxServer::copyRequest(const QHttpServerRequest &request)
{
    ApiRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.path = url.path();
    r.pathWithQuery = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        r.pathWithQuery += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    for (const auto &h : request.headers())
        r.headers.append({h.first.toLower(), h.second});
    r.body = request.body();
    r.time = Envelope::isoNow();
    return r;
}

void SandboxServer::setupRoutes()
{
    // Every API endpoint is a route whose handler takes the responder by rvalue: that lets a
    // fault answer later (`slow`: the responder lives on in a shared_ptr until a QTimer fires)
    // or reach the socket (`drop`). Unknown paths and methods reach the missing handler, which
    // funnels into the same place so that they are recorded, can be faulted, and get a 404.
    for (const auto &ep : AllmineApi::endpoints()) {
        m_http.route(ep.second, methodFromName(ep.first),
                     [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                         onApiRequest(request, std::move(responder));
                     });
    }

    m_http.route(QStringLiteral("/__sandbox/token"), Method::Post,
                 [this](const QHttpServerRequest &request) { return controlToken(request); });
    m_http.route(QStringLiteral("/__sandbox/faults"), Method::Post,
                 [this](const QHttpServerRequest &request) { return controlFaults(request); });
    m_http.route(QStringLiteral("/__sandbox/reset"), Method::Post,
                 [this](const QHttpServerRequest &request) { return controlReset(request); });
    m_http.route(QStringLiteral("/__sandbox/requests"), Method::Get,
                 [this]() { return QHttpServerResponse(m_recorded); });
    m_http.route(QStringLiteral("/__sandbox/stats"), Method::Get, [this]() {
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("spentRefreshReuses"), m_api.users().spentRefreshReuses()}});
    });
    m_http.route(QStringLiteral("/__sandbox/settings"), Method::Post,
                 [this](const QHttpServerRequest &request) { return controlSetSettings(request); });
    m_http.route(QStringLiteral("/__sandbox/settings"), Method::Get,
                 [this](const QHttpServerRequest &request) { return controlGetSettings(request); });

    m_http.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (request.url().path().startsWith(kControl)) {
            writeReply(responder,
                       Reply{404, "application/json", R"({"error":"unknown control endpoint"})", {}});
            return;
        }
        onApiRequest(request, std::move(responder));
    });
}

bool SandboxServer::start(QString *error)
{
    QHostAddress address;
    if (m_options.host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else
        address = QHostAddress(m_options.host);
    if (address.isNull() || !address.isLoopback()) {
        *error = QStringLiteral("refusing to listen on \"%1\": only loopback addresses (127.0.0.1, ::1, "
                                "localhost) are allowed")
                     .arg(m_options.host);
        return false;
    }

    const bool tls = !m_options.tlsCert.isEmpty() || !m_options.tlsKey.isEmpty();
    if (tls) {
#if QT_CONFIG(ssl)
        if (m_options.tlsCert.isEmpty() || m_options.tlsKey.isEmpty()) {
            *error = QStringLiteral("--tls-cert and --tls-key go together");
            return false;
        }
        if (!QSslSocket::supportsSsl()) {
            *error = QStringLiteral("this Qt has no working TLS backend");
            return false;
        }
        const auto certs = QSslCertificate::fromPath(m_options.tlsCert, QSsl::Pem);
        QFile keyFile(m_options.tlsKey);
        if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the TLS certificate or key");
            return false;
        }
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) {
            *error = QStringLiteral("cannot parse the TLS key (PEM, RSA or EC, unencrypted)");
            return false;
        }
        m_http.sslSetup(certs.first(), key);
#else
        *error = QStringLiteral("this Qt was built without TLS");
        return false;
#endif
    }

    const quint16 port = m_http.listen(address, m_options.port);
    if (port == 0) {
        *error = QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(m_options.port);
        return false;
    }
    m_baseUrl = QUrl();
    m_baseUrl.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    m_baseUrl.setHost(address.toString());
    m_baseUrl.setPort(port);
    return true;
}

void SandboxServer::record(const ApiRequest &req)
{
    QJsonObject headers;
    for (const auto &h : req.headers) {
        const QString name = QString::fromLatin1(h.first);
        const QString prev = headers.value(name).toString();
        const QString value = QString::fromUtf8(h.second);
        headers.insert(name, prev.isEmpty() ? value : prev + QStringLiteral(", ") + value);
    }
    m_recorded.append(QJsonObject{
        {QStringLiteral("method"), QString::fromLatin1(req.method)},
        {QStringLiteral("path"), req.pathWithQuery},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("body"), QString::fromUtf8(req.body)},
        {QStringLiteral("time"), req.time},
    });
}

void SandboxServer::logLine(const ApiRequest &req, int status, const QString &note) const
{
    if (m_options.quiet)
        return;
    // Never print a token: the Authorization value is summarised, query values that look
    // secret are masked, bodies are not logged at all.
    static const QRegularExpression secretQuery(
        QStringLiteral("((?:token|code|secret|password|key)[^=&]*)=[^&]*"),
        QRegularExpression::CaseInsensitiveOption);
    QString path = req.pathWithQuery;
    path.replace(secretQuery, QStringLiteral("\\1=<redacted>"));
    QString auth;
    const QByteArray a = req.header("authorization");
    if (!a.isEmpty())
        auth = a.toLower().startsWith("bearer ") ? QStringLiteral(" auth=Bearer <redacted>")
                                                 : QStringLiteral(" auth=<redacted, no Bearer prefix>");
    const QString line =
        QStringLiteral("%1 %2 %3 -> %4%5%6\n")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss.zzz")),
                 QString::fromLatin1(req.method), path)
            .arg(status)
            .arg(note.isEmpty() ? QString() : QStringLiteral(" [") + note + QLatin1Char(']'), auth);
    std::fputs(line.toUtf8().constData(), stderr);
    std::fflush(stderr);
}

void SandboxServer::writeReply(QHttpServerResponder &responder, const Reply &reply)
{
    responder.writeStatusLine(static_cast<StatusCode>(reply.status));
    if (!reply.contentType.isEmpty())
        responder.writeHeader("Content-Type", reply.contentType);
    for (const auto &h : reply.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
}

void SandboxServer::serve(const ApiRequest &req, QHttpServerResponder &responder, const QString &note)
{
    const Reply reply = m_api.handle(req);
    writeReply(responder, reply);
    logLine(req, reply.status, note);
}

void SandboxServer::onApiRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const ApiRequest req = copyRequest(request);
    record(req);
    if (auto fault = m_faults.take(req.path, QString::fromLatin1(req.method))) {
        applyFault(*fault, req, std::move(responder));
        return;
    }
    serve(req, responder, QString());
}

void SandboxServer::applyFault(const FaultQueue::Fault &fault, const ApiRequest &req,
                               QHttpServerResponder &&responder)
{
    const QJsonObject &spec = fault.spec;
    const Envelope::Language lang = Envelope::languageFromHeader(req.header("x-language"));
    const QString note = QStringLiteral("fault ") + fault.name;

    if (fault.name == QLatin1String("slow")) {
        // Deferred answer: the responder moves into a shared_ptr owned by a single-shot timer;
        // the event loop keeps serving other connections meanwhile. The request is processed
        // when the delay ends, even if the client gave up (like a real slow server, a PATCH
        // the client timed out on may still be applied); the answer is written only if the
        // socket is still there (QHttpServer deleteLater()s it on disconnect; QPointer sees it).
        const int delayMs = spec.value(QStringLiteral("delayMs")).toInt(3000);
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = held->socket();
        QTimer::singleShot(delayMs, this, [this, held, socket, req, note]() {
            const Reply reply = m_api.handle(req);
            if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
                logLine(req, reply.status, note + QStringLiteral(", client gone, answer not sent"));
                return;
            }
            writeReply(*held, reply);
            logLine(req, reply.status, note);
        });
        return;
    }

    if (fault.name == QLatin1String("stream")) {
        new ChunkedStream(std::move(responder),
                          qint64(spec.value(QStringLiteral("bytes")).toDouble(FaultQueue::kStreamBytes)));
        logLine(req, 200, note);
        return;
    }
    if (fault.name == QLatin1String("hugeheader")) {
        // One header line of `bytes` bytes, then a small valid answer: a client must give up on
        // the header, not wait for it.
        const qint64 bytes =
            qint64(spec.value(QStringLiteral("bytes")).toDouble(FaultQueue::kHugeHeaderBytes));
        if (QTcpSocket *socket = responder.socket()) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Huge: ");
            socket->write(QByteArray(bytes, 'h'));
            socket->write("\r\nContent-Length: 2\r\n\r\n{}");
        }
        logLine(req, 200, note);
        return;
    }

    Reply reply;
    if (fault.name == QLatin1String("echo")) {
        // A server that repeats what it was sent, with terminal escape sequences around it: the
        // Authorization header and the body, in errors[] and in a response header.
        const QString authorization = QString::fromUtf8(req.header("authorization"));
        const int status = spec.value(QStringLiteral("status")).toInt(400);
        reply = Envelope::errorWithMessages(
            status, QJsonArray{QStringLiteral("\x1b]0;pwned\x07\r\x1b[2KInvalid authorization: ") +
                                   authorization + QStringLiteral("\x1b[0m"),
                               QStringLiteral("You sent: ") + QString::fromUtf8(req.body) +
                                   QStringLiteral("\nnotifications=false")});
        reply.headers.append({"X-Echo", "\x1b[31m" + req.header("authorization") + "\x1b[0m"});
    } else if (fault.name == QLatin1String("status")) {
        const int status = spec.value(QStringLiteral("status")).toInt();
        const QJsonArray errors = spec.contains(QStringLiteral("errors"))
                                      ? spec.value(QStringLiteral("errors")).toArray()
                                      : QJsonArray{Envelope::statusText(status, lang)};
        reply = Envelope::errorWithMessages(status, errors);
        if (status == 204 || status == 304 || status < 200) { // answers that never carry a body
            reply.body.clear();
            reply.contentType.clear();
        }
    } else if (fault.name == QLatin1String("html502")) {
        reply.status = 502;
        reply.contentType = "text/html; charset=utf-8";
        reply.body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                     "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                     "</body>\r\n</html>\r\n";
    } else if (fault.name == QLatin1String("malformed")) {
        reply.status = 200;
        reply.body = R"({"notifications": true, "preferredLanguage": "en", "paymentNotifications": tru)";
    } else if (fault.name == QLatin1String("huge")) {
        // A valid settings object whose extra "padding" string makes the body exactly `bytes` long.
        const qint64 bytes = qint64(spec.value(QStringLiteral("bytes")).toDouble(2 * 1024 * 1024));
        QJsonObject o = m_api.settingsFor(req);
        o.insert(QStringLiteral("padding"), QString());
        const qint64 base = Envelope::toJson(o).size();
        o.insert(QStringLiteral("padding"), QString(int(qMax<qint64>(0, bytes - base)), QLatin1Char('x')));
        reply.status = 200;
        reply.body = Envelope::toJson(o);
    } else if (fault.name == QLatin1String("ratelimit")) {
        const int retryAfter = spec.value(QStringLiteral("retryAfter")).toInt(1);
        reply = Envelope::error(429, lang);
        reply.headers.append({"Retry-After", QByteArray::number(retryAfter)});
    } else if (fault.name == QLatin1String("redirect")) {
        QString location = spec.value(QStringLiteral("location")).toString();
        if (location.endsWith(QLatin1Char('/')))
            location.chop(1);
        reply.status = 307;
        reply.contentType.clear();
        reply.headers.append({"Location", (location + req.pathWithQuery).toUtf8()});
    } else if (fault.name == QLatin1String("badrefresh") || fault.name == QLatin1String("otheruser")) {
        // The request is processed (a refresh token is spent), then the token set in a successful
        // answer is replaced: `badrefresh` appends `inject` (default a CR/LF and an "X-Evil: 1"
        // header line) to the access token; `otheruser` answers with a fresh set of `user`'s
        // tokens (default other@example.com).
        reply = m_api.handle(req);
        QJsonObject outer = QJsonDocument::fromJson(reply.body).object();
        const bool wrapped = outer.value(QStringLiteral("data")).isObject();
        QJsonObject set = wrapped ? outer.value(QStringLiteral("data")).toObject() : outer;
        if (reply.status < 300 && set.contains(QStringLiteral("accessToken"))) {
            if (fault.name == QLatin1String("badrefresh")) {
                const QString inject =
                    spec.value(QStringLiteral("inject")).toString(QStringLiteral("\r\nX-Evil: 1"));
                set.insert(QStringLiteral("accessToken"),
                           set.value(QStringLiteral("accessToken")).toString() + inject);
            } else {
                const QString other =
                    spec.value(QStringLiteral("user")).toString(QStringLiteral("other@example.com"));
                if (UserStore::User *user = m_api.users().findOrCreate(other)) {
                    const QJsonObject theirs = m_api.issueTokens(*user, 3600);
                    for (const QString &key : {QStringLiteral("accessToken"), QStringLiteral("refreshToken")})
                        set.insert(key, theirs.value(key));
                }
            }
            if (wrapped)
                outer.insert(QStringLiteral("data"), set);
            reply.body = Envelope::toJson(wrapped ? outer : set);
        }
    } else if (fault.name == QLatin1String("wrongtypes")) {
        // The request is processed, then the settings in a successful answer (GET or PATCH) carry
        // `values` (default {"notifications": 1}) and lack the fields named in `drop`.
        reply = m_api.handle(req);
        QJsonObject outer = QJsonDocument::fromJson(reply.body).object();
        const bool wrapped = outer.value(QStringLiteral("data")).isObject();
        QJsonObject settings = wrapped ? outer.value(QStringLiteral("data")).toObject() : outer;
        if (reply.status < 300 && !settings.isEmpty()) {
            const QJsonObject values =
                spec.value(QStringLiteral("values")).toObject({{QStringLiteral("notifications"), 1}});
            for (auto it = values.constBegin(); it != values.constEnd(); ++it)
                settings.insert(it.key(), it.value());
            for (const QJsonValue &key : spec.value(QStringLiteral("drop")).toArray())
                settings.remove(key.toString());
            if (wrapped)
                outer.insert(QStringLiteral("data"), settings);
            reply.body = Envelope::toJson(wrapped ? outer : settings);
        }
    } else if (fault.name == QLatin1String("ignorepatch")) {
        // A PATCH answered as a GET would be: 200 with the settings as they were, nothing applied.
        ApiRequest unchanged = req;
        if (unchanged.method == "PATCH") {
            unchanged.method = "GET";
            unchanged.body.clear();
        }
        reply = m_api.handle(unchanged);
    } else if (fault.name == QLatin1String("nocode")) {
        // Like Production: the code is sent (by email or SMS), but not returned in the answer.
        reply = m_api.handle(req);
        QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
        if (answer.value(QStringLiteral("data")).isObject()) {
            QJsonObject data = answer.value(QStringLiteral("data")).toObject();
            data.remove(QStringLiteral("code"));
            answer.insert(QStringLiteral("data"), data);
        }
        answer.remove(QStringLiteral("code"));
        reply.body = Envelope::toJson(answer);
    } else if (fault.name == QLatin1String("drop")) {
        // The request is processed normally (as a real server would before the connection
        // breaks), then the answer is cut: status line, headers with the full Content-Length,
        // half of the body, and the socket is closed through the responder's socket.
        Reply full = m_api.handle(req);
        if (full.body.size() < 64)
            full.body += QByteArray(64 - full.body.size(), ' ');
        responder.writeStatusLine(static_cast<StatusCode>(full.status));
        responder.writeHeader("Content-Type", full.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(full.body.size()));
        responder.writeBody(full.body.left(full.body.size() / 2));
        if (QTcpSocket *socket = responder.socket()) {
            socket->flush();
            socket->disconnectFromHost();
        }
        logLine(req, full.status, note);
        return;
    }
    writeReply(responder, reply);
    logLine(req, reply.status, note);
}

QHttpServerResponse SandboxServer::controlToken(const QHttpServerRequest &request)
{
    const QJsonObject body = bodyObject(request);
    const QString spec = body.value(QStringLiteral("user")).toString(QStringLiteral("qa@example.com"));
    UserStore::User *user = m_api.users().findOrCreate(spec);
    if (!user)
        return controlError(QStringLiteral("user must be an email or \"+<countryCode> <phoneNumber>\""));
    const QJsonValue ttl = body.value(QStringLiteral("ttl"));
    const qint64 accessTtl = ttl.isDouble() ? qint64(ttl.toDouble()) : m_options.api.tokenTtl;
    return QHttpServerResponse(m_api.issueTokens(*user, accessTtl));
}

QHttpServerResponse SandboxServer::controlFaults(const QHttpServerRequest &request)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &pe);
    if (!doc.isObject())
        return controlError(QStringLiteral("body must be a JSON object"));
    const QString error = m_faults.add(doc.object());
    if (!error.isEmpty())
        return controlError(error);
    return QHttpServerResponse(QJsonObject{{QStringLiteral("queued"), m_faults.size()}});
}

QHttpServerResponse SandboxServer::controlReset(const QHttpServerRequest &request)
{
    const bool state = bodyObject(request).value(QStringLiteral("state")).toBool(false);
    m_faults.clear();
    m_recorded = QJsonArray();
    if (state)
        m_api.forgetState();
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("reset"), true}, {QStringLiteral("state"), state}});
}

QHttpServerResponse SandboxServer::controlSetSettings(const QHttpServerRequest &request)
{
    const QJsonObject body = bodyObject(request);
    UserStore::User *user = m_api.users().findOrCreate(body.value(QStringLiteral("user")).toString());
    if (!user)
        return controlError(QStringLiteral("user must be an email or \"+<countryCode> <phoneNumber>\""));
    if (!body.value(QStringLiteral("settings")).isObject())
        return controlError(QStringLiteral("settings must be an object"));
    QJsonObject stored = *m_api.users().settings(user->id, true);
    const QJsonObject fields = body.value(QStringLiteral("settings")).toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        stored.insert(it.key(), it.value()); // raw: no validation, on purpose
    m_api.users().storeSettings(user->id, stored);
    return QHttpServerResponse(stored);
}

QHttpServerResponse SandboxServer::controlGetSettings(const QHttpServerRequest &request)
{
    const QString spec = request.query().queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded);
    UserStore::User *user = m_api.users().find(spec.isEmpty() ? QStringLiteral("qa@example.com") : spec);
    const auto stored = user ? m_api.users().settings(user->id, false) : std::nullopt;
    if (!stored)
        return controlError(QStringLiteral("no settings stored for that user"), StatusCode::NotFound);
    return QHttpServerResponse(*stored);
}
