#pragma once

#include "api/ApiError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>

// The outcome of one call: the payload (unwrapped) or the error.
struct ApiResult
{
    ApiError error;
    int httpStatus = 0;
    QJsonValue data;

    bool ok() const { return !error.isError(); }
    QJsonObject object() const { return data.toObject(); }
};

Q_DECLARE_METATYPE(ApiResult)
