#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Misbehaviour the control API queued: applied, in FIFO order, to the next `count` non-control
// requests whose path starts with `path` (default "/api/"). count -1 = until reset.
class FaultQueue
{
public:
    struct Fault
    {
        QString name; // status, html502, slow, drop, malformed, huge, ratelimit, redirect, nocode
        int remaining = 1;
        QString path;     // path prefix
        QJsonObject spec; // the whole request body: the fault's own parameters
    };

    static const QStringList &knownFaults();

    // Validates and queues a fault; returns an error message, or an empty string on success.
    QString add(const QJsonObject &spec);

    // The first queued fault matching the path, with its count consumed; nullopt if none.
    std::optional<Fault> take(const QString &path);

    void clear() { m_faults.clear(); }
    int size() const { return int(m_faults.size()); }

private:
    QList<Fault> m_faults;
};
