#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Misbehaviour the control API queued: applied, in FIFO order, to the next `count` non-control
// requests whose path starts with `path` (default "/api/") and, if given, whose method is
// `method`. count -1 = until reset.
class FaultQueue
{
public:
    struct Fault
    {
        QString name; // see knownFaults()
        int remaining = 1;
        QString path;     // path prefix
        QString method;   // "PATCH", ...; empty: any
        QJsonObject spec; // the whole request body: the fault's own parameters
    };

    static const QStringList &knownFaults();
    static constexpr double kStreamBytes = 8.0 * 1024 * 1024 * 1024; // `stream` stops after this
    static constexpr double kHugeHeaderBytes = 16.0 * 1024 * 1024;

    // Validates and queues a fault; returns an error message, or an empty string on success.
    QString add(const QJsonObject &spec);

    // The first queued fault matching the path and method, with its count consumed; nullopt if none.
    std::optional<Fault> take(const QString &path, const QString &method);

    void clear() { m_faults.clear(); }
    int size() const { return int(m_faults.size()); }

private:
    QList<Fault> m_faults;
};
