#include "cli/CliCommand.h"

#include "api/ApiCall.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"

#include <QEventLoop>
#include <QJsonDocument>

namespace {
// Sentences of the shared error wording that speak of what only the window does (edits kept on
// screen, the server settings dialog), with what the command line says instead. Both sides
// are looked up in the current language, so the swap works in every translation; the CLI tests
// (tst_cli, tst_tls) fail if ApiError's wording drifts from these.
struct Rewording
{
    const char *window;
    const char *cli;
};
const Rewording kRewordings[] = {
    {QT_TRANSLATE_NOOP("ApiError", "Reload the settings and try again."),
     QT_TRANSLATE_NOOP("CliApp", "Run the command again.")},
    {QT_TRANSLATE_NOOP("ApiError",
                       "The server's certificate was not accepted, so nothing was sent. If this is a private "
                       "Development server, name its CA certificate in the server settings."),
     QT_TRANSLATE_NOOP("CliApp",
                       "The server's certificate was not accepted. If this is a private Development "
                       "server, give its CA certificate with: allmine-settings-cli servers set NAME URL "
                       "--ca FILE")},
};
} // namespace

CliCommand::CliCommand(const CliOptions &options) : m_options(options) {}

CliCommand::~CliCommand() = default;

int CliCommand::execute()
{
    const int code = run();
    for (const auto &connection : m_connections)
        connection->finishKeychainWrites();
    return code;
}

void CliCommand::waitUntil(const std::function<bool()> &done)
{
    QEventLoop loop;
    while (!done())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

ApiResult CliCommand::answerOf(ApiCall *call)
{
    ApiResult result;
    bool done = false;
    QObject::connect(call, &ApiCall::finished, call, [&](const ApiResult &answer) {
        result = answer;
        done = true;
    });
    waitUntil([&] { return done; });
    return result;
}

int CliCommand::fail(const QString &message, int code)
{
    Console::err(message);
    return code;
}

int CliCommand::failWith(const ApiError &error)
{
    return fail(explain(error), ExitCode::forError(error));
}

QString CliCommand::explain(const ApiError &error)
{
    QString text = error.message();
    for (const Rewording &rewording : kRewordings)
        text.replace(QCoreApplication::translate("ApiError", rewording.window),
                     QCoreApplication::translate("CliApp", rewording.cli));
    return text;
}

QString CliCommand::json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

int CliCommand::open(Needs needs)
{
    int code = ExitCode::Ok;
    m_main = openServer(ServerConnection::startName(m_options), needs, &code);
    return code;
}

ServerConnection *CliCommand::openServer(const QString &name, Needs needs, int *code)
{
    m_connections.push_back(std::make_unique<ServerConnection>(m_options));
    ServerConnection *connection = m_connections.back().get();
    *code = connection->open(name, needs);
    return *code == ExitCode::Ok ? connection : nullptr;
}
