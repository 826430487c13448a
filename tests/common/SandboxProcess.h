#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;
class QProcess;

// Runs the real allmine-sandbox (path in $ALLMINE_SANDBOX) as a separate process on loopback
// and drives its control API synchronously. A failed control call prints a qWarning and, except
// through control() itself, fails the running test: an unread request log must never pass for an
// empty one.
class SandboxProcess
{
public:
    // Starts the sandbox with extraArgs and waits up to 10 s for its URL line.
    explicit SandboxProcess(const QStringList &extraArgs = {});
    ~SandboxProcess(); // SIGTERM, then SIGKILL after 5 s
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    bool isRunning() const;
    QUrl baseUrl() const { return m_baseUrl; }
    QUrl url(const QString &pathAndQuery) const; // baseUrl + "/api/v1/..."

    struct Tokens
    {
        QString access;
        QString refresh;
        qint64 expiresIn = 0;
    };
    // A token set for `user` (email, or "+90 5551234567"); ttlSeconds <= 0 = already expired.
    Tokens mintToken(const QString &user = QStringLiteral("qa@example.com"), int ttlSeconds = 3600);

    void addFault(const QJsonObject &fault); // e.g. {{"fault","status"},{"status",404}}
    void reset(bool state = false);          // faults + request log; state: users and tokens too

    QJsonArray requests(); // recorded non-control requests, oldest first
    QJsonArray requests(const QString &method, const QString &pathPrefix = QStringLiteral("/api/"));
    // One header (lower-case name) of each of `requests`, oldest first; empty where it was absent.
    static QStringList headerOf(const QJsonArray &requests, const QString &name);

    // How often a refresh presented a refresh token an earlier refresh had already spent.
    int spentRefreshReuses();

    void setSettings(const QString &user, const QJsonObject &fields);             // raw merge, no validation
    QJsonObject settings(const QString &user = QStringLiteral("qa@example.com")); // {} if none

    QString stderrText() const;

    // Low-level control call: returns the HTTP status (0 on transport failure or timeout).
    int control(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                QByteArray *responseBody = nullptr, int timeoutMs = 10000, bool quietOn404 = false);

private:
    // A 2xx answer, or a 404 where that means "nothing stored yet" (`quietOn404`).
    static bool succeeded(int status, bool quietOn404);
    // control(), failing the running test unless the answer is 2xx (or 404 when `quietOn404`).
    int expect(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
               QByteArray *responseBody = nullptr, bool quietOn404 = false);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QUrl m_baseUrl;
    mutable QByteArray m_stderr;
};
