#include "FaultQueue.h"

#include <QHttpServerResponder>
#include <QMetaEnum>

const QStringList &FaultQueue::knownFaults()
{
    static const QStringList names{
        QStringLiteral("status"),      QStringLiteral("html502"),    QStringLiteral("slow"),
        QStringLiteral("drop"),        QStringLiteral("malformed"),  QStringLiteral("huge"),
        QStringLiteral("ratelimit"),   QStringLiteral("redirect"),   QStringLiteral("stream"),
        QStringLiteral("echo"),        QStringLiteral("hugeheader"), QStringLiteral("badrefresh"),
        QStringLiteral("otheruser"),   QStringLiteral("nocode"),     QStringLiteral("wrongtypes"),
        QStringLiteral("ignorepatch"),
    };
    return names;
}

QString FaultQueue::add(const QJsonObject &spec)
{
    Fault f;
    f.name = spec.value(QStringLiteral("fault")).toString();
    if (!knownFaults().contains(f.name))
        return QStringLiteral("unknown fault \"%1\"; known: %2")
            .arg(f.name, knownFaults().join(QStringLiteral(", ")));
    const QJsonValue count = spec.value(QStringLiteral("count"));
    f.remaining = count.isUndefined() ? 1 : count.toInt(0);
    if (f.remaining == 0 || f.remaining < -1)
        return QStringLiteral("count must be a positive number or -1");
    f.path = spec.value(QStringLiteral("path")).toString(QStringLiteral("/api/"));
    if (!f.path.startsWith(QLatin1Char('/')))
        return QStringLiteral("path must start with /");
    f.method = spec.value(QStringLiteral("method")).toString().toUpper();
    f.spec = spec;

    if (f.name == QLatin1String("status")) {
        const int status = spec.value(QStringLiteral("status")).toInt(0);
        // QHttpServerResponder can only write the status codes its enum (and reason table) knows.
        if (status < 100 || status > 599 ||
            !QMetaEnum::fromType<QHttpServerResponder::StatusCode>().valueToKey(status))
            return QStringLiteral("status must be an HTTP status code QHttpServerResponder knows");
        if (spec.contains(QStringLiteral("errors")) && !spec.value(QStringLiteral("errors")).isArray())
            return QStringLiteral("errors must be an array of strings");
    } else if (f.name == QLatin1String("redirect")) {
        if (spec.value(QStringLiteral("location")).toString().isEmpty())
            return QStringLiteral("redirect needs \"location\" (e.g. http://127.0.0.1:1234)");
    } else if (f.name == QLatin1String("slow")) {
        if (spec.value(QStringLiteral("delayMs")).toInt(3000) < 0)
            return QStringLiteral("delayMs must not be negative");
    } else if (f.name == QLatin1String("huge")) {
        if (spec.value(QStringLiteral("bytes")).toDouble(2 * 1024 * 1024) > 512.0 * 1024 * 1024)
            return QStringLiteral("bytes is capped at 512 MiB");
    } else if (f.name == QLatin1String("stream")) {
        if (spec.value(QStringLiteral("bytes")).toDouble(kStreamBytes) <= 0)
            return QStringLiteral("bytes must be positive");
    } else if (f.name == QLatin1String("hugeheader")) {
        const double bytes = spec.value(QStringLiteral("bytes")).toDouble(kHugeHeaderBytes);
        if (bytes <= 0 || bytes > 256.0 * 1024 * 1024)
            return QStringLiteral("bytes must be positive and at most 256 MiB");
    } else if (f.name == QLatin1String("wrongtypes")) {
        if (spec.contains(QStringLiteral("values")) && !spec.value(QStringLiteral("values")).isObject())
            return QStringLiteral("values must be an object of fields and what to send for them");
        if (spec.contains(QStringLiteral("drop")) && !spec.value(QStringLiteral("drop")).isArray())
            return QStringLiteral("drop must be an array of field names");
    } else if (f.name == QLatin1String("echo")) {
        const int status = spec.value(QStringLiteral("status")).toInt(400);
        if (status < 400 || status > 599)
            return QStringLiteral("status must be an error status (400-599)");
    }
    m_faults.append(f);
    return {};
}

std::optional<FaultQueue::Fault> FaultQueue::take(const QString &path, const QString &method)
{
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if (!path.startsWith(it->path) || (!it->method.isEmpty() && it->method != method))
            continue;
        Fault f = *it;
        if (it->remaining > 0 && --it->remaining == 0)
            m_faults.erase(it);
        return f;
    }
    return std::nullopt;
}
