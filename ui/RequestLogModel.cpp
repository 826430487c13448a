#include "RequestLogModel.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

namespace {
QString headerLines(const RequestRecord::Headers &headers)
{
    QString text;
    for (const auto &header : headers)
        text += QString::fromLatin1(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second) +
                QLatin1Char('\n');
    return text;
}

QString bodyText(const QByteArray &body)
{
    if (body.isEmpty())
        return QCoreApplication::translate("RequestLogModel", "(no body)");
    const QJsonDocument json = QJsonDocument::fromJson(body);
    return json.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(json.toJson(QJsonDocument::Indented));
}
} // namespace

void RequestLogModel::append(const QString &server, const RequestRecord &record)
{
    if (m_rows.size() >= kMaxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append({server, record});
    endInsertRows();
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void RequestLogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const RequestRecord &r = row.record;
    if (role == Qt::ToolTipRole && !r.error.isEmpty())
        return r.error;
    if (role == Qt::TextAlignmentRole && index.column() >= Status)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return r.started.time().toString(QStringLiteral("HH:mm:ss.zzz"));
    case Server:
        return row.server;
    case Method:
        return QString::fromLatin1(r.method);
    case Url:
        return r.url.toString();
    case Status:
        return r.status ? QString::number(r.status) : tr("— %1").arg(r.error);
    case Duration:
        return tr("%1 ms").arg(r.elapsedMs);
    case Size:
        return QLocale().formattedDataSize(r.responseBytes);
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Server:
        return tr("Server");
    case Method:
        return tr("Method");
    case Url:
        return tr("URL");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case Size:
        return tr("Size");
    default:
        return {};
    }
}

QString RequestLogModel::details(const RequestRecord &r)
{
    QString text = QStringLiteral("%1 %2\n").arg(QString::fromLatin1(r.method), r.url.toString());
    text +=
        headerLines(r.requestHeaders) + QLatin1Char('\n') + bodyText(r.requestBody) + QStringLiteral("\n\n");
    text += r.status ? tr("Answer %1 after %2 ms\n").arg(r.status).arg(r.elapsedMs)
                     : tr("No answer after %1 ms: %2\n").arg(r.elapsedMs).arg(r.error);
    text += headerLines(r.responseHeaders) + QLatin1Char('\n') + bodyText(r.responseBody);
    return text;
}
