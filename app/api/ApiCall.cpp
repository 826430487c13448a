#include "api/ApiCall.h"

#include "api/ApiClient.h"
#include "api/Authenticator.h"
#include "api/ResponseParser.h"
#include "api/ServerText.h"
#include "auth/BearerToken.h"
#include "log/LogCategories.h"

#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace {
constexpr qint64 kLoggedBodyBytes = 64 * 1024;
// How far the network thread may read ahead of this call: a fast server cannot fill memory with
// an answer faster than the call reads it and checks the size cap.
constexpr qint64 kReadAheadBytes = 64 * 1024;

// Only these statuses ask the client to go elsewhere; a 304 answers a conditional request,
// which the app never makes.
bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}
} // namespace

ApiCall::ApiCall(ApiClient *client, const QByteArray &method, const QUrl &url, const QByteArray &body,
                 bool withToken)
    : QObject(client), m_client(client), m_method(method), m_url(url), m_body(body), m_withToken(withToken)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { abortReply(Abort::Timeout); });
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::start()
{
    if (m_finished)
        return;
    m_starting = true;
    const auto done = qScopeGuard([this] { m_starting = false; });
    Authenticator *auth = m_client->authenticator();
    if (m_withToken) {
        if (!auth || (auth->accessToken().isEmpty() && !auth->canRefresh()))
            return finish({ApiError::of(ApiError::Kind::NotSignedIn), 0, {}});
        if (auth->origin() != ServerProfile::originOf(m_url))
            return finish({ApiError::of(ApiError::Kind::NotSignedIn), 0, {}});
        // A token that is not a bearer token would break the header (a line break starts a new one).
        if (!auth->accessToken().isEmpty() && !BearerToken::isValid(auth->accessToken()))
            return finish({ApiError::of(ApiError::Kind::NotSignedIn), 0, {}});
        if (!m_refreshed && (auth->needsRefresh() || auth->accessToken().isEmpty()))
            return waitForRefresh();
    }
    send();
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    if (m_reply)
        abortReply(Abort::Cancelled);
    else
        finish({ApiError::of(ApiError::Kind::Cancelled), 0, {}});
}

QNetworkRequest ApiCall::buildRequest() const
{
    QNetworkRequest request(m_url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("X-App-Version", ALLMINE_VERSION);
    request.setRawHeader("X-Language", m_client->language());
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("AllmineSettings/" ALLMINE_VERSION));
    if (!m_body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    Authenticator *auth = m_client->authenticator();
    // The token goes only to the origin it was issued for: checked on every send, redirects included.
    if (m_withToken && auth && auth->origin() == ServerProfile::originOf(m_url) &&
        BearerToken::isValid(auth->accessToken()))
        request.setRawHeader("Authorization", "Bearer " + auth->accessToken().toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const QString caFile = m_client->server().caFileFor(m_url);
    if (!caFile.isEmpty() && m_url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(QSslCertificate::fromPath(caFile, QSsl::Pem));
        request.setSslConfiguration(ssl);
    }
    return request;
}

void ApiCall::send()
{
    if (m_finished) // cancelled during a backoff or a refresh: nothing more goes out
        return;
    ++m_attempt;
    m_received.clear();
    m_abort = Abort::None;
    m_elapsed.start();
    // The path only: a query could carry something the user typed, and headers carry the token.
    qCDebug(lcApi).noquote() << m_method << ServerProfile::originOf(m_url) + m_url.path() << "attempt"
                             << m_attempt;
    const QNetworkRequest request = buildRequest();
    QNetworkAccessManager *network = m_client->network();
    if (m_method == "GET")
        m_reply = network->get(request);
    else
        m_reply = network->sendCustomRequest(request, m_method, m_body);
    m_reply->setReadBufferSize(kReadAheadBytes);
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiCall::onReadyRead);
    // However the bytes arrive (chunked, compressed, without a length), counted as they come.
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > m_client->policy().maxBodyBytes)
            abortReply(Abort::TooLarge);
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_client->policy().maxBodyBytes)
            abortReply(Abort::TooLarge);
    });
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    m_timeout.start(m_client->policy().timeoutMs);
}

void ApiCall::onReadyRead()
{
    if (!m_reply)
        return;
    m_received += m_reply->readAll();
    if (m_received.size() > m_client->policy().maxBodyBytes)
        abortReply(Abort::TooLarge);
}

