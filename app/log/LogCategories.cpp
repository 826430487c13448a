#include "log/LogCategories.h"

// Debug and info messages stay off unless the user turns them on.
Q_LOGGING_CATEGORY(lcApi, "allmine.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeychain, "allmine.keychain", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAccount, "allmine.account", QtWarningMsg)
