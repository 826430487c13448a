#include "CliSandbox.h"

#include <QFileInfo>

QString CliSandbox::start()
{
    const QString cli = qEnvironmentVariable("ALLMINE_CLI");
    if (!QFileInfo(cli).isExecutable())
        return QStringLiteral("ALLMINE_CLI is not an executable: \"%1\"").arg(cli);
    m_server = std::make_unique<SandboxProcess>();
    return m_server->isRunning() ? QString()
                                 : QStringLiteral("the sandbox did not start: ") + m_server->stderrText();
}

bool CliSandbox::fresh()
{
    m_env = std::make_unique<TestEnv>();
    m_server->reset(true);
    m_token = m_server->mintToken().access;
    return !m_token.isEmpty();
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
