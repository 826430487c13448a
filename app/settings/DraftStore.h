#pragma once

#include <QJsonObject>
#include <QString>

// Unsent edits, kept in the app's settings file so that a crash or a kill does not lose them.
// One draft per server origin and account subject (a draft is never offered to another account
// or server). Only field values are stored: never a token.
class DraftStore
{
public:
    static void save(const QString &origin, const QString &subject, const QJsonObject &edits);
    static QJsonObject load(const QString &origin, const QString &subject);
    static void clear(const QString &origin, const QString &subject);

private:
    static QString keyFor(const QString &origin, const QString &subject);
    DraftStore() = delete;
};
