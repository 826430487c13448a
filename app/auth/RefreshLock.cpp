#include "auth/RefreshLock.h"

#include "log/LogCategories.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLockFile>
#include <QStandardPaths>

namespace {
constexpr int kPollMs = 25;
// A live holder that has not finished within this time is taken over: one renewal is at most a
// few attempts with the request timeout each, well below it.
constexpr int kStaleMs = 120 * 1000;
} // namespace

RefreshLock::RefreshLock(QObject *parent) : QObject(parent)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &RefreshLock::poll);
}

RefreshLock::~RefreshLock() = default; // QLockFile's destructor unlocks

QString RefreshLock::pathFor(const QString &origin)
{
    // The runtime directory is private to the user and emptied at log-out. Without one (a cron
    // job, su) the user's cache directory: Qt would warn on every use and fall back to /tmp.
    QString dir = qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")
                      ? QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
                      : QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    QDir().mkpath(dir);
    const QByteArray hash = QCryptographicHash::hash(origin.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(dir).filePath(
        QStringLiteral("allmine-settings-refresh-%1.lock").arg(QString::fromLatin1(hash.left(32))));
}

void RefreshLock::acquire(const QString &origin, std::function<void()> acquired)
{
    release();
    m_file = std::make_unique<QLockFile>(pathFor(origin));
    m_file->setStaleLockTime(kStaleMs);
    m_acquired = std::move(acquired);
    // The first try is queued too: the caller's callback never runs inside acquire().
    m_poll.start(0);
}

void RefreshLock::release()
{
    m_poll.stop();
    m_acquired = nullptr;
    if (m_file && m_file->isLocked())
        qCDebug(lcAccount) << "renewal lock released";
    m_file.reset();
}

bool RefreshLock::isHeld() const
{
    return m_file && m_file->isLocked();
}

void RefreshLock::poll()
{
    if (!m_file)
        return m_poll.stop();
    m_poll.setInterval(kPollMs);
    const bool locked = m_file->tryLock(0);
    if (!locked && m_file->error() == QLockFile::LockFailedError)
        return; // another process renews: try again on the next tick
    m_poll.stop();
    if (locked)
        qCDebug(lcAccount) << "renewal lock taken";
    else
        qCWarning(lcAccount) << "no renewal lock could be made (error" << int(m_file->error())
                             << "); renewing without it";
    if (auto acquired = std::exchange(m_acquired, nullptr))
        acquired();
}
