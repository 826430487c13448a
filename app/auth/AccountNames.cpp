#include "auth/AccountNames.h"

#include "api/ServerText.h"

#include "servers/AppSettings.h"

namespace {
QString keyFor(const QString &origin, const QString &subject)
{
    return AppSettings::accountKey(QStringLiteral("accounts"), origin, subject);
}
} // namespace

QString AccountNames::load(const QString &origin, const QString &subject)
{
    return subject.isEmpty() ? QString() : AppSettings::open()->value(keyFor(origin, subject)).toString();
}

void AccountNames::save(const QString &origin, const QString &subject, const QString &name)
{
    if (subject.isEmpty() || name.isEmpty())
        return;
    AppSettings::store(keyFor(origin, subject), name);
}

QString AccountNames::fromUser(const QJsonObject &user)
{
    // Shown in the terminal and the window: the server's text, made safe to show.
    const QString email = ServerText::line(user.value(QStringLiteral("email")).toString());
    if (!email.isEmpty())
        return email;
    const QString phone = ServerText::line(user.value(QStringLiteral("phoneNumber")).toString());
    // The server writes the country code as "90" or "+90" (send-otp's answer): one "+" either way.
    QString country = ServerText::line(user.value(QStringLiteral("countryCode")).toString());
    while (country.startsWith(QLatin1Char('+')))
        country.remove(0, 1);
    return phone.isEmpty() ? QString() : QStringLiteral("+%1 %2").arg(country, phone).trimmed();
}
