#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonArray>
#include <QObject>
#include <QUrl>

#include "AllmineApi.h"
#include "ApiRequest.h"
#include "Envelope.h"
#include "FaultQueue.h"

// The local Allmine stand-in: QHttpServer routes for the API (answered by AllmineApi, after any
// queued fault) and for the unauthenticated control API under /__sandbox/.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0; // 0 = a free port
        AllmineApi::Config api;
        QString tlsCert; // PEM; both set = https
        QString tlsKey;
        bool quiet = false; // no request log on stderr
    };

    explicit SandboxServer(const Options &options, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Binds (loopback only). False with a message on failure.
    bool start(QString *error);
    QUrl baseUrl() const { return m_baseUrl; }

    // Shared with the control API and usable in-process by tests that link the library.
    AllmineApi &api() { return m_api; }
    FaultQueue &faults() { return m_faults; }
    const QJsonArray &recordedRequests() const { return m_recorded; }

private:
    void setupRoutes();
    void onApiRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void serve(const ApiRequest &req, QHttpServerResponder &responder, const QString &note);
    void applyFault(const FaultQueue::Fault &fault, const ApiRequest &req, QHttpServerResponder &&responder);
    void writeReply(QHttpServerResponder &responder, const Reply &reply);
    void logLine(const ApiRequest &req, int status, const QString &note) const;
    void record(const ApiRequest &req);

    QHttpServerResponse controlToken(const QHttpServerRequest &request);
    QHttpServerResponse controlFaults(const QHttpServerRequest &request);
    QHttpServerResponse controlReset(const QHttpServerRequest &request);
    QHttpServerResponse controlSetSettings(const QHttpServerRequest &request);
    QHttpServerResponse controlGetSettings(const QHttpServerRequest &request);

    static ApiRequest copyRequest(const QHttpServerRequest &request);

    Options m_options;
    QHttpServer m_http;
    AllmineApi m_api;
    FaultQueue m_faults;
    QJsonArray m_recorded;
    QUrl m_baseUrl;
};
