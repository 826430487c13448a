#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QUrl>

// One HTTP exchange as QA sees it in the request log. The token is already redacted.
struct RequestRecord
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    QDateTime started;
    QByteArray method;
    QUrl url;
    int status = 0; // 0 when no answer came
    qint64 elapsedMs = 0;
    qint64 responseBytes = 0;
    Headers requestHeaders;
    QByteArray requestBody;
    Headers responseHeaders;
    QByteArray responseBody; // at most the first 64 KiB
    QString error;           // empty on success

    static constexpr auto kRedacted = "Bearer <redacted>";
};

Q_DECLARE_METATYPE(RequestRecord)
