#include "api/ApiError.h"

#include "api/ServerText.h"

#include <QCoreApplication>

namespace {
QString statusAdvice(int status)
{
    switch (status) {
    case 400:
        return ApiError::tr("The server refused the change as invalid.");
    case 401:
        return ApiError::tr("Your sign-in is no longer valid. Sign in again.");
    case 403:
        return ApiError::tr("This account may not do that.");
    case 404:
    case 409: // what these mean here is not documented: no cause is guessed
        return ApiError::tr("Reload the settings and try again.");
    case 429:
        return ApiError::tr("The server is busy with too many requests. Try again shortly.");
    default:
        break;
    }
    if (status >= 500)
        return ApiError::tr("The server had a problem. Try again in a moment.");
    return ApiError::tr("The server refused the request.");
}
} // namespace

ApiError ApiError::http(int status, const QStringList &messages, const QString &detail)
{
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = status;
    error.serverMessages = messages;
    error.detail = detail;
    return error;
}

ApiError ApiError::of(Kind kind, const QString &detail)
{
    ApiError error;
    error.kind = kind;
    error.detail = detail;
    return error;
}

bool ApiError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Malformed: // a cut or garbled answer may come whole the next time
        return true;
    case Kind::Http:
        return httpStatus == 429 || httpStatus >= 500;
    default:
        return false;
    }
}

QString ApiError::sentence(const QString &text)
{
    static const QString kEnds = QStringLiteral(".!?…");
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || kEnds.contains(trimmed.back()))
        return trimmed;
    return trimmed + QLatin1Char('.');
}

QString ApiError::serverSentences() const
{
    // Whatever built this error, the server's words reach people without control characters.
    QStringList shown;
    for (const QString &line : serverMessages) {
        const QString cleaned = sentence(ServerText::line(line));
        if (!cleaned.isEmpty())
            shown << cleaned;
    }
    return shown.join(QLatin1Char(' '));
}

QString ApiError::message(const QString &refusedAdvice) const
{
    const QString shownDetail = ServerText::line(detail);
    QString text;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        text = maybeApplied ? tr("The connection broke after the request was sent. The server may have "
                                 "handled it, so it was not sent again.")
                            : tr("Could not reach the server. Check the connection and the server address, "
                                 "then try again.");
        break;
    case Kind::Tls:
        text = tr("The server's certificate was not accepted, so nothing was sent. If this is a private "
                  "Development server, name its CA certificate in the server settings.");
        break;
    case Kind::Timeout:
        text = tr("The server did not answer in time. Try again, or raise the time limit.");
        break;
    case Kind::Http: {
        const QString fromServer = serverSentences();
        text = tr("The server answered %1.").arg(httpStatus);
        if (fromServer.isEmpty() && !shownDetail.isEmpty())
            text.insert(text.size() - 1, QStringLiteral(" (%1)").arg(shownDetail));
        if (!fromServer.isEmpty())
            text = fromServer + QLatin1Char(' ') + text;
        text += QLatin1Char(' ') +
                (httpStatus == 401 && !refusedAdvice.isEmpty() ? refusedAdvice : statusAdvice(httpStatus));
        if (retryAfterSeconds >= 0)
            text += QLatin1Char(' ') + tr("It asked to wait %n second(s).", nullptr, retryAfterSeconds);
        break;
    }
    case Kind::Malformed:
        text = tr(
            "The server's answer could not be read. Try again; if it persists, the server is misbehaving.");
        break;
    case Kind::TooLarge:
        text = tr("The server's answer was far too large and was not read. The server is misbehaving.");
        break;
    case Kind::Redirect:
        text = tr("The server redirected to another address, which was not followed so your sign-in stays "
                  "private. Check the server address.");
        break;
    case Kind::NotSignedIn:
        text = tr("You are not signed in to this server. Sign in first.");
        break;
    case Kind::Cancelled:
        text = tr("The request was cancelled.");
        break;
    }
    if (!shownDetail.isEmpty() && kind != Kind::Http)
        text += QStringLiteral(" (%1)").arg(shownDetail);
    return text;
}
