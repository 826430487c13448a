#pragma once

#include "auth/TokenStore.h"

#include <qt6keychain/keychain.h>

// Keeps tokens in the operating system's keychain through QtKeychain (Secret Service / GNOME
// Keyring / KWallet on Linux, Keychain on macOS, Credential Manager on Windows).
// Service = the app id (ALLMINE_APP_ID); key = canonical origin + "/access" or "/refresh".
// Never falls back to an unencrypted file: when the keychain cannot be used the caller gets a
// Result saying so (NoBackend, Locked, ...) and may switch to a MemoryTokenStore.
class KeychainTokenStore : public TokenStore
{
    Q_OBJECT
public:
    explicit KeychainTokenStore(QObject *parent = nullptr);
    // `service` replaces the app id, e.g. so that tests keep their entries apart.
    explicit KeychainTokenStore(const QString &service, QObject *parent = nullptr);
    ~KeychainTokenStore() override;

    QString service() const { return m_service; }

    void load(const QString &origin, ReadCallback done) override;
    void save(const QString &origin, const TokenPair &tokens, WriteCallback done) override;
    void remove(const QString &origin, WriteCallback done) override;
    bool isSessionOnly() const override { return false; }

    // The keychain entry names of an origin's tokens ("https://host:443/access").
    static QString accessKey(const QString &canonicalOrigin);
    static QString refreshKey(const QString &canonicalOrigin);

    // Maps a QtKeychain outcome to a status and a sentence for the user saying what happened
    // and what to do. `backendMessage` is the job's errorString() (never contains a token);
    // `origin` names the server in the NotFound message.
    static Result resultFor(QKeychain::Error error, const QString &backendMessage,
                            const QString &origin = {});

    // The keychain is locked: what to do (when reading or writing), or that a sign-out could not
    // delete the saved sign-in of `origin`.
    static Result lockedResult();
    static Result lockedRemoveResult(const QString &origin);

private:
    using JobDone = std::function<void(QKeychain::Error, const QString &errorString, const QString &value)>;
    void readEntry(const QString &key, JobDone done);
    void writeEntry(const QString &key, const QString &value, JobDone done);
    void deleteEntry(const QString &key, JobDone done);
    void startJob(QKeychain::Job *job, JobDone done);

    QString m_service;
};
