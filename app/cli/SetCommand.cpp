#include "cli/SetCommand.h"

#include "cli/AssignmentParser.h"
#include "cli/ExitCode.h"
#include "cli/SettingsUpdate.h"

int SetCommand::run()
{
    const AssignmentParser::Result parsed = AssignmentParser::parse(options().words.mid(1));
    if (!parsed.ok())
        return fail(parsed.error, ExitCode::Usage);
    if (const int code = open(Needs::SignIn); code != ExitCode::Ok)
        return code;
    return SettingsUpdate(options(), *connection()).apply(parsed.values);
}
