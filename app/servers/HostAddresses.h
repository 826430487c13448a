#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

// What host names resolve to, as far as this process has asked (QHostInfo), so two spellings of
// one server can be told apart from two servers without blocking the window: the window asks
// lookup() and compares with what is known(); the command line may wait (resolveNow()).
class HostAddresses
{
public:
    // The addresses `host` resolved to; nullopt when it was not resolved (yet, or at all).
    static std::optional<QList<QHostAddress>> known(const QString &host);
    // Resolves `host` unless it is known or an address already; `done` runs (in `context`'s
    // thread, unless it is gone) once the answer is known, only when something was asked.
    static void lookup(const QString &host, QObject *context, const std::function<void()> &done);
    // Resolves `host` and waits for the answer (the command line only).
    static void resolveNow(const QString &host);
    // Records an answer as a lookup would (and lets tests supply one without a resolver).
    static void remember(const QString &host, const QList<QHostAddress> &addresses);
    static void forgetAll();

private:
    static bool needsLookup(const QString &host);
};
