#include "cli/LoginCommand.h"

#include "auth/AccountNames.h"
#include "auth/JwtInspector.h"
#include "auth/SignInFlow.h"
#include "auth/TokenCheck.h"
#include "cli/Console.h"
#include "cli/ExitCode.h"

int LoginCommand::run()
{
    const QString email = options().value(QStringLiteral("email"));
    const QString country = options().value(QStringLiteral("country-code"));
    const QString phone = options().value(QStringLiteral("phone"));
    const bool byEmail = !email.isEmpty();
    if (options().words.size() != 1 || byEmail == (!country.isEmpty() || !phone.isEmpty()))
        return fail(tr("Use: login --email ADDRESS, or login --country-code 90 --phone 5551234567"),
                    ExitCode::Usage);
    const QString problem = byEmail ? SignInFlow::checkEmail(email) : SignInFlow::checkPhone(country, phone);
    if (!problem.isEmpty())
        return fail(problem, ExitCode::Usage);
    if (const int code = open(Needs::Account); code != ExitCode::Ok)
        return code;

    // Each step of the flow ends in one of its three signals.
    SignInFlow flow(client());
    bool done = false;
    ApiError error;
    QString serverCode;
    TokenPair tokens;
    QJsonObject user;
    QObject::connect(&flow, &SignInFlow::codeSent, &flow, [&](const QString &sent) {
        serverCode = sent;
        done = true;
    });
    QObject::connect(&flow, &SignInFlow::failed, &flow, [&](const ApiError &e) {
        error = e;
        done = true;
    });
    QObject::connect(&flow, &SignInFlow::signedIn, &flow, [&](const TokenPair &t, const QJsonObject &u) {
        tokens = t;
        user = u;
        done = true;
    });
    byEmail ? flow.sendEmailCode(email) : flow.sendPhoneCode(country, phone);
    waitUntil([&] { return done; });
    if (error.isError())
        return failWith(error);

    if (!serverCode.isEmpty())
        // Not printed: a one-time code is as good as a password until it is used.
        Console::err(tr("The server returned the code (a Development server); press Enter to use it."));
    else
        Console::err(tr("A one-time code was sent to %1.")
                         .arg(byEmail ? email : QStringLiteral("+%1 %2").arg(country, phone)));
    QString typed = Console::readLine(tr("Code: "));
    if (typed.isNull() && serverCode.isEmpty())
        return fail(tr("No code was given: not signed in."), ExitCode::Usage);
    if (typed.trimmed().isEmpty())
        typed = serverCode;
    const QString codeProblem = SignInFlow::checkCode(typed);
    if (!codeProblem.isEmpty())
        return fail(codeProblem, ExitCode::Usage);
    done = false;
    flow.verify(typed);
    waitUntil([&] { return done; });
    if (error.isError())
        return failWith(error);
    if (const int code = storeTokens(tokens); code != ExitCode::Ok)
        return code;
    const QString who = AccountNames::fromUser(user);
    AccountNames::save(server().origin(), JwtInspector::inspect(tokens.access).subject, who);
    Console::err(
        tr("Signed in to %1%2.").arg(server().title(), who.isEmpty() ? QString() : tr(" as %1").arg(who)));
    if (TokenCheck::registrationIncomplete(user))
        Console::err(tr("This account has not finished registering; finish it in the Allmine app."));
    return ExitCode::Ok;
}
