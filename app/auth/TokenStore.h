#pragma once

#include <QObject>
#include <QString>
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
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound,     // nothing stored for this origin: not signed in
        NoBackend,    // no keychain service can be reached (e.g. no Secret Service running)
        Locked,       // the keychain is locked or the user refused to unlock it
        AccessDenied, // the keychain refused this application
        Failed        // any other keychain error
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
};
