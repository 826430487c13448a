#pragma once

#include "api/RequestRecord.h"
#include "servers/ServerProfile.h"

#include <QAbstractTableModel>
#include <QJsonDocument>

// Every HTTP exchange of this run, newest last, for the request log. The Authorization header is
// already redacted by ApiCall; tokens and one-time codes in bodies are redacted here, for the
// details pane and the export alike. Bounded so a long session does not grow without end.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Server,
        Method,
        Url,
        Status,
        Duration,
        Size,
        ColumnCount
    };
    static constexpr int kMaxRows = 500;

    using QAbstractTableModel::QAbstractTableModel;

    void append(const ServerProfile &server, const RequestRecord &record);
    void clear();
    // The UI language changed: the views ask again for headers and worded cells.
    void retranslate();
    const RequestRecord &record(int row) const { return m_rows.at(row).record; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Headers and bodies of one exchange, as text for the details pane (secrets redacted).
    static QString details(const RequestRecord &record);
    // Every exchange as a JSON document for a file (secrets redacted): method, URL, status, time,
    // duration, size, request and response headers and bodies.
    QJsonDocument toJson() const;

    // `body` with secrets replaced by "<redacted>": every string value whose key is accessToken,
    // refreshToken or token (any case, at any depth), and on one-time-code calls (URL path with
    // "otp") the value of "code". Also on JSON that was cut off mid-way (a dropped answer).
    static QByteArray redactBody(const QByteArray &body, const QUrl &url);
    // The record with its bodies redacted, any Authorization header hidden and the answer's
    // headers and body cleaned of control characters and escape sequences (ServerText).
    static RequestRecord redacted(const RequestRecord &record);
    static constexpr auto kRedactedValue = "<redacted>";

private:
    struct Row
    {
        ServerProfile server; // named in the language shown, not the one of the time
        RequestRecord record;
    };
    QList<Row> m_rows;
};
