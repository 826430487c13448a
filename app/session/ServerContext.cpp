#include "ServerContext.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/FixedTokenAuthenticator.h"
#include "api/SettingsSession.h"
#include "auth/AccountNames.h"
#include "auth/AccountSession.h"
#include "auth/JwtInspector.h"
#include "settings/DraftStore.h"

#include <utility>

ServerContext::ServerContext(const ServerProfile &server, TokenStore *store, const QString &fixedToken,
                             QObject *parent)
    : QObject(parent), m_server(server), m_fixedToken(fixedToken),
      m_fixedInfo(JwtInspector::inspect(JwtInspector::normalize(fixedToken))),
      m_client(new ApiClient(server, this)), m_session(new SettingsSession(m_client, this))
{
    if (usesFixedToken()) {
        m_fixedAuth = new FixedTokenAuthenticator(server.origin(), fixedToken, this);
        m_client->setAuthenticator(m_fixedAuth);
    } else {
        createAccount(store);
    }
    connect(m_session, &SettingsSession::loaded, this, &ServerContext::onLoaded);
    connect(m_session, &SettingsSession::applied, this, [this] { m_lastError = {}; });
    connect(m_session, &SettingsSession::failed, this, [this](const ApiError &error, bool whileApplying) {
        m_lastError = error;
        noteAuthFailure(error);
        Q_EMIT failed(error, whileApplying);
        settle();
    });
    // Drafts are written shortly after the last edit, off the Apply path: the file write (with
    // fsync) would otherwise sit between the click and the request.
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(200);
    connect(&m_draftTimer, &QTimer::timeout, this, &ServerContext::writeDraft);
    connect(model(), &SettingsModel::changed, this, &ServerContext::saveDraft);
}

ServerContext::~ServerContext()
{
    m_session->cancel();
    flushDraft();
}

void ServerContext::flushDraft()
{
    if (m_draftTimer.isActive())
        writeDraft();
}

SettingsModel *ServerContext::model() const
{
    return m_session->model();
}

void ServerContext::createAccount(TokenStore *store)
{
    delete m_account;
    m_account = new AccountSession(m_client, store, this);
    m_client->setAuthenticator(m_account);
    m_wasSignedIn = false;
    connect(m_account, &AccountSession::signedOutUnexpectedly, this, &ServerContext::accountProblem);
    connect(m_account, &AccountSession::storeFailed, this, &ServerContext::accountProblem);
    connect(m_account, &AccountSession::signedIn, this, [this] {
        m_verdict.reset(); // the server is asked about the new sign-in
        if (!m_checking)
            checkToken();
        Q_EMIT signedIn();
        Q_EMIT accountChanged();
    });
    connect(m_account, &AccountSession::stateChanged, this, [this] {
        // A renewal keeps the sign-in; a sign-in from the keychain or of another account is asked about.
        const QString subject = m_account->accessInfo().subject;
        const bool fresh = m_account->isSignedIn() && (!m_wasSignedIn || subject != m_signedInSubject);
        m_wasSignedIn = m_account->isSignedIn();
        m_signedInSubject = subject;
        if (fresh || !m_wasSignedIn) {
            m_verdict.reset();
            m_checking = false;
            ++m_checkNumber;
        }
        if (fresh)
            checkToken();
        Q_EMIT accountChanged();
        followAccountChange();
        if (fresh)
            reload();
        else
            loadIfReady();
        if (m_account->state() != AccountSession::State::SignedIn &&
            m_account->state() != AccountSession::State::Unknown)
            settle();
    });
}

void ServerContext::setLanguage(const QString &code)
{
    m_client->setLanguage(code);
}

void ServerContext::setTokenStore(TokenStore *store)
{
    if (usesFixedToken())
        return;
    createAccount(store);
    m_account->load();
    Q_EMIT accountChanged();
}

bool ServerContext::hasToken() const
{
    return usesFixedToken() || (m_account && m_account->isSignedIn());
}

JwtInfo ServerContext::tokenInfo() const
{
    if (usesFixedToken())
        return m_fixedInfo;
    return m_account ? m_account->accessInfo() : JwtInfo{};
}

QString ServerContext::subject() const
{
    return tokenInfo().subject;
}

void ServerContext::activate()
{
    if (m_active)
        return; // the window starts its first server before it is built, then activates it
    m_active = true;
    if (!m_server.hasUrl())
        return settle();
    if (m_account && m_account->state() == AccountSession::State::Unknown)
        m_account->load(); // loadIfReady() and checkToken() follow from stateChanged
    else
        reload(); // shown again: what the server holds may have moved on meanwhile
    if (!m_verdict && !m_checking)
        checkToken();
}

void ServerContext::reload()
{
    if (!m_active || !hasToken())
        return;
    if (!model()->isLoaded() || m_stale)
        loadIfReady();
    else
        m_session->reload();
}

void ServerContext::updateMarks(const ServerProfile &profile)
{
    m_server.sharesProductionOrigin = profile.sharesProductionOrigin;
    m_server.confirmChanges = profile.confirmChanges;
    m_client->setMarks(profile.sharesProductionOrigin, profile.confirmChanges);
}

void ServerContext::checkToken()
{
    if (!m_active || !hasToken() || !m_server.hasUrl())
        return;
    m_checking = true;
    const quint64 number = ++m_checkNumber;
    ApiCall *call = TokenCheck::start(m_client);
    connect(call, &ApiCall::finished, this, [this, number](const ApiResult &result) {
        if (number == m_checkNumber)
            onChecked(TokenCheck::read(result));
    });
}

