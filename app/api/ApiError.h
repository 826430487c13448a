#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Every way a request can fail, in one type the window and the command line both explain.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind
    {
        None,
        Network,     // could not connect, connection dropped
        Tls,         // certificate or handshake refused
        Timeout,     // no full answer within the time limit
        Http,        // the server answered with an error status
        Malformed,   // the answer is not the JSON we expect
        TooLarge,    // the answer exceeds the size cap
        Redirect,    // the server sent us to another origin; not followed
        NotSignedIn, // no token for this server
        Cancelled    // the user or the app stopped it
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QStringList serverMessages; // the server's errors[], in its words (cleaned by ServerText)
    QString detail;             // technical detail (network error text, redirect target...)
    int retryAfterSeconds = -1; // from Retry-After on 429/503, when given
    bool maybeApplied = false;  // a POST cut off after it was sent: the server may have handled it

    bool isError() const { return kind != Kind::None; }
    bool isAuthFailure() const { return kind == Kind::NotSignedIn || httpStatus == 401 || httpStatus == 403; }
    // Whether the same request may succeed if sent again: network errors, timeouts, an answer
    // that could not be read, 5xx and 429 (not a refusal, nor an oversized answer).
    bool isRetryable() const;
    // One paragraph for people: the server's own messages first (each its own sentence), then
    // what the app concludes and what to do. `refusedAdvice`, when given, is what to do about a
    // 401 instead of signing in again (a token that no sign-in replaces, such as ALLMINE_TOKEN).
    QString message(const QString &refusedAdvice = {}) const;
    // The server's errors[], cleaned by ServerText, each ended as a sentence, joined by spaces.
    QString serverSentences() const;
    // `text` trimmed and ended with a full stop unless it already ends as a sentence does.
    static QString sentence(const QString &text);

    static ApiError http(int status, const QStringList &messages, const QString &detail = {});
    static ApiError of(Kind kind, const QString &detail = {});
};
Q_DECLARE_METATYPE(ApiError)