void ApiCall::abortReply(Abort reason)
{
    qCDebug(lcApi).noquote() << m_method << m_url.path() << "aborted:"
                             << (reason == Abort::Timeout    ? "timeout"
                                 : reason == Abort::TooLarge ? "answer over the size cap"
                                                             : "cancelled");
    m_abort = reason;
    if (m_reply && m_reply->isRunning())
        m_reply->abort(); // finished() follows synchronously
    else if (!m_reply && reason == Abort::Timeout)
        finish({ApiError::of(ApiError::Kind::Timeout), 0, {}});
}

void ApiCall::onReplyFinished()
{
    m_timeout.stop();
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_abort == Abort::None)
        m_received += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    switch (m_abort) {
    case Abort::Timeout:
        record(reply, 0, tr("timeout"));
        return finish({ApiError::of(ApiError::Kind::Timeout, tr("no answer within %n second(s)", nullptr,
                                                                m_client->policy().timeoutMs / 1000)),
                       0,
                       {}});
    case Abort::TooLarge:
        record(reply, status, tr("body too large"));
        return finish({ApiError::of(ApiError::Kind::TooLarge), status, {}});
    case Abort::Cancelled:
        record(reply, status, tr("cancelled"));
        return finish({ApiError::of(ApiError::Kind::Cancelled), 0, {}});
    case Abort::None:
        break;
    }

    // With a bounded read buffer, Qt may end an answer cut off mid-body without an error: a body
    // shorter than its (uncompressed) Content-Length is a dropped connection all the same.
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool cutShort = reply->error() == QNetworkReply::NoError &&
                          reply->rawHeader("Content-Encoding").isEmpty() && length.isValid() &&
                          m_received.size() < length.toLongLong();
    const QNetworkReply::NetworkError error =
        cutShort ? QNetworkReply::RemoteHostClosedError : reply->error();
    // No status, or a transport error after the status line (a connection dropped mid-body).
    if (status == 0 || (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)) {
        const QString why =
            cutShort ? tr("connection closed before the whole answer came") : reply->errorString();
        record(reply, 0, why);
        if (error == QNetworkReply::SslHandshakeFailedError)
            return finish({ApiError::of(ApiError::Kind::Tls, reply->errorString()), 0, {}});
        // A POST is not idempotent: once it may have reached the server, it is not sent again.
        const bool unsent = error == QNetworkReply::ConnectionRefusedError;
        if (!unsent && m_method == "POST") {
            ApiError broken = ApiError::of(ApiError::Kind::Network, why);
            broken.maybeApplied = true;
            return finish({broken, 0, {}});
        }
        if (isRetryableNetworkError(error) && retryLater(m_client->policy().backoffMs << (m_attempt - 1)))
            return;
        return finish({ApiError::of(ApiError::Kind::Network, why), 0, {}});
    }

    if (isRedirect(status)) {
        const QUrl target =
            m_url.resolved(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
        record(reply, status, {});
        if (ServerProfile::originOf(target) != ServerProfile::originOf(m_url))
            return finish({ApiError::of(ApiError::Kind::Redirect, target.host()), status, {}});
        if (++m_redirects > 3)
            return finish({ApiError::of(ApiError::Kind::Redirect, tr("too many redirects")), status, {}});
        m_url = target;
        --m_attempt;
        return send();
    }

    record(reply, status, {});
    if (status >= 300 && status < 400) // not a redirect, and no answer the app asked for
        return finish(
            {ApiError::of(ApiError::Kind::Malformed, tr("unexpected status %1").arg(status)), status, {}});
    if (status >= 400) {
        if (status == 401 && m_withToken && !m_refreshed && m_client->authenticator() &&
            m_client->authenticator()->canRefresh())
            return waitForRefresh();
        const int retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"));
        // 429 and 503 say the request was not handled; 502 and 504 come from a gateway that may
        // have passed it on, so a POST is not repeated after them.
        const bool unhandled = status == 429 || status == 503;
        if (unhandled || ((status == 502 || status == 504) && m_method != "POST")) {
            const int delay =
                retryAfter >= 0 ? retryAfter * 1000 : (m_client->policy().backoffMs << (m_attempt - 1));
            if (retryAfter <= m_client->policy().maxRetryAfterS && retryLater(delay))
                return;
        }
        const ResponseParser::Parsed parsed = ResponseParser::parse(m_received);
        QString detail;
        if (!parsed.json) {
            const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            detail = type.contains("html") ? tr("the answer was an HTML page") : QString();
        }
        ApiError httpError = ApiError::http(status, parsed.errors, detail);
        httpError.retryAfterSeconds = retryAfter;
        return finish({httpError, status, {}});
    }
    handleAnswer(status);
}

