#pragma once

#include <QObject>
#include <functional>

// Asks the Secret Service (over the session D-Bus) whether its default collection, where
// QtKeychain keeps entries, is locked. QtKeychain answers "not found" both for an entry that
// does not exist and for one in a locked collection it could not unlock; this tells them apart.
// Asynchronous: never blocks the thread it runs on.
class KeychainLockProbe
{
public:
    enum class Answer
    {
        Unlocked,
        Locked,
        Unknown // no Secret Service on the bus, no default collection, or not a D-Bus platform
    };
    using Callback = std::function<void(Answer)>;

    // Runs `done` once, queued on `context`'s thread; never if `context` is destroyed first.
    static void ask(QObject *context, Callback done);
};
