#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// A request copied out of QHttpServerRequest, so that it can be answered later (the `slow`
// fault) and recorded for the control API.
struct ApiRequest
{
    QByteArray method;                            // "GET", "PATCH", ...
    QString path;                                 // decoded path, no query
    QString pathWithQuery;                        // as sent (encoded), e.g. /api/v1/user-settings?x=1
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    QString time; // ISO-8601 UTC, when it arrived

    QByteArray header(const QByteArray &lowerName) const
    {
        QByteArray v;
        for (const auto &h : headers) {
            if (h.first == lowerName)
                v = v.isEmpty() ? h.second : v + ", " + h.second;
        }
        return v;
    }
};
