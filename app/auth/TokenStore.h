#pragma once

#include "auth/BearerToken.h"
#include "servers/ServerProfile.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

// The access and refresh token of one server origin.
struct TokenPair
{
    QString access;
    QString refresh;
    bool isEmpty() const { return access.isEmpty() && refresh.isEmpty(); }
};

// Where tokens are kept, keyed by server origin ("https://host:port"). A token stored for one
// origin is never handed out for another. Implementations are asynchronous because the OS
// keychain is.
//
// Contract shared by every implementation:
// - Each call's callback runs exactly once, on the store's thread, and never before the call
//   returns (always queued, even when the answer is known at once). If the store is destroyed
//   first, pending callbacks are dropped, never run.
// - Origins are compared in canonical form (see canonicalOrigin()): "https://A" and
//   "https://a:443/some/path" are the same origin; "https://a:8443" and "http://a" are not.
// - load(): Ok with at least one token, or NotFound when nothing is stored for the origin
//   (Locked, not NotFound, when the keychain is locked and nothing could be read).
//   A stored access token without a refresh token (or the other way round) is Ok.
// - save(): stores the pair as given; an empty member removes that token. The refresh token is
//   written first, so a rotated refresh token is kept before the old one is forgotten. A member
//   that is not a bearer token (BearerToken::isValid()) is refused (Failed) and nothing changes.
// - remove(): removes both tokens; nothing stored counts as success (Ok). A removal that could not
//   be done (a locked keychain) is never reported as success.
// - Token values are never logged.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Ok,
        NotFound,     // nothing stored for this origin: not signed in
        NoBackend,    // no keychain service can be reached (e.g. no Secret Service running)
        Locked,       // the keychain is locked or the user refused to unlock it
        AccessDenied, // the keychain refused this application
        Failed        // any other keychain error (or an origin that is not an http(s) URL)
    };
    Q_ENUM(Status)

    struct Result
    {
        Status status = Status::Ok;
        QString message; // plain words for the user; empty when Ok
        bool ok() const { return status == Status::Ok; }
    };
    using ReadCallback = std::function<void(const Result &, const TokenPair &)>;
    using WriteCallback = std::function<void(const Result &)>;

    using QObject::QObject;
    ~TokenStore() override = default;

    virtual void load(const QString &origin, ReadCallback done) = 0;
    virtual void save(const QString &origin, const TokenPair &tokens, WriteCallback done) = 0;
    virtual void remove(const QString &origin, WriteCallback done) = 0;
    // True when tokens only live in this process's memory (no keychain could be used).
    virtual bool isSessionOnly() const = 0;

    // "scheme://host:port" with scheme and host in lower case and the port always written out
    // (80/443 by default); path, query and user info dropped. Empty when `origin` is not an
    // http or https URL with a host.
    static QString canonicalOrigin(const QString &origin)
    {
        return ServerProfile::originOf(QUrl(origin.trimmed(), QUrl::StrictMode));
    }

    // True when each member is empty or a bearer token: what save() accepts.
    static bool hasTokenSyntax(const TokenPair &tokens)
    {
        return (tokens.access.isEmpty() || BearerToken::isValid(tokens.access)) &&
               (tokens.refresh.isEmpty() || BearerToken::isValid(tokens.refresh));
    }

    static Result invalidTokens()
    {
        return {Status::Failed, tr("That is not a token (a token holds only letters, digits and - . _ ~ + / "
                                   "=), so it was not saved.")};
    }

    static Result invalidOrigin(const QString &origin)
    {
        return {Status::Failed, tr("\"%1\" is not a valid server address (expected http:// or https:// and a "
                                   "host name), so no sign-in can be kept for it.")
                                    .arg(origin)};
    }
};
