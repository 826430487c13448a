#pragma once

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

class QLockFile;

// Serialises the token renewals of one server origin across processes (the window and any
// number of command lines): a QLockFile in the runtime directory, named after a hash of the
// origin (never a token). It is polled with tryLock(0) on a timer, so waiting never blocks the
// event loop. A lock left by a process that died is taken over (QLockFile's stale detection).
class RefreshLock : public QObject
{
    Q_OBJECT
public:
    explicit RefreshLock(QObject *parent = nullptr);
    ~RefreshLock() override;

    // Calls `acquired` (once, from the event loop) when this process holds the lock for `origin`,
    // or when no lock file can be made at all (then renewals are not serialised, not stopped).
    void acquire(const QString &origin, std::function<void()> acquired);
    // Gives the lock back (or stops waiting for it). Harmless when not held.
    void release();
    bool isHeld() const;

    // The lock file's path for `origin` (for tests).
    static QString pathFor(const QString &origin);

private:
    void poll();

    std::unique_ptr<QLockFile> m_file;
    std::function<void()> m_acquired;
    QTimer m_poll;
};
