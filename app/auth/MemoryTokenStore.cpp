#include "auth/MemoryTokenStore.h"

#include <QMetaObject>

MemoryTokenStore::MemoryTokenStore(QObject *parent) : TokenStore(parent) {}

MemoryTokenStore::~MemoryTokenStore()
{
    // Overwrite the tokens before the memory is released (best effort: QString may have
    // copied them elsewhere).
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        it->access.fill(QLatin1Char('\0'));
        it->refresh.fill(QLatin1Char('\0'));
    }
}

void MemoryTokenStore::load(const QString &origin, ReadCallback done)
{
    const QString key = canonicalOrigin(origin);
    Result result;
    TokenPair tokens;
    if (key.isEmpty()) {
        result = invalidOrigin(origin);
    } else {
        tokens = m_tokens.value(key);
        if (tokens.isEmpty())
            result = {Status::NotFound, tr("Not signed in to %1.").arg(key)};
    }
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done), result, tokens] {
            if (done)
                done(result, tokens);
        },
        Qt::QueuedConnection);
}

void MemoryTokenStore::save(const QString &origin, const TokenPair &tokens, WriteCallback done)
{
    const QString key = canonicalOrigin(origin);
    Result result;
    if (key.isEmpty())
        result = invalidOrigin(origin);
    else if (!hasTokenSyntax(tokens))
        result = invalidTokens();
    else if (tokens.isEmpty())
        m_tokens.remove(key);
    else
        m_tokens.insert(key, tokens);
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done), result] {
            if (done)
                done(result);
        },
        Qt::QueuedConnection);
}

void MemoryTokenStore::remove(const QString &origin, WriteCallback done)
{
    const QString key = canonicalOrigin(origin);
    Result result;
    if (key.isEmpty())
        result = invalidOrigin(origin);
    else
        m_tokens.remove(key);
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done), result] {
            if (done)
                done(result);
        },
        Qt::QueuedConnection);
}
