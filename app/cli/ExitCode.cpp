#include "cli/ExitCode.h"

#include "api/ApiError.h"

int ExitCode::forError(const ApiError &error)
{
    if (!error.isError())
        return Ok;
    if (error.isAuthFailure())
        return Auth;
    if (error.kind == ApiError::Kind::Http && error.httpStatus >= 400 && error.httpStatus < 500)
        return Client;
    return Server;
}
