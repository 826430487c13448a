#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

// A throw-away HOME with XDG config/data/cache/state dirs inside, for tests that run the app
// (or themselves) without touching the real user's files. Removed when destroyed.
class TestEnv
{
public:
    TestEnv();
    bool isValid() const { return m_dir.isValid(); }
    QString home() const { return m_dir.path(); }
    QString configHome() const { return m_dir.filePath(QStringLiteral(".config")); }
    QString dataHome() const { return m_dir.filePath(QStringLiteral(".local/share")); }
    QString cacheHome() const { return m_dir.filePath(QStringLiteral(".cache")); }
    QString stateHome() const { return m_dir.filePath(QStringLiteral(".local/state")); }

    // `base` with HOME and XDG_*_HOME pointing here (for QProcess::setProcessEnvironment).
    QProcessEnvironment
    environment(const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment()) const;
    // Same, applied to the current process with qputenv (call before QStandardPaths is used).
    void applyToCurrentProcess() const;

private:
    QTemporaryDir m_dir;
};