void ApiCall::handleAnswer(int status)
{
    const ResponseParser::Parsed parsed = ResponseParser::parse(m_received);
    if (!parsed.json)
        return finish({ApiError::of(ApiError::Kind::Malformed, tr("not JSON")), status, {}});
    if (!parsed.success)
        return finish({ApiError::http(status, parsed.errors), status, {}});
    finish({ApiError(), status, parsed.data});
}

void ApiCall::waitForRefresh()
{
    qCDebug(lcApi).noquote() << m_method << m_url.path() << "waits for the sign-in to be renewed";
    Authenticator *auth = m_client->authenticator();
    m_refreshed = true;
    connect(
        auth, &Authenticator::refreshed, this,
        [this](bool ok) {
            if (m_finished) // cancelled while the refresh ran
                return;
            if (ok)
                return send();
            const ApiError why = m_client->authenticator() ? m_client->authenticator()->lastRefreshError()
                                                           : ApiError::http(401, {});
            // A refused token is the user's to fix (sign in again); anything else is the
            // server's or the network's, and says so.
            // A renewal cut off after it was sent may have used up the refresh token, and is not
            // repeated: the sign-in has to be renewed by signing in again.
            if ((why.kind == ApiError::Kind::Http && why.httpStatus >= 400 && why.httpStatus < 500 &&
                 why.httpStatus != 429) ||
                why.maybeApplied)
                finish({ApiError::http(401, {}, tr("the sign-in could not be renewed")), 401, {}});
            else
                finish({why, why.httpStatus, {}});
        },
        Qt::SingleShotConnection);
    auth->refresh();
}

bool ApiCall::retryLater(int delayMs)
{
    if (m_attempt >= m_client->policy().maxAttempts)
        return false;
    qCDebug(lcApi).noquote() << m_method << m_url.path() << "tried again in" << delayMs << "ms";
    QTimer::singleShot(delayMs, this, &ApiCall::send);
    return true;
}

void ApiCall::finish(const ApiResult &answer)
{
    if (m_finished)
        return;
    // The server's words leave the call without control characters or any secret it echoed.
    ApiResult result = answer;
    const QStringList secrets = heldSecrets();
    for (QString &message : result.error.serverMessages)
        message = ServerText::line(message, secrets);
    result.error.detail = ServerText::line(result.error.detail, secrets);
    if (m_starting) { // failed before the caller got the call object: tell it on the next turn
        QMetaObject::invokeMethod(
            this, [this, result] { finish(result); }, Qt::QueuedConnection);
        return;
    }
    m_finished = true;
    m_timeout.stop();
    // The kind of failure, not the server's text: that may echo what the request carried.
    qCDebug(lcApi).noquote() << m_method << m_url.path() << "finished: status" << result.httpStatus
                             << "error kind" << int(result.error.kind);
    Q_EMIT finished(result);
    deleteLater();
}

void ApiCall::record(QNetworkReply *reply, int status, const QString &error)
{
    RequestRecord entry;
    entry.started = QDateTime::currentDateTime().addMSecs(-m_elapsed.elapsed());
    entry.method = m_method;
    entry.url = m_url;
    entry.status = status;
    entry.elapsedMs = m_elapsed.elapsed();
    entry.responseBytes = m_received.size();
    const QNetworkRequest request = buildRequest();
    for (const QByteArray &name : request.rawHeaderList()) {
        const bool secret = name.compare("Authorization", Qt::CaseInsensitive) == 0;
        entry.requestHeaders.append(
            {name, secret ? QByteArray(RequestRecord::kRedacted) : request.rawHeader(name)});
    }
    entry.requestBody = m_body;
    const QStringList secrets = heldSecrets();
    for (const auto &header : reply->rawHeaderPairs()) {
        entry.responseHeaders.append({ServerText::line(QString::fromUtf8(header.first), secrets).toUtf8(),
                                      ServerText::line(QString::fromUtf8(header.second), secrets).toUtf8()});
    }
    entry.responseBody = ServerText::body(m_received.left(kLoggedBodyBytes), secrets);
    entry.error = ServerText::line(error, secrets);
    Q_EMIT m_client->exchanged(entry);
}

QStringList ApiCall::heldSecrets() const
{
    QStringList secrets = ServerText::secretsIn(m_body) + ServerText::secretsIn(m_received);
    if (Authenticator *auth = m_client->authenticator())
        secrets += auth->heldSecrets();
    return secrets;
}

bool ApiCall::isRetryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

int ApiCall::parseRetryAfter(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return qMax(0, seconds);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    return when.isValid() ? int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when))) : -1;
}
