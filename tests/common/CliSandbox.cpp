#include "CliSandbox.h"

#include <QFileInfo>

bool CliSandbox::start()
{
    if (!QFileInfo(qEnvironmentVariable("ALLMINE_CLI")).isExecutable())
        return false;
    m_server = std::make_unique<SandboxProcess>();
    return m_server->isRunning();
}

void CliSandbox::fresh()
{
    m_env = std::make_unique<TestEnv>();
    m_server->reset(true);
    m_token = m_server->mintToken().access;
}

QProcessEnvironment CliSandbox::environment(const QString &token) const
{
    QProcessEnvironment env = m_env->environment();
    env.remove(QStringLiteral("ALLMINE_TOKEN"));
    if (!token.isNull())
        env.insert(QStringLiteral("ALLMINE_TOKEN"), token);
    return env;
}

QStringList CliSandbox::onServer(const QStringList &arguments) const
{
    return QStringList{QStringLiteral("--base-url"), m_server->baseUrl().toString()} + arguments;
}
