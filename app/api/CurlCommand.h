#pragma once

#include "api/RequestRecord.h"

#include <QString>

// Turns a logged request into a shell command QA can paste. The token never appears: the
// Authorization header reads "$ALLMINE_TOKEN", which the shell fills in from the environment.
class CurlCommand
{
public:
    static QString fromRecord(const RequestRecord &record);
    // 'text' quoted for a POSIX shell (single quotes; an embedded ' becomes '\'').
    static QString shellQuote(const QString &text);

private:
    CurlCommand() = delete;
};
