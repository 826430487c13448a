#include "auth/BearerToken.h"

#include "auth/JwtInspector.h"

bool BearerToken::isValid(QStringView token)
{
    if (token.isEmpty() || token.size() > MaxLength)
        return false;
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char16_t c = token.at(i).unicode();
        const bool tokenChar = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                               (c >= u'0' && c <= u'9') || c == u'-' || c == u'.' || c == u'_' || c == u'~' ||
                               c == u'+' || c == u'/';
        if (!tokenChar)
            break;
    }
    if (i == 0) // at least one token character before any padding
        return false;
    for (; i < token.size(); ++i) {
        if (token.at(i) != QLatin1Char('='))
            return false;
    }
    return true;
}

QString BearerToken::environmentProblem(const QString &value)
{
    const QString token = JwtInspector::normalize(value);
    if (token.isEmpty())
        return tr("ALLMINE_TOKEN is empty.");
    if (token.size() > MaxLength)
        return tr("ALLMINE_TOKEN is too long to be a token (over %1 characters).").arg(MaxLength);
    if (isValid(token))
        return {};
    return tr("ALLMINE_TOKEN is not a bearer token: a token holds only letters, digits and - . _ ~ + / "
              "(and = at its end), and this one holds a space, a line break or another character. "
              "Copy the token alone and try again.");
}

QString BearerToken::storedProblem(const QString &serverTitle)
{
    return tr("The saved sign-in for %1 is damaged: a token holds characters no token can have, so it "
              "was not used. Sign in again.")
        .arg(serverTitle);
}
