#include "SandboxProcess.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTest>
#include <QTimer>

SandboxProcess::SandboxProcess(const QStringList &extraArgs)
    : m_process(std::make_unique<QProcess>()), m_nam(std::make_unique<QNetworkAccessManager>())
{
    const QString program = QString::fromLocal8Bit(qgetenv("ALLMINE_SANDBOX"));
    if (program.isEmpty()) {
        qWarning("SandboxProcess: ALLMINE_SANDBOX is not set (path to the allmine-sandbox executable)");
        return;
    }
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                     [this]() { m_stderr += m_process->readAllStandardError(); });
    m_process->start(program, extraArgs);
    if (!m_process->waitForStarted(10000)) {
        qWarning() << "SandboxProcess: cannot start" << program << m_process->errorString();
        return;
    }
    QDeadlineTimer deadline(10000);
    while (!m_process->canReadLine() && m_process->state() == QProcess::Running && !deadline.hasExpired())
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    if (!m_process->canReadLine()) {
        m_stderr += m_process->readAllStandardError();
        qWarning().noquote() << "SandboxProcess: no URL line from" << program
                             << "within 10 s; stderr:" << m_stderr;
        return;
    }
    m_baseUrl = QUrl(QString::fromUtf8(m_process->readLine().trimmed()));
    if (!m_baseUrl.isValid())
        qWarning() << "SandboxProcess: the sandbox printed an invalid URL" << m_baseUrl;
    // The sandbox uses self-signed certificates for https: trust it for control calls only.
    QObject::connect(m_nam.get(), &QNetworkAccessManager::sslErrors, m_nam.get(),
                     [](QNetworkReply *reply, const QList<QSslError> &) { reply->ignoreSslErrors(); });
}

SandboxProcess::~SandboxProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
}

bool SandboxProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running && m_baseUrl.isValid();
}

QUrl SandboxProcess::url(const QString &pathAndQuery) const
{
    return QUrl(m_baseUrl.toString() + pathAndQuery);
}

QString SandboxProcess::stderrText() const
{
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

int SandboxProcess::control(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                            QByteArray *responseBody, int timeoutMs, bool quietOn404)
{
    if (!isRunning()) {
        qWarning() << "SandboxProcess: control call" << method << pathAndQuery
                   << "but the sandbox is not running";
        return 0;
    }
    QNetworkRequest request(url(pathAndQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    int status = 0;
    if (!reply->isFinished()) {
        qWarning() << "SandboxProcess: control call" << method << pathAndQuery << "timed out after"
                   << timeoutMs << "ms";
        reply->abort();
    } else {
        status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        if (responseBody)
            *responseBody = data;
        if (!succeeded(status, quietOn404))
            qWarning().noquote() << "SandboxProcess: control call" << method << pathAndQuery
                                 << "failed:" << status << reply->errorString() << data;
    }
    reply->deleteLater();
    return status;
}

bool SandboxProcess::succeeded(int status, bool quietOn404)
{
    return (status >= 200 && status < 300) || (quietOn404 && status == 404);
}

int SandboxProcess::expect(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                           QByteArray *responseBody, bool quietOn404)
{
    const int status = control(method, pathAndQuery, body, responseBody, 10000, quietOn404);
    if (!succeeded(status, quietOn404))
        QTest::qFail("A control call to the sandbox failed (see the warning above).", __FILE__, __LINE__);
    return status;
}

SandboxProcess::Tokens SandboxProcess::mintToken(const QString &user, int ttlSeconds)
{
    QByteArray out;
    const QJsonObject req{{QStringLiteral("user"), user}, {QStringLiteral("ttl"), ttlSeconds}};
    Tokens t;
    if (expect("POST", QStringLiteral("/__sandbox/token"), QJsonDocument(req).toJson(QJsonDocument::Compact),
               &out) != 200)
        return t;
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    t.access = o.value(QStringLiteral("accessToken")).toString();
    t.refresh = o.value(QStringLiteral("refreshToken")).toString();
    t.expiresIn = qint64(o.value(QStringLiteral("expiresIn")).toDouble());
    return t;
}

void SandboxProcess::addFault(const QJsonObject &fault)
{
    expect("POST", QStringLiteral("/__sandbox/faults"), QJsonDocument(fault).toJson(QJsonDocument::Compact));
}

void SandboxProcess::reset(bool state)
{
    expect("POST", QStringLiteral("/__sandbox/reset"),
           QJsonDocument(QJsonObject{{QStringLiteral("state"), state}}).toJson(QJsonDocument::Compact));
}

QJsonArray SandboxProcess::requests()
{
    QByteArray out;
    if (expect("GET", QStringLiteral("/__sandbox/requests"), {}, &out) != 200)
        return {};
    return QJsonDocument::fromJson(out).array();
}

QJsonArray SandboxProcess::requests(const QString &method, const QString &pathPrefix)
{
    QJsonArray filtered;
    for (const QJsonValue &v : requests()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("method")).toString().compare(method, Qt::CaseInsensitive) == 0 &&
            o.value(QStringLiteral("path")).toString().startsWith(pathPrefix))
            filtered.append(o);
    }
    return filtered;
}

void SandboxProcess::setSettings(const QString &user, const QJsonObject &fields)
{
    const QJsonObject req{{QStringLiteral("user"), user}, {QStringLiteral("settings"), fields}};
    expect("POST", QStringLiteral("/__sandbox/settings"), QJsonDocument(req).toJson(QJsonDocument::Compact));
}

QJsonObject SandboxProcess::settings(const QString &user)
{
    QByteArray out;
    const QString path =
        QStringLiteral("/__sandbox/settings?user=") + QString::fromLatin1(QUrl::toPercentEncoding(user));
    // 404 = nothing stored yet for that user: not worth a warning.
    if (expect("GET", path, {}, &out, true) != 200)
        return {};
    return QJsonDocument::fromJson(out).object();
}

QStringList SandboxProcess::headerOf(const QJsonArray &requests, const QString &name)
{
    QStringList values;
    for (const QJsonValue &request : requests)
        values << request.toObject().value(QStringLiteral("headers")).toObject().value(name).toString();
    return values;
}

int SandboxProcess::spentRefreshReuses()
{
    QByteArray body;
    if (expect("GET", QStringLiteral("/__sandbox/stats"), {}, &body) != 200)
        return -1;
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("spentRefreshReuses")).toInt(-1);
}
