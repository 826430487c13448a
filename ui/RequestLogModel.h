#pragma once

#include "api/RequestRecord.h"

#include <QAbstractTableModel>

// Every HTTP exchange of this run, newest last, for the request log. Tokens are already
// redacted by ApiCall. Bounded so a long session does not grow without end.
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

    void append(const QString &server, const RequestRecord &record);
    void clear();
    // The UI language changed: the views ask again for headers and worded cells.
    void retranslate();
    const RequestRecord &record(int row) const { return m_rows.at(row).record; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Headers and bodies of one exchange, as text for the details pane.
    static QString details(const RequestRecord &record);

private:
    struct Row
    {
        QString server;
        RequestRecord record;
    };
    QList<Row> m_rows;
};
