#pragma once

#include "api/Authenticator.h"
#include "api/RequestRecord.h"
#include "servers/ServerProfile.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class ApiCall;
class Authenticator;
class QNetworkAccessManager;

// Talks to one server. Each request is an ApiCall that owns its reply, timeout, retries and
// error mapping. Requests only ever go to this server's origin, so the token cannot leak.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    struct Policy
    {
        int timeoutMs = 15000;
        int maxAttempts = 3;           // first try + retries, for retryable failures only
        int backoffMs = 400;           // doubled on each retry
        int maxRetryAfterS = 20;       // a longer Retry-After is reported, not waited for
        qint64 maxBodyBytes = 1 << 20; // answers beyond this are refused
    };

    explicit ApiClient(const ServerProfile &server, QObject *parent = nullptr);
    ~ApiClient() override;

    const ServerProfile &server() const { return m_server; }
    // The same server found to reach Production, or its confirmation turned on or off.
    void setMarks(bool sharesProductionOrigin, bool confirmChanges)
    {
        m_server.sharesProductionOrigin = sharesProductionOrigin;
        m_server.confirmChanges = confirmChanges;
    }
    const Policy &policy() const { return m_policy; }
    void setPolicy(const Policy &policy) { m_policy = policy; }
    void setAuthenticator(Authenticator *authenticator) { m_authenticator = authenticator; }
    Authenticator *authenticator() const { return m_authenticator; }
    // UI language sent as X-Language ("en", "tr").
    void setLanguage(const QString &code) { m_language = code.toUtf8(); }
    QByteArray language() const { return m_language; }

    // Starts a request; the call deletes itself after finished().
    ApiCall *get(const QString &path);
    ApiCall *patch(const QString &path, const QJsonObject &body);
    ApiCall *post(const QString &path, const QJsonObject &body, bool withToken);

    QNetworkAccessManager *network() const { return m_network; }

Q_SIGNALS:
    void exchanged(const RequestRecord &record);

private:
    ApiCall *start(const QByteArray &method, const QString &path, const QJsonObject *body, bool withToken);

    ServerProfile m_server;
    Policy m_policy;
    QNetworkAccessManager *m_network;
    QPointer<Authenticator> m_authenticator;
    QByteArray m_language = "en";
};
