#pragma once

#include "api/ApiError.h"
#include "api/RequestRecord.h"
#include "servers/ServerProfile.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class ServerContext;
class ServerRegistry;
class TokenStore;

// One ServerContext per server this run has used, by server name, and the active one (the one a
// front end shows). It decides which server ALLMINE_TOKEN belongs to and which sessions survive an
// edit of the servers, and it re-emits the active context's signals only: a front end connects
// here once and never hears another server's news.
class ServerSessions : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString startServer;      // empty: the registry's active one; unknown: Development
        QUrl baseUrl;             // this run's address for the start server, never stored
        QString fixedToken;       // ALLMINE_TOKEN: for the start server at its start address only
        TokenStore *tokenStore{}; // null: the OS keychain, opened when a server first needs it
    };

    explicit ServerSessions(const Options &options, QObject *parent = nullptr);
    ~ServerSessions() override;

    QString startServer() const { return m_startServer; }
    ServerContext *active() const { return m_active; }
    // The context of `name`, built on first use.
    ServerContext *context(const QString &name);
    // The context of `name` if it was built; null otherwise.
    ServerContext *find(const QString &name) const;
    // The registry's servers as this run uses them (the start server at its --base-url).
    QList<ServerProfile> servers(const ServerRegistry &registry) const;

    // Shows `name` from now on: the previous active context stops its calls (a PATCH on the wire
    // goes back into its edits, late answers are dropped), and `name` is remembered for the next
    // start. activeChanged() comes before the context starts loading.
    ServerContext *activate(const QString &name);
    // After the servers were edited: a server removed, or whose address or CA changed, loses its
    // context, so no token follows an edited address; its unsent edits go to the new context.
    // When that was the active one, its new context (or Development's) becomes active.
    void reconcile(const ServerRegistry &registry);
    // The UI language, sent as X-Language by every server's client.
    void setLanguage(const QString &code);
    // Tokens are kept in memory only, from now on, on every server (the keychain cannot be used).
    void useSessionOnlyStore();
    // Writes waiting drafts, and waits up to `timeoutMs` until the token store has every token
    // written or deleted: after this, there is nothing left to keep.
    void finishPendingWrites(int timeoutMs = 5000);

Q_SIGNALS:
    void activeChanged(ServerContext *context);
    // Re-emitted from the active context only:
    void changed(); // its edits, its busy state or its account
    void applied(const QStringList &keys);
    void failed(const ApiError &error, bool whileApplying);
    void conflictReloaded(const ApiError &error);
    void accountProblem(const QString &message);
    void draftOffered(int count);
    void settled();
    // From every context, active or not: what the request log lists.
    void exchanged(const ServerProfile &server, const RequestRecord &record);

private:
    ServerProfile profileFor(const QString &name, const ServerRegistry &registry) const;
    bool addressOverridden(const QString &name) const;
    TokenStore *tokenStore();
    // Re-emits `context`'s signals (and no other's) from now on.
    void follow(ServerContext *context);

    Options m_options;
    QString m_startServer;
    QString m_fixedTokenOrigin; // the only origin ALLMINE_TOKEN is sent to
    QString m_language;
    TokenStore *m_store;
    QHash<QString, ServerContext *> m_contexts;
    QHash<QString, QJsonObject> m_carriedEdits; // of a server whose address changed, until rebuilt
    QPointer<ServerContext> m_active;
    QList<QMetaObject::Connection> m_following;
};
