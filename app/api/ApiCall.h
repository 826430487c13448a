#pragma once

#include "api/ApiResult.h"
#include "api/RequestRecord.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class ApiClient;

// One request to the server, from the first try to its result: attaches the token (same origin
// only), enforces the timeout and the size cap, follows same-origin redirects, refreshes once
// on 401, retries connection failures, 429 and 502/503/504 with backoff (honouring Retry-After;
// a POST only when the server cannot have handled it), and maps every outcome to an ApiResult
// whose server text is cleaned by ServerText.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    ApiCall(ApiClient *client, const QByteArray &method, const QUrl &url, const QByteArray &body,
            bool withToken);
    ~ApiCall() override;

    QByteArray method() const { return m_method; }
    QByteArray body() const { return m_body; }
    bool isFinished() const { return m_finished; }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void finished(const ApiResult &result);

private:
    enum class Abort
    {
        None,
        Timeout,
        TooLarge,
        Cancelled
    };

    void send();
    void onReadyRead();
    void onReplyFinished();
    void handleAnswer(int status);
    void waitForRefresh();
    bool retryLater(int delayMs);
    void finish(const ApiResult &answer);
    void abortReply(Abort reason);
    void record(QNetworkReply *reply, int status, const QString &error);
    QNetworkRequest buildRequest() const;
    // Every secret the server could echo: the authenticator's tokens and those this request
    // and its answer carried.
    QStringList heldSecrets() const;
    static bool isRetryableNetworkError(QNetworkReply::NetworkError error);
    static int parseRetryAfter(const QByteArray &value);

    ApiClient *m_client;
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_body;
    bool m_withToken;

    QPointer<QNetworkReply> m_reply;
    QByteArray m_received;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    Abort m_abort = Abort::None;
    int m_attempt = 0;
    int m_redirects = 0;
    bool m_refreshed = false;
    bool m_finished = false;
    bool m_starting = false; // inside start(): results are delivered queued
};
