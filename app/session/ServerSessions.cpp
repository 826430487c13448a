#include "ServerSessions.h"

#include "ServerContext.h"
#include "api/ApiClient.h"
#include "api/SettingsSession.h"
#include "auth/AccountSession.h"
#include "auth/KeychainTokenStore.h"
#include "auth/MemoryTokenStore.h"
#include "servers/HostAddresses.h"
#include "servers/ServerRegistry.h"
#include "settings/SettingsModel.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace {
const QString kFallback = QStringLiteral("dev"); // always in the registry
}

ServerSessions::ServerSessions(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_store(options.tokenStore)
{
    const ServerRegistry registry;
    const QString wanted = ServerRegistry::canonicalName(options.startServer.isEmpty() ? registry.activeName()
                                                                                       : options.startServer);
    m_startServer = registry.find(wanted) ? wanted : kFallback; // --base-url applies to it
    // ALLMINE_TOKEN belongs to the server the app was started on, at the address it had then:
    // never to another server, nor to this one after its address was edited.
    if (!m_options.fixedToken.isEmpty())
        m_fixedTokenOrigin = profileFor(m_startServer, registry).origin();
    resolveHosts();
}

ServerSessions::~ServerSessions()
{
    // Contexts before the store they use; nothing is re-emitted while they go.
    follow(nullptr);
    qDeleteAll(m_contexts);
}

ServerContext *ServerSessions::find(const QString &name) const
{
    return m_contexts.value(ServerRegistry::canonicalName(name));
}

ServerContext *ServerSessions::context(const QString &name)
{
    const QString key = ServerRegistry::canonicalName(name);
    if (ServerContext *existing = m_contexts.value(key))
        return existing;
    const ServerProfile profile = profileFor(key, ServerRegistry());
    const bool fixed =
        !m_options.fixedToken.isEmpty() && key == m_startServer && profile.origin() == m_fixedTokenOrigin;
    auto *context = new ServerContext(profile, fixed ? nullptr : tokenStore(),
                                      fixed ? m_options.fixedToken : QString(), this);
    m_contexts.insert(key, context);
    if (!m_language.isEmpty())
        context->setLanguage(m_language);
    context->carryEdits(m_carriedEdits.take(key));
    connect(context->client(), &ApiClient::exchanged, this,
            [this, context](const RequestRecord &record) { Q_EMIT exchanged(context->server(), record); });
    return context;
}

QList<ServerProfile> ServerSessions::servers(const ServerRegistry &registry) const
{
    QList<ServerProfile> servers = registry.profiles();
    for (ServerProfile &profile : servers) {
        if (const ServerContext *context = m_contexts.value(profile.name))
            profile = context->server();
    }
    return servers;
}

ServerContext *ServerSessions::activate(const QString &name)
{
    ServerContext *next = context(name);
    if (next == m_active)
        return next;
    if (m_active)
        m_active->deactivate();
    m_active = next;
    ServerRegistry().setActiveName(ServerRegistry::canonicalName(name));
    follow(next);
    Q_EMIT activeChanged(next);
    next->activate();
    return next;
}

void ServerSessions::reconcile(const ServerRegistry &registry)
{
    const QString activeName = m_active ? m_contexts.key(m_active) : kFallback;
    for (auto it = m_contexts.begin(); it != m_contexts.end();) {
        ServerContext *context = it.value();
        const std::optional<ServerProfile> profile = registry.find(it.key());
        if (profile && (addressOverridden(it.key()) || (profile->baseUrl == context->server().baseUrl &&
                                                        profile->caFile == context->server().caFile))) {
            ++it;
            continue;
        }
        if (context == m_active) {
            follow(nullptr);
            m_active = nullptr;
        }
        context->session()->cancel(); // a PATCH on the wire comes back into edits
        if (profile && context->model()->hasPending())
            m_carriedEdits.insert(it.key(),
                                  context->model()->edits()); // the edits follow, the token does not
        delete context;
        it = m_contexts.erase(it);
    }
    if (!m_active)
        activate(registry.find(activeName) ? activeName : kFallback);
    updateMarks(); // Production's address or a server's confirmation may have changed
    resolveHosts();
}

void ServerSessions::resolveHosts()
{
    const ServerRegistry registry;
    QList<QUrl> urls;
    for (const ServerProfile &profile : registry.profiles())
        urls << profile.baseUrl;
    urls << m_options.baseUrl;
    for (const QUrl &url : qAsConst(urls)) {
        if (!url.host().isEmpty())
            HostAddresses::lookup(url.host(), this, [this] { updateMarks(); });
    }
}

void ServerSessions::updateMarks()
{
    const ServerRegistry registry;
    for (auto it = m_contexts.constBegin(); it != m_contexts.constEnd(); ++it) {
        ServerProfile profile = it.value()->server();
        registry.markProduction(profile);
        if (const auto stored = registry.find(it.key()))
            profile.confirmChanges = stored->confirmChanges;
        it.value()->updateMarks(profile);
    }
    Q_EMIT serversChanged();
}

void ServerSessions::setLanguage(const QString &code)
{
    m_language = code;
    for (ServerContext *context : qAsConst(m_contexts))
        context->setLanguage(code);
}

void ServerSessions::useSessionOnlyStore()
{
    if (m_store && m_store->isSessionOnly())
        return;
    m_store = new MemoryTokenStore(this);
    for (ServerContext *context : qAsConst(m_contexts))
        context->setTokenStore(m_store);
}

void ServerSessions::finishPendingWrites(int timeoutMs)
{
    // A refresh rotates the refresh token: quitting before the store has it would leave the
    // spent one behind and sign the user out at the next start.
    const auto saving = [this] {
        for (const ServerContext *context : qAsConst(m_contexts)) {
            if (context->account() && context->account()->isSaving())
                return true;
        }
        return false;
    };
    const QDeadlineTimer deadline(timeoutMs);
    while (saving() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    // Last, as the wait above may have brought in changes that wait to be kept as a draft.
    for (ServerContext *context : qAsConst(m_contexts))
        context->flushDraft();
}

ServerProfile ServerSessions::profileFor(const QString &name, const ServerRegistry &registry) const
{
    ServerProfile profile = registry.find(name).value_or(ServerProfile{});
    if (addressOverridden(name)) {
        profile.baseUrl = m_options.baseUrl;
        registry.markProduction(profile);
    }
    return profile;
}

bool ServerSessions::addressOverridden(const QString &name) const
{
    return name == m_startServer && !m_options.baseUrl.isEmpty();
}

TokenStore *ServerSessions::tokenStore()
{
    // Opened only when a server needs it, so a run with ALLMINE_TOKEN never touches the keychain.
    if (!m_store)
        m_store = new KeychainTokenStore(this);
    return m_store;
}

void ServerSessions::follow(ServerContext *context)
{
    for (const QMetaObject::Connection &connection : qAsConst(m_following))
        disconnect(connection);
    m_following.clear();
    if (!context)
        return;
    SettingsSession *session = context->session();
    m_following = {
        connect(context->model(), &SettingsModel::changed, this, &ServerSessions::changed),
        connect(session, &SettingsSession::busyChanged, this, &ServerSessions::changed),
        connect(context, &ServerContext::accountChanged, this, &ServerSessions::changed),
        connect(session, &SettingsSession::applied, this, &ServerSessions::applied),
        connect(context, &ServerContext::failed, this, &ServerSessions::failed),
        connect(session, &SettingsSession::conflictReloaded, this, &ServerSessions::conflictReloaded),
        connect(context, &ServerContext::accountProblem, this, &ServerSessions::accountProblem),
        connect(context, &ServerContext::draftOffered, this, &ServerSessions::draftOffered),
        connect(context, &ServerContext::settled, this, &ServerSessions::settled),
        connect(context, &ServerContext::signedIn, this, &ServerSessions::signedIn),
    };
}
