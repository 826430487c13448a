#include "api/CurlCommand.h"

#include <QStringList>

QString CurlCommand::shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString CurlCommand::fromRecord(const RequestRecord &record)
{
    QStringList parts = {QStringLiteral("curl")};
    if (record.method != "GET")
        parts << QStringLiteral("-X") << QString::fromLatin1(record.method);
    for (const auto &header : record.requestHeaders) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0) {
            // Double quotes so the shell expands the variable; the recorded value is redacted anyway.
            parts << QStringLiteral("-H") << QStringLiteral("\"Authorization: Bearer $ALLMINE_TOKEN\"");
            continue;
        }
        parts << QStringLiteral("-H")
              << shellQuote(QString::fromLatin1(header.first) + QStringLiteral(": ") +
                            QString::fromUtf8(header.second));
    }
    if (!record.requestBody.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuote(QString::fromUtf8(record.requestBody));
    parts << shellQuote(record.url.toString(QUrl::FullyEncoded));
    return parts.join(QLatin1Char(' '));
}
