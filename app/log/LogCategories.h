#pragma once

#include <QLoggingCategory>

// Off by default; `QT_LOGGING_RULES="allmine.*=true"` turns them on (see README). They say what
// happened (method, path, status, which origin, which keychain entry), never a token, a one-time
// code, a password or a request body.
Q_DECLARE_LOGGING_CATEGORY(lcApi)      // allmine.api: every request, retry, redirect and outcome
Q_DECLARE_LOGGING_CATEGORY(lcKeychain) // allmine.keychain: keychain reads, writes and deletes
Q_DECLARE_LOGGING_CATEGORY(lcAccount)  // allmine.account: sign-in state, refreshes, sign-out
