#include "RequestLogModel.h"

#include "api/ServerText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace {
bool isOtpCall(const QUrl &url)
{
    return url.path().contains(QLatin1String("otp"), Qt::CaseInsensitive);
}

// Walks a parsed body; true when something was replaced.
bool redactValue(QJsonValue &value, bool otp)
{
    bool changed = false;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool secret = (ServerText::isTokenKey(it.key()) && it.value().isString()) ||
                                (otp && it.key().compare(QLatin1String("code"), Qt::CaseInsensitive) == 0 &&
                                 !it.value().isObject() && !it.value().isArray() && !it.value().isNull());
            if (secret) {
                it.value() = QLatin1String(RequestLogModel::kRedactedValue);
                changed = true;
                continue;
            }
            QJsonValue inner = it.value();
            if (redactValue(inner, otp)) {
                it.value() = inner;
                changed = true;
            }
        }
        value = object;
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it) {
            QJsonValue inner = *it;
            if (redactValue(inner, otp)) {
                *it = inner;
                changed = true;
            }
        }
        value = array;
    }
    return changed;
}

// For text that is not JSON (cut off mid-way): "key": "value… up to the closing quote or the end.
QByteArray redactText(const QByteArray &body, bool otp)
{
    static const QRegularExpression tokens(
        QStringLiteral(R"re(("(?:accessToken|refreshToken|token)"\s*:\s*")(?:[^"\\]|\\.)*("?))re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression codes(
        QStringLiteral(R"re(("code"\s*:\s*)(?:"(?:[^"\\]|\\.)*"?|[0-9]+))re"),
        QRegularExpression::CaseInsensitiveOption);
    QString text = QString::fromUtf8(body);
    const QString redacted = QLatin1String(RequestLogModel::kRedactedValue);
    text.replace(tokens, QStringLiteral("\\1") + redacted + QStringLiteral("\\2"));
    if (otp)
        text.replace(codes, QStringLiteral("\\1\"") + redacted + QLatin1Char('"'));
    return text.toUtf8();
}

// A body for the export: its JSON if it is JSON, else its text; null when there is none.
QJsonValue exportedBody(const QByteArray &body)
{
    if (body.isEmpty())
        return QJsonValue::Null;
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError)
        return json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
    return QString::fromUtf8(body);
}

QJsonObject exportedHeaders(const RequestRecord::Headers &headers)
{
    QJsonObject object;
    for (const auto &header : headers) {
        const QString name = QString::fromLatin1(header.first);
        const QString value = QString::fromUtf8(header.second);
        const QString earlier = object.value(name).toString();
        object.insert(name, earlier.isEmpty() ? value : earlier + QStringLiteral(", ") + value);
    }
    return object;
}

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

void RequestLogModel::append(const ServerProfile &server, const RequestRecord &record)
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
        return row.server.title();
    case Method:
        return QString::fromLatin1(r.method);
    case Url:
        return r.url.toString();
    case Status:
        return r.status ? QString::number(r.status) : tr("— %1").arg(r.error);
    case Duration:
        return tr("%1 ms").arg(QLocale().toString(r.elapsedMs)); // "1.234 ms" in Turkish
    case Size:
        // In words below a kibibyte ("1 byte", "134 bytes", "134 bayt"): Qt's formatting says "1 bytes".
        return r.responseBytes < 1024 ? tr("%n byte(s)", nullptr, int(r.responseBytes))
                                      : QLocale().formattedDataSize(r.responseBytes);
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

QByteArray RequestLogModel::redactBody(const QByteArray &body, const QUrl &url)
{
    if (body.isEmpty())
        return body;
    const bool otp = isOtpCall(url);
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return redactText(body, otp);
    QJsonValue value = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
    if (!redactValue(value, otp))
        return body;
    const QJsonDocument redacted =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return redacted.toJson(QJsonDocument::Compact);
}

RequestRecord RequestLogModel::redacted(const RequestRecord &record)
{
    RequestRecord r = record;
    r.requestBody = redactBody(record.requestBody, record.url);
    // The answer is the server's: cleaned again, whoever recorded it (ApiCall already did, with
    // the secrets it knew).
    r.responseBody = ServerText::body(redactBody(record.responseBody, record.url));
    for (auto &header : r.responseHeaders) {
        header.first = ServerText::line(QString::fromUtf8(header.first)).toUtf8();
        header.second = ServerText::line(QString::fromUtf8(header.second)).toUtf8();
    }
    r.error = ServerText::line(record.error);
    for (auto &header : r.requestHeaders) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0)
            header.second = RequestRecord::kRedacted;
    }
    return r;
}

QJsonDocument RequestLogModel::toJson() const
{
    QJsonArray requests;
    for (const Row &row : m_rows) {
        const RequestRecord r = redacted(row.record);
        requests.append(QJsonObject{
            {QStringLiteral("time"), r.started.toString(Qt::ISODateWithMs)},
            {QStringLiteral("server"), row.server.name}, // as --server takes it, in any language
            {QStringLiteral("method"), QString::fromLatin1(r.method)},
            {QStringLiteral("url"), r.url.toString()},
            {QStringLiteral("status"), r.status ? QJsonValue(r.status) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("error"), r.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.error)},
            {QStringLiteral("durationMs"), r.elapsedMs},
            {QStringLiteral("size"), r.responseBytes},
            {QStringLiteral("requestHeaders"), exportedHeaders(r.requestHeaders)},
            {QStringLiteral("requestBody"), exportedBody(r.requestBody)},
            {QStringLiteral("responseHeaders"), exportedHeaders(r.responseHeaders)},
            {QStringLiteral("responseBody"), exportedBody(r.responseBody)},
        });
    }
    return QJsonDocument(QJsonObject{
        {QStringLiteral("application"), QStringLiteral(ALLMINE_APP_ID)},
        {QStringLiteral("version"), QStringLiteral(ALLMINE_VERSION)},
        {QStringLiteral("exported"), QDateTime::currentDateTime().toString(Qt::ISODateWithMs)},
        {QStringLiteral("requests"), requests},
    });
}

QString RequestLogModel::details(const RequestRecord &record)
{
    const RequestRecord r = redacted(record);
    QString text = QStringLiteral("%1 %2\n").arg(QString::fromLatin1(r.method), r.url.toString());
    text +=
        headerLines(r.requestHeaders) + QLatin1Char('\n') + bodyText(r.requestBody) + QStringLiteral("\n\n");
    text += r.status ? tr("Answer %1 after %2 ms\n").arg(r.status).arg(r.elapsedMs)
                     : tr("No answer after %1 ms: %2\n").arg(r.elapsedMs).arg(r.error);
    text += headerLines(r.responseHeaders) + QLatin1Char('\n') + bodyText(r.responseBody);
    return text;
}
