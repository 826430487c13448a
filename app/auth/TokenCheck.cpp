#include "auth/TokenCheck.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "auth/AccountNames.h"

ApiCall *TokenCheck::start(ApiClient *client)
{
    return client->get(QString::fromLatin1(kPath));
}

bool TokenCheck::registrationIncomplete(const QJsonObject &user)
{
    const QJsonValue complete = user.value(QStringLiteral("isRegistrationComplete"));
    return complete.isBool() && !complete.toBool();
}

TokenCheck::Answer TokenCheck::read(const ApiResult &result)
{
    Answer answer;
    answer.error = result.error;
    if (!result.ok()) {
        const bool refused = result.error.kind == ApiError::Kind::NotSignedIn ||
                             (result.error.kind == ApiError::Kind::Http &&
                              (result.error.httpStatus == 401 || result.error.httpStatus == 403));
        answer.verdict = refused ? Verdict::Rejected : Verdict::Unanswered;
        return answer;
    }
    const QJsonObject body = result.object();
    if (!result.data.isObject()) {
        answer.error = ApiError::of(ApiError::Kind::Malformed);
        return answer;
    }
    if (body.value(QStringLiteral("valid")) == QJsonValue(false)) {
        answer.verdict = Verdict::Rejected;
        answer.error = ApiError::http(401, {});
        return answer;
    }
    const QJsonObject user = body.value(QStringLiteral("user")).toObject();
    answer.verdict = Verdict::Accepted;
    answer.name = AccountNames::fromUser(user);
    answer.registrationIncomplete = registrationIncomplete(user);
    return answer;
}
