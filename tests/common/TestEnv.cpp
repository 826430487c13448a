#include "TestEnv.h"

#include <QDir>

TestEnv::TestEnv()
{
    if (!m_dir.isValid())
        return;
    for (const QString &d : {configHome(), dataHome(), cacheHome(), stateHome()})
        QDir().mkpath(d);
}

QProcessEnvironment TestEnv::environment(const QProcessEnvironment &base) const
{
    QProcessEnvironment env = base;
    env.insert(QStringLiteral("HOME"), home());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome());
    env.insert(QStringLiteral("XDG_STATE_HOME"), stateHome());
    return env;
}

void TestEnv::applyToCurrentProcess() const
{
    qputenv("HOME", home().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", configHome().toLocal8Bit());
    qputenv("XDG_DATA_HOME", dataHome().toLocal8Bit());
    qputenv("XDG_CACHE_HOME", cacheHome().toLocal8Bit());
    qputenv("XDG_STATE_HOME", stateHome().toLocal8Bit());
}
