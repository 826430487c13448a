#pragma once

#include "auth/TokenStore.h"

#include <QHash>

// Keeps tokens in this process's memory only: the session-only fallback when no keychain can
// be used (the tokens are gone when the app quits), and the fake for unit tests. Callbacks are
// queued, like the keychain's, so callers behave the same with either store.
class MemoryTokenStore : public TokenStore
{
    Q_OBJECT
public:
    explicit MemoryTokenStore(QObject *parent = nullptr);
    ~MemoryTokenStore() override;

    void load(const QString &origin, ReadCallback done) override;
    void save(const QString &origin, const TokenPair &tokens, WriteCallback done) override;
    void remove(const QString &origin, WriteCallback done) override;
    bool isSessionOnly() const override { return true; }

private:
    QHash<QString, TokenPair> m_tokens; // by canonical origin
};
