#include "AccountFixture.h"

#include "SandboxProcess.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "auth/AccountSession.h"

#include <QSignalSpy>
#include <QTest>
#include <optional>

AccountFixture::AccountFixture(const SandboxProcess &sandbox, TokenStore *tokenStore)
{
    ServerProfile profile;
    profile.name = QStringLiteral("dev");
    profile.baseUrl = sandbox.baseUrl();
    client = std::make_unique<ApiClient>(profile);
    ApiClient::Policy policy;
    policy.backoffMs = 50;
    client->setPolicy(policy);
    store = tokenStore;
    store->setParent(client.get());
    account = new AccountSession(client.get(), store, client.get());
    client->setAuthenticator(account);
}

AccountFixture::~AccountFixture() = default;
AccountFixture::AccountFixture(AccountFixture &&) noexcept = default;

StoredTokens loadAndWait(TokenStore &store, const QString &origin, int timeoutMs)
{
    std::optional<StoredTokens> out;
    store.load(origin, [&](const TokenStore::Result &r, const TokenPair &t) { out = StoredTokens{r, t}; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs))
        return {{TokenStore::Status::Failed, QStringLiteral("test: load() never answered")}, {}};
    return *out;
}

TokenStore::Result saveAndWait(TokenStore &store, const QString &origin, const TokenPair &tokens,
                               int timeoutMs)
{
    std::optional<TokenStore::Result> out;
    store.save(origin, tokens, [&](const TokenStore::Result &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs))
        return {TokenStore::Status::Failed, QStringLiteral("test: save() never answered")};
    return *out;
}

ApiResult waitForResult(ApiCall *call, int timeoutMs)
{
    QSignalSpy spy(call, &ApiCall::finished);
    if (!spy.wait(timeoutMs))
        return {ApiError::of(ApiError::Kind::Cancelled, QStringLiteral("test gave up")), 0, {}};
    return spy.first().first().value<ApiResult>();
}
