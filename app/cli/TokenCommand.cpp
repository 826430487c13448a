#include "cli/TokenCommand.h"

#include "api/ApiClient.h"
#include "api/ServerText.h"
#include "auth/AccountNames.h"
#include "auth/AccountSession.h"
#include "auth/JwtInspector.h"
#include "auth/TokenCheck.h"
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
    // The server says whether the token is good and whose it is; the token's claims only say
    // until when it was meant to be.
    client()->setAuthenticator(account());
    const TokenCheck::Answer answer = TokenCheck::read(answerOf(TokenCheck::start(client())));
    const JwtInfo info = account()->accessInfo(); // renewed meanwhile, perhaps
    if (answer.verdict == TokenCheck::Verdict::Rejected) {
        Console::out(tr("%1: the server rejected the stored sign-in").arg(server().title()));
        Console::err(tr("Sign in again with: allmine-settings-cli --server %1 login").arg(server().name));
        return ExitCode::Auth;
    }
    if (answer.verdict == TokenCheck::Verdict::Unanswered) {
        Console::err(tr("Could not ask %1 whether it accepts the stored sign-in: %2")
                         .arg(server().title(), explain(answer.error)));
        Console::out(tr("%1: signed in, not confirmed by the server").arg(server().title()));
        const QString name = AccountNames::load(server().origin(), info.subject);
        Console::out(tr("account: %1").arg(name.isEmpty() ? ServerText::line(info.subject) : name));
        describeExpiry(info);
        return ExitCode::Server;
    }
    AccountNames::save(server().origin(), info.subject, answer.name);
    Console::out(tr("%1: signed in").arg(server().title()));
    if (!answer.name.isEmpty())
        Console::out(tr("account: %1").arg(answer.name));
    if (answer.registrationIncomplete)
        Console::err(tr("This account has not finished registering; finish it in the Allmine app."));
    describeExpiry(info);
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
    describeExpiry(info);
}

void TokenCommand::describeExpiry(const JwtInfo &info)
{
    if (info.expiry.isValid())
        Console::out(
            tr("expires: %1%2")
                .arg(info.expiry.toString(Qt::ISODate), info.isExpired() ? tr(" (expired)") : QString()));
}
