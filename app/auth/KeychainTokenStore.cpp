#include "auth/KeychainTokenStore.h"

#include "auth/KeychainLockProbe.h"
#include "log/LogCategories.h"

#include <QMetaObject>

#include <memory>

#ifndef ALLMINE_APP_ID
#error "ALLMINE_APP_ID must be defined (see CMakeLists.txt)"
#endif

namespace {

bool isNotFound(QKeychain::Error e)
{
    return e == QKeychain::EntryNotFound;
}

// libsecret reports "no Secret Service on this bus" and "no bus at all" as generic D-Bus/GIO
// errors, which QtKeychain passes on as OtherError. Recognize them so the user gets the right
// advice (start a keychain service) instead of a bare error text.
bool looksLikeNoService(const QString &message)
{
    static const char *const hints[] = {
        "org.freedesktop.secrets",    // "The name org.freedesktop.secrets was not provided..."
        "ServiceUnknown",             // org.freedesktop.DBus.Error.ServiceUnknown
        "not activatable",            // "The name ... is not activatable"
        "Cannot autolaunch D-Bus",    // no session bus and no X11 to autolaunch one
        "Could not connect",          // bus socket missing
        "DBUS_SESSION_BUS_ADDRESS",   // "... without DBUS_SESSION_BUS_ADDRESS"
        "Cannot spawn a message bus", //
        "dbus-launch",                // no session bus, and GLib's autolaunch helper is not installed
        "No keyring daemon",          // QtKeychain's gnome-keyring backend
        "D-Bus is not running",       // QtKeychain's KWallet backend
    };
    for (const char *hint : hints) {
        if (message.contains(QLatin1String(hint), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : KeychainTokenStore(QStringLiteral(ALLMINE_APP_ID), parent)
{
}

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : TokenStore(parent), m_service(service)
{
}

// Running jobs are not children of the store: QtKeychain's backends call back into a job that
// must still exist, so a job always lives until it finishes (auto-delete). Their connections to
// this store end with it, so no callback runs after the store is gone.
KeychainTokenStore::~KeychainTokenStore() = default;

QString KeychainTokenStore::accessKey(const QString &canonicalOrigin)
{
    return canonicalOrigin + QLatin1String("/access");
}

QString KeychainTokenStore::refreshKey(const QString &canonicalOrigin)
{
    return canonicalOrigin + QLatin1String("/refresh");
}

TokenStore::Result KeychainTokenStore::resultFor(QKeychain::Error error, const QString &backendMessage,
                                                 const QString &origin)
{
    const QString tryAgainOrSession =
        tr("Try again, or use a session-only token (kept until the app quits).");
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return {Status::NotFound, origin.isEmpty() ? tr("Not signed in: no sign-in is saved for this server.")
                                                   : tr("Not signed in to %1.").arg(origin)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        break; // below, with OtherError that turns out to mean the same
    case QKeychain::AccessDeniedByUser:
        return {Status::Locked, tr("The keychain stayed locked because unlocking it was cancelled. Unlock it "
                                   "when asked and try again, or use a session-only token.")};
    case QKeychain::AccessDenied:
        // libsecret reports a locked collection (that could not be unlocked) this way.
        if (backendMessage.contains(QLatin1String("lock"), Qt::CaseInsensitive))
            return lockedResult();
        return {Status::AccessDenied, tr("The keychain refused access to Allmine Settings. Allow it in your "
                                         "password manager and try again, or use a session-only token.")};
    case QKeychain::CouldNotDeleteEntry:
        return {Status::Failed,
                tr("The keychain could not delete the saved sign-in (%1). Try again, or delete the \"%2\" "
                   "entries in your password manager.")
                    .arg(backendMessage, QStringLiteral(ALLMINE_APP_ID))};
    case QKeychain::OtherError:
        // libsecret: "Object does not exist at path /org/freedesktop/secrets/collection/login",
        // when there is no default keyring and creating one needed a prompt that could not be shown.
        if (backendMessage.contains(QLatin1String("/org/freedesktop/secrets/collection/")))
            return {Status::Failed,
                    tr("The keychain has no default keyring to save into, and could not create "
                       "one. Create or unlock the \"login\" keyring in your password manager "
                       "(for example Seahorse) and try again, or use a session-only token.")};
        if (!looksLikeNoService(backendMessage))
            return {Status::Failed, tr("The keychain reported an error: %1. %2")
                                        .arg(backendMessage.isEmpty() ? tr("no details") : backendMessage,
                                             tryAgainOrSession)};
        break;
    }
    return {Status::NoBackend,
            tr("No keychain service is running (Secret Service / GNOME Keyring / KWallet). "
               "Start one or use a session-only token.")};
}

TokenStore::Result KeychainTokenStore::lockedResult()
{
    return {Status::Locked, tr("The keychain is locked. Unlock it (for example in your password manager, "
                               "or by logging in again) and try again, or use a session-only token.")};
}

TokenStore::Result KeychainTokenStore::lockedRemoveResult(const QString &origin)
{
    return {Status::Locked,
            tr("The keychain is locked, so the sign-in saved for %1 could not be deleted. Unlock it (for "
               "example in your password manager, or by logging in again) and try again.")
                .arg(origin)};
}

void KeychainTokenStore::startJob(QKeychain::Job *job, JobDone done)
{
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    qCDebug(lcKeychain).noquote() << job->metaObject()->className() << job->key();
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        // The entry's name and the outcome; never the value.
        qCDebug(lcKeychain).noquote()
            << finished->metaObject()->className() << finished->key() << "finished: error"
            << int(finished->error()) << finished->errorString();
        QString value;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
            value = read->textData();
        done(finished->error(), finished->errorString(), value);
    });
    job->start();
}

void KeychainTokenStore::readEntry(const QString &key, JobDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    startJob(job, std::move(done));
}

void KeychainTokenStore::writeEntry(const QString &key, const QString &value, JobDone done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(value);
    startJob(job, std::move(done));
}

void KeychainTokenStore::deleteEntry(const QString &key, JobDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    startJob(job, std::move(done));
}

void KeychainTokenStore::load(const QString &origin, ReadCallback done)
{
    auto finish = [done = std::move(done)](const Result &result, const TokenPair &tokens) {
        if (done)
            done(result, result.ok() ? tokens : TokenPair{});
    };
    const QString key = canonicalOrigin(origin);
    if (key.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [finish, origin] { finish(invalidOrigin(origin), {}); }, Qt::QueuedConnection);
        return;
    }
    readEntry(accessKey(key), [this, key, finish](QKeychain::Error error, const QString &message,
                                                  const QString &access) {
        if (error != QKeychain::NoError && !isNotFound(error))
            return finish(resultFor(error, message, key), {});
        readEntry(refreshKey(key), [this, key, finish, access](QKeychain::Error error, const QString &message,
                                                               const QString &refresh) {
            if (error != QKeychain::NoError && !isNotFound(error))
                return finish(resultFor(error, message, key), {});
            const TokenPair tokens{access, refresh};
            if (!tokens.isEmpty())
                return finish({}, tokens);
            // Nothing found: either nothing is stored, or the collection is locked and could not
            // be unlocked (libsecret then answers "no such item" too).
            KeychainLockProbe::ask(this, [key, finish](KeychainLockProbe::Answer answer) {
                finish(answer == KeychainLockProbe::Answer::Locked
                           ? lockedResult()
                           : resultFor(QKeychain::EntryNotFound, {}, key),
                       {});
            });
        });
    });
}

void KeychainTokenStore::save(const QString &origin, const TokenPair &tokens, WriteCallback done)
{
    auto finish = [done = std::move(done)](const Result &result) {
        if (done)
            done(result);
    };
    const QString key = canonicalOrigin(origin);
    if (key.isEmpty() || !hasTokenSyntax(tokens)) {
        const Result refused = key.isEmpty() ? invalidOrigin(origin) : invalidTokens();
        QMetaObject::invokeMethod(
            this, [finish, refused] { finish(refused); }, Qt::QueuedConnection);
        return;
    }

    // Writes `value` under `entry`, or deletes the entry when `value` is empty.
    auto put = [this](const QString &entry, const QString &value, JobDone next) {
        if (value.isEmpty())
            deleteEntry(entry, std::move(next));
        else
            writeEntry(entry, value, std::move(next));
    };
    // Refresh first: after a rotation the new refresh token must be safe before anything else
    // changes; if writing it fails, the stored pair is left as it was.
    put(refreshKey(key), tokens.refresh,
        [this, put, key, access = tokens.access, deletesOnly = tokens.isEmpty(),
         finish](QKeychain::Error error, const QString &message, const QString &) {
            if (error != QKeychain::NoError && !isNotFound(error))
                return finish(resultFor(error, message, key));
            put(accessKey(key), access,
                [this, key, finish, deletesOnly](QKeychain::Error error, const QString &message,
                                                 const QString &) {
                    if (error != QKeychain::NoError && !isNotFound(error))
                        return finish(resultFor(error, message, key));
                    if (!deletesOnly)
                        return finish({}); // a write succeeded, so the collection was unlocked
                    // Deleting from a locked collection deletes nothing and reports no error:
                    // only a deletion in an unlocked one is a success.
                    KeychainLockProbe::ask(this, [key, finish](KeychainLockProbe::Answer answer) {
                        finish(answer == KeychainLockProbe::Answer::Locked ? lockedRemoveResult(key)
                                                                           : Result{});
                    });
                });
        });
}

void KeychainTokenStore::remove(const QString &origin, WriteCallback done)
{
    save(origin, TokenPair{}, std::move(done));
}
