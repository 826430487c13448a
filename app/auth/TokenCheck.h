#pragma once

#include "api/ApiError.h"
#include "api/ApiResult.h"

#include <QString>

class ApiCall;
class ApiClient;

// Asks the server whether it accepts the access token and whom it belongs to
// (GET /api/v1/auth/validate-token). The window's account panel and `token status` both show
// what the server says here, not what the token's own claims say.
class TokenCheck
{
public:
    enum class Verdict
    {
        Accepted,
        Rejected,  // 401 or 403, or an answer saying the token is not valid
        Unanswered // the server could not be asked (network, timeout, 5xx, an unreadable answer)
    };
    struct Answer
    {
        Verdict verdict = Verdict::Unanswered;
        QString name;                        // email or phone the server names, if any
        bool registrationIncomplete = false; // the account has not finished registering
        ApiError error;                      // why, unless accepted
    };

    static constexpr const char *kPath = "/api/v1/auth/validate-token";

    // Starts the request with `client`'s token; the call deletes itself after finished().
    static ApiCall *start(ApiClient *client);
    static Answer read(const ApiResult &result);
    // The user object of a sign-in or validate-token answer says the account has not finished
    // registering (a new account, too).
    static bool registrationIncomplete(const QJsonObject &user);
};