void ServerContext::onChecked(const TokenCheck::Answer &answer)
{
    m_checking = false;
    m_verdict = answer.verdict;
    if (answer.verdict == TokenCheck::Verdict::Accepted) {
        m_checkedName = answer.name;
        m_registrationIncomplete = answer.registrationIncomplete;
        AccountNames::save(m_server.origin(), subject(), answer.name); // shown while the next check runs
    }
    Q_EMIT accountChanged();
}

void ServerContext::noteAuthFailure(const ApiError &error)
{
    // A refused renewal signs out (AccountSession); a token that cannot be renewed is refused here.
    if (!hasToken() || error.kind != ApiError::Kind::Http || error.httpStatus != 401)
        return;
    ++m_checkNumber;
    m_checking = false;
    m_verdict = TokenCheck::Verdict::Rejected;
    Q_EMIT accountChanged();
}

SignInState ServerContext::signInState() const
{
    using Kind = SignInState::Kind;
    SignInState state;
    state.fixedToken = usesFixedToken();
    if (!usesFixedToken()) {
        if (!m_account || m_account->state() == AccountSession::State::Unknown) {
            state.kind = Kind::Checking;
            return state;
        }
        state.sessionOnly = m_account->store()->isSessionOnly();
        state.message = m_account->stateMessage();
        if (m_account->state() == AccountSession::State::KeychainUnavailable) {
            state.kind = m_account->keychainStatus() == TokenStore::Status::Locked && !state.sessionOnly
                             ? Kind::KeychainLocked
                             : Kind::KeychainUnavailable;
            return state;
        }
        if (!m_account->isSignedIn())
            return state; // NotSignedIn
    }
    const JwtInfo token = tokenInfo();
    const QString who = token.subject;
    state.expiry = token.expiry;
    if (m_verdict == TokenCheck::Verdict::Rejected) {
        state.kind = Kind::Rejected;
        return state;
    }
    if (!m_verdict && m_checking) {
        state.kind = Kind::Checking;
        return state;
    }
    state.kind = Kind::SignedIn;
    state.unanswered = m_verdict == TokenCheck::Verdict::Unanswered;
    const bool accepted = m_verdict == TokenCheck::Verdict::Accepted;
    state.name = accepted ? m_checkedName : QString();
    if (state.name.isEmpty())
        state.name = AccountNames::load(m_server.origin(), who);
    if (state.name.isEmpty())
        state.name = who; // a fallback: the server named nobody
    state.registrationIncomplete = accepted && m_registrationIncomplete;
    return state;
}

void ServerContext::deactivate()
{
    m_active = false;
    m_session->cancel();
}

void ServerContext::loadIfReady()
{
    if (m_active && hasToken() && (!model()->isLoaded() || m_stale) && !m_session->isLoading()) {
        m_stale = false;
        m_session->load();
    }
}

// Another account signed in on this server: what is shown and edited was the previous
// account's. Its unsent edits are kept as that account's draft, and this account's settings load.
void ServerContext::followAccountChange()
{
    if (!m_account || !m_account->isSignedIn() || !model()->isLoaded() || subject() == m_loadedSubject)
        return;
    m_session->cancel(); // a PATCH on the wire comes back into edits first
    QJsonObject unsent = model()->edits();
    DraftStore::save(m_server.origin(), m_loadedSubject, unsent);
    model()->revertAll();
    m_draftTimer.stop();
    m_draftResolved = false;
    m_draftOffer = {};
    m_draftWritten = {};
    m_stale = true; // loaded now if this server is shown, else when it is shown again
}

void ServerContext::onLoaded()
{
    m_lastError = {};
    if (m_verdict == TokenCheck::Verdict::Rejected) { // the token works after all
        m_verdict = TokenCheck::Verdict::Accepted;
        Q_EMIT accountChanged();
    }
    m_loadedSubject = subject();
    model()->restoreEdits(std::exchange(m_carried, {}));
    if (!m_draftResolved) {
        // Offer only what still differs from the server.
        const QJsonObject saved = DraftStore::load(m_server.origin(), subject());
        m_draftWritten = saved;
        for (auto it = saved.constBegin(); it != saved.constEnd(); ++it) {
            if (model()->confirmedValue(it.key()) != it.value())
                m_draftOffer.insert(it.key(), it.value());
        }
        if (m_draftOffer.isEmpty())
            m_draftResolved = true;
        else
            Q_EMIT draftOffered(int(m_draftOffer.size()));
    }
    settle();
}

void ServerContext::takeDraft()
{
    model()->restoreEdits(m_draftOffer);
    dropDraft();
}

void ServerContext::dropDraft()
{
    m_draftOffer = {};
    m_draftResolved = true;
    writeDraft();
}

// Edits and the PATCH on the wire, so a crash mid-Apply loses nothing.
void ServerContext::saveDraft()
{
    if (model()->isLoaded())
        m_draftTimer.start();
}

void ServerContext::writeDraft()
{
    m_draftTimer.stop();
    if (!model()->isLoaded())
        return;
    // While an older draft is still on offer it stays in the file, with newer edits on top:
    // neither the old nor the new changes are lost, whatever the user answers (or not).
    QJsonObject unsent = m_draftResolved ? QJsonObject() : m_draftOffer;
    for (const QJsonObject &layer : {model()->inFlight(), model()->edits()}) {
        for (auto it = layer.constBegin(); it != layer.constEnd(); ++it)
            unsent.insert(it.key(), it.value());
    }
    // Starting an Apply moves edits onto the wire without changing what is unsent.
    if (unsent == m_draftWritten)
        return;
    DraftStore::save(m_server.origin(), subject(), unsent);
    m_draftWritten = unsent;
}

void ServerContext::settle()
{
    if (m_settled)
        return;
    m_settled = true;
    Q_EMIT settled();
}
