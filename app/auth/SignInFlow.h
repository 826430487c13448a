#pragma once

#include "api/ApiError.h"
#include "auth/TokenStore.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class ApiClient;

// Signing in with a one-time code, by email or by phone: send the code, then verify it.
// On Development the server returns the code, which is then offered to the user (and only then).
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    explicit SignInFlow(ApiClient *client, QObject *parent = nullptr);

    void sendEmailCode(const QString &email);
    void sendPhoneCode(const QString &countryCode, const QString &phoneNumber);
    // Verifies the code for the address the last send used.
    void verify(const QString &code);

    // Checks before anything is sent; empty when fine, else the reason for the user.
    static QString checkEmail(const QString &email);
    static QString checkPhone(const QString &countryCode, const QString &phoneNumber);
    static QString checkCode(const QString &code);

Q_SIGNALS:
    // `serverCode` is the code the server returned (Development), else empty.
    void codeSent(const QString &serverCode);
    void signedIn(const TokenPair &tokens, const QJsonObject &user);
    void failed(const ApiError &error);

private:
    void sendCode(const QString &path);

    QPointer<ApiClient> m_client;
    QJsonObject m_identity; // {email} or {countryCode, phoneNumber}
    bool m_byEmail = true;
};
