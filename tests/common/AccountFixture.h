#pragma once

#include "api/ApiResult.h"
#include "auth/TokenStore.h"

#include <memory>

class AccountSession;
class ApiCall;
class ApiClient;
class SandboxProcess;

// An account on the sandbox's server, built as the window and the command line build theirs: an
// ApiClient whose authenticator is an AccountSession over `store` (which the client then owns).
struct AccountFixture
{
    AccountFixture(const SandboxProcess &sandbox, TokenStore *store);
    ~AccountFixture();
    AccountFixture(AccountFixture &&) noexcept;

    std::unique_ptr<ApiClient> client;
    TokenStore *store = nullptr;
    AccountSession *account = nullptr;
};

// The outcome of a store call, once the event loop delivered it (Failed when it never came).
struct StoredTokens
{
    TokenStore::Result result;
    TokenPair tokens;
};
StoredTokens loadAndWait(TokenStore &store, const QString &origin, int timeoutMs = 30000);
TokenStore::Result saveAndWait(TokenStore &store, const QString &origin, const TokenPair &tokens,
                               int timeoutMs = 30000);

// The call's result, once it finished (Cancelled when it did not within the time).
ApiResult waitForResult(ApiCall *call, int timeoutMs = 30000);
