#include "cli/TokenCommand.h"

#include "api/ServerText.h"
#include "auth/AccountNames.h"
#include "auth/AccountSession.h"
#include "auth/JwtInspector.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"

int TokenCommand::run()
{
    const QString action = options().words.value(1);
    if (options().words.size() != 2 ||
        !QStringList{QStringLiteral("status"), QStringLiteral("set"), QStringLiteral("clear")}.contains(
            action))
        return fail(tr("Use: token status | token set | token clear"), ExitCode::Usage);
    if (const int code = open(Needs::Account); code != ExitCode::Ok)
        return code;
    if (action == QLatin1String("status"))
        return status();
    if (action == QLatin1String("clear"))
        return clear();
    return set();
}

int TokenCommand::status()
{
    if (!qEnvironmentVariable("ALLMINE_TOKEN").trimmed().isEmpty())
        Console::err(tr("Note: ALLMINE_TOKEN is set and is used instead of the stored token."));
    if (!account()->isSignedIn()) {
        Console::out(tr("%1: not signed in").arg(server().title()));
        return ExitCode::Auth;
    }
    Console::out(tr("%1: signed in").arg(server().title()));
    const QString name = AccountNames::load(server().origin(), account()->accessInfo().subject);
    if (!name.isEmpty())
        Console::out(tr("account: %1").arg(ServerText::line(name)));
    describe(account()->accessInfo());
    return ExitCode::Ok;
}

int TokenCommand::set()
{
    const QString access = JwtInspector::normalize(Console::readLine(tr("Access token: "), true));
    const QString refresh =
        JwtInspector::normalize(Console::readLine(tr("Refresh token (optional): "), true));
    const JwtInfo info = JwtInspector::inspect(access);
    if (!info.valid)
        return fail(tr("That is not a token: %1").arg(info.error), ExitCode::Usage);
    if (info.isExpired())
        Console::err(tr("Warning: this token has already expired."));
    const int code = storeTokens({access, refresh});
    if (code == ExitCode::Ok) {
        Console::err(tr("Stored the token for %1.").arg(server().title()));
        describe(info);
    }
    return code;
}

int TokenCommand::clear()
{
    if (const int code = removeTokens(); code != ExitCode::Ok)
        return code;
    Console::err(tr("Forgot the tokens of %1.").arg(server().title()));
    return ExitCode::Ok;
}

void TokenCommand::describe(const JwtInfo &info)
{
    if (!info.subject.isEmpty())
        Console::out(tr("subject: %1").arg(ServerText::line(info.subject)));
    if (info.expiry.isValid())
        Console::out(
            tr("expires: %1%2")
                .arg(info.expiry.toString(Qt::ISODate), info.isExpired() ? tr(" (expired)") : QString()));
}
