#include "cli/LogoutCommand.h"

#include "api/ApiClient.h"
#include "auth/AccountSession.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"

int LogoutCommand::run()
{
    if (options().words.size() != 1)
        return fail(tr("Use: logout [--everywhere]"), ExitCode::Usage);
    if (const int code = open(Needs::Account); code != ExitCode::Ok)
        return code;
    if (!account()->isSignedIn()) {
        Console::err(tr("You were not signed in to %1.").arg(server().title()));
        return ExitCode::Ok;
    }
    const bool everywhere = options().has(QStringLiteral("everywhere"));
    if (everywhere)
        Console::err(tr("Ending every session of this account, on every device."));
    bool done = false;
    ApiError error;
    QObject::connect(account(), &AccountSession::signOutFinished, account(), [&](const ApiError &e) {
        error = e;
        done = true;
    });
    client()->setAuthenticator(account());
    account()->signOut(everywhere);
    waitUntil([&] { return done; });
    // The local tokens are gone either way; tell what the server said.
    if (error.isError())
        Console::err(tr("Signed out here, but the server could not be told: %1").arg(explain(error)));
    else
        Console::err(everywhere ? tr("Signed out everywhere.")
                                : tr("Signed out of %1.").arg(server().title()));
    return ExitCode::Ok;
}
