#include "auth/SignInFlow.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "auth/BearerToken.h"

#include <QRegularExpression>

SignInFlow::SignInFlow(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) {}

QString SignInFlow::checkEmail(const QString &email)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return shape.match(email.trimmed()).hasMatch()
               ? QString()
               : tr("\"%1\" is not an email address.").arg(email.trimmed());
}

QString SignInFlow::checkPhone(const QString &countryCode, const QString &phoneNumber)
{
    static const QRegularExpression code(QStringLiteral("^[0-9]{1,4}$"));
    static const QRegularExpression number(QStringLiteral("^[0-9]{4,15}$"));
    if (!code.match(countryCode).hasMatch())
        return tr("The country code is 1 to 4 digits without \"+\", e.g. 90.");
    if (!number.match(phoneNumber).hasMatch())
        return tr("The phone number is 4 to 15 digits without spaces, e.g. 5551234567.");
    return {};
}

QString SignInFlow::checkCode(const QString &code)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{4,8}$"));
    return digits.match(code.trimmed()).hasMatch() ? QString() : tr("The code is the digits you received.");
}

void SignInFlow::sendEmailCode(const QString &email)
{
    m_byEmail = true;
    m_identity = {{QStringLiteral("email"), email.trimmed()}};
    sendCode(QStringLiteral("/api/v1/auth/send-otp-email"));
}

void SignInFlow::sendPhoneCode(const QString &countryCode, const QString &phoneNumber)
{
    m_byEmail = false;
    m_identity = {{QStringLiteral("countryCode"), countryCode.trimmed()},
                  {QStringLiteral("phoneNumber"), phoneNumber.trimmed()}};
    sendCode(QStringLiteral("/api/v1/auth/send-otp"));
}

void SignInFlow::sendCode(const QString &path)
{
    ApiCall *call = m_client->post(path, m_identity, false);
    connect(call, &ApiCall::finished, this, [this](const ApiResult &result) {
        if (!result.ok())
            return Q_EMIT failed(result.error);
        // Only Development returns the code; a number is accepted as well as a string.
        Q_EMIT codeSent(result.object().value(QStringLiteral("code")).toVariant().toString());
    });
}

void SignInFlow::verify(const QString &code)
{
    QJsonObject body = m_identity;
    body.insert(QStringLiteral("code"), code.trimmed());
    const QString path = m_byEmail ? QStringLiteral("/api/v1/auth/verify-otp-email")
                                   : QStringLiteral("/api/v1/auth/verify-otp");
    ApiCall *call = m_client->post(path, body, false);
    connect(call, &ApiCall::finished, this, [this](const ApiResult &result) {
        if (!result.ok())
            return Q_EMIT failed(result.error);
        const QJsonObject answer = result.object();
        const TokenPair tokens{answer.value(QStringLiteral("accessToken")).toString(),
                               answer.value(QStringLiteral("refreshToken")).toString()};
        if (tokens.access.isEmpty())
            return Q_EMIT failed(
                ApiError::of(ApiError::Kind::Malformed, tr("no access token in the answer")));
        if (!BearerToken::isValid(tokens.access) || !TokenStore::hasTokenSyntax(tokens))
            return Q_EMIT failed(
                ApiError::of(ApiError::Kind::Malformed, tr("the token in the answer is not a valid token")));
        Q_EMIT signedIn(tokens, answer.value(QStringLiteral("user")).toObject());
    });
}
