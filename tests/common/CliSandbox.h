#pragma once

#include "SandboxProcess.h"
#include "TestEnv.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <memory>

// Where every command-line test against the sandbox starts: the CLI built, one sandbox for the
// whole test (start() in initTestCase), and for each test (fresh() in init()) an empty home, a
// sandbox back to its defaults and a new token for its default user.
class CliSandbox
{
public:
    // What went wrong ($ALLMINE_CLI is not an executable, the sandbox did not start), or empty.
    QString start();
    // False when the sandbox minted no token (the secret checks would then check nothing).
    bool fresh();

    SandboxProcess &server() const { return *m_server; }
    const TestEnv &env() const { return *m_env; }
    const QString &token() const { return m_token; }
    // The fresh home's environment; ALLMINE_TOKEN is `token`, or unset when `token` is null.
    QProcessEnvironment environment(const QString &token) const;
    // `arguments` aimed at the sandbox (--base-url first).
    QStringList onServer(const QStringList &arguments) const;

private:
    std::unique_ptr<SandboxProcess> m_server;
    std::unique_ptr<TestEnv> m_env;
    QString m_token;
};
