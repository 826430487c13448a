#include "api/ApiClient.h"

#include "api/ApiCall.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>

ApiClient::ApiClient(const ServerProfile &server, QObject *parent)
    : QObject(parent), m_server(server), m_network(new QNetworkAccessManager(this))
{
    // Redirects are followed by ApiCall itself, and only within this origin.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient() = default;

ApiCall *ApiClient::get(const QString &path)
{
    return start("GET", path, nullptr, true);
}

ApiCall *ApiClient::patch(const QString &path, const QJsonObject &body)
{
    return start("PATCH", path, &body, true);
}

ApiCall *ApiClient::post(const QString &path, const QJsonObject &body, bool withToken)
{
    return start("POST", path, &body, withToken);
}

ApiCall *ApiClient::start(const QByteArray &method, const QString &path, const QJsonObject *body,
                          bool withToken)
{
    const QByteArray json = body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();
    auto *call = new ApiCall(this, method, m_server.endpoint(path), json, withToken);
    // Started at once, so the request is with the network thread before the caller goes on to
    // repaint; a result is still never delivered before the caller could connect to finished().
    call->start();
    return call;
}
