#pragma once

#include <QDateTime>
#include <QString>

// One server's sign-in as a front end shows it. The account panel, the banners and the buttons
// all derive from this one value (ServerContext::signInState()), so none of them can say
// "signed in" while another says "sign in again".
struct SignInState
{
    enum class Kind
    {
        NotSignedIn,
        Checking,            // the keychain or the server is being asked
        SignedIn,            // as `name`
        Rejected,            // the server refused the token: sign in again
        KeychainLocked,      // unlock it, then Retry
        KeychainUnavailable, // `message` says why; a session-only sign-in is possible
    };

    Kind kind = Kind::NotSignedIn;
    QString name;                        // whom the server says is signed in, else who was last
    bool unanswered = false;             // the server could not be asked: `name` is who was last
    bool registrationIncomplete = false; // a new account, or one that has not finished registering
    QDateTime expiry;                    // of the access token, from its claims, when stated
    bool fixedToken = false;             // ALLMINE_TOKEN, never stored
    bool sessionOnly = false;            // kept in memory until the app quits
    QString message;                     // why the keychain cannot be used

    bool canSignIn() const { return !fixedToken && (kind == Kind::NotSignedIn || kind == Kind::Rejected); }
    bool canSignOut() const { return !fixedToken && (kind == Kind::SignedIn || kind == Kind::Rejected); }
};
