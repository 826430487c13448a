#include "settings/FieldTable.h"

#include "api/ServerText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace {
// clang-format off
const QList<FieldSpec> kFields = {
    {"notifications", FieldType::Bool, FieldGroup::Notifications,
     QT_TRANSLATE_NOOP("FieldTable", "All notifications"),
     QT_TRANSLATE_NOOP("FieldTable", "Master switch: when off, no notification of any kind is sent.")},
    {"liveStreamNotifications", FieldType::Bool, FieldGroup::Notifications,
     QT_TRANSLATE_NOOP("FieldTable", "Live streams"),
     QT_TRANSLATE_NOOP("FieldTable", "When someone you follow goes live."), "notifications"},
    {"paymentNotifications", FieldType::Bool, FieldGroup::Notifications,
     QT_TRANSLATE_NOOP("FieldTable", "Payments"),
     QT_TRANSLATE_NOOP("FieldTable", "Payments you send or receive."), "notifications"},
    {"followNotifications", FieldType::Bool, FieldGroup::Notifications,
     QT_TRANSLATE_NOOP("FieldTable", "New followers"),
     QT_TRANSLATE_NOOP("FieldTable", "When someone starts following you."), "notifications"},
    {"messageNotifications", FieldType::Bool, FieldGroup::Notifications,
     QT_TRANSLATE_NOOP("FieldTable", "Messages"),
     QT_TRANSLATE_NOOP("FieldTable", "New direct messages."), "notifications"},
    {"followingActivityNotifications", FieldType::Bool, FieldGroup::Notifications,
     QT_TRANSLATE_NOOP("FieldTable", "Activity of people you follow"),
     QT_TRANSLATE_NOOP("FieldTable", "What the people you follow are doing."), "notifications"},
    {"totalMinutesVisibility", FieldType::Bool, FieldGroup::Privacy,
     QT_TRANSLATE_NOOP("FieldTable", "Show my total minutes"),
     QT_TRANSLATE_NOOP("FieldTable", "Whether others can see your total minutes.")},
    {"totalFundVisibility", FieldType::Bool, FieldGroup::Privacy,
     QT_TRANSLATE_NOOP("FieldTable", "Show my total funds"),
     QT_TRANSLATE_NOOP("FieldTable", "Whether others can see your total funds.")},
    {"preferredLanguage", FieldType::Language, FieldGroup::Language,
     QT_TRANSLATE_NOOP("FieldTable", "Preferred language"),
     QT_TRANSLATE_NOOP("FieldTable", "The language Allmine uses for you.")},
};
// clang-format on

const QList<LanguageChoice> kLanguages = {{"en", "English"}, {"tr", "Türkçe"}};
} // namespace

const QList<FieldSpec> &FieldTable::fields()
{
    return kFields;
}

const FieldSpec *FieldTable::find(const QString &key)
{
    for (const FieldSpec &field : kFields) {
        if (key == QLatin1String(field.key))
            return &field;
    }
    return nullptr;
}

QStringList FieldTable::keys()
{
    QStringList result;
    for (const FieldSpec &field : kFields)
        result << field.jsonKey();
    return result;
}

namespace {
// Letters to insert, delete or change to turn `a` into `b` (Levenshtein distance).
qsizetype editDistance(const QString &a, const QString &b)
{
    QList<qsizetype> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype above = row[j];
            row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}
} // namespace

QString FieldTable::suggestion(const QString &key)
{
    constexpr qsizetype kLongestKey = 64; // a longer word is no typo of a field name
    const QString wanted = key.trimmed().toLower();
    if (wanted.isEmpty() || wanted.size() > kLongestKey)
        return {};
    QString best;
    qsizetype bestDistance = 3; // more than two letters off is another word
    for (const FieldSpec &field : kFields) {
        const qsizetype distance = editDistance(wanted, field.jsonKey().toLower());
        if (distance < bestDistance) {
            best = field.jsonKey();
            bestDistance = distance;
        }
    }
    return best;
}

QString FieldTable::suggestionHint(const QString &key)
{
    const QString field = suggestion(key);
    return field.isEmpty() ? QString()
                           : QCoreApplication::translate("FieldTable", " (did you mean %1?)").arg(field);
}

const QList<LanguageChoice> &FieldTable::languages()
{
    return kLanguages;
}

QStringList FieldTable::languageCodes()
{
    QStringList codes;
    for (const LanguageChoice &language : kLanguages)
        codes << QString::fromLatin1(language.code);
    return codes;
}

QString FieldTable::label(const FieldSpec &field)
{
    return QCoreApplication::translate("FieldTable", field.label);
}

QString FieldTable::description(const FieldSpec &field)
{
    return QCoreApplication::translate("FieldTable", field.description);
}

QString FieldTable::groupTitle(FieldGroup group)
{
    switch (group) {
    case FieldGroup::Notifications:
        return QCoreApplication::translate("FieldTable", "Notifications");
    case FieldGroup::Privacy:
        return QCoreApplication::translate("FieldTable", "Privacy");
    case FieldGroup::Language:
        return QCoreApplication::translate("FieldTable", "Language");
    }
    return {};
}

bool FieldTable::hasValidType(const FieldSpec &field, const QJsonValue &value)
{
    switch (field.type) {
    case FieldType::Bool:
        return value.isBool();
    case FieldType::Language:
        return value.isString() && !value.toString().isEmpty();
    }
    return false;
}

bool FieldTable::isKnownLanguage(const QString &code)
{
    for (const LanguageChoice &language : kLanguages) {
        if (code == QLatin1String(language.code))
            return true;
    }
    return false;
}

std::optional<QJsonValue> FieldTable::parse(const FieldSpec &field, const QString &text, QString *error)
{
    const QString word = text.trimmed().toLower();
    if (field.type == FieldType::Bool) {
        static const QStringList yes = {QStringLiteral("true"), QStringLiteral("on"), QStringLiteral("yes"),
                                        QStringLiteral("1")};
        static const QStringList no = {QStringLiteral("false"), QStringLiteral("off"), QStringLiteral("no"),
                                       QStringLiteral("0")};
        if (yes.contains(word))
            return QJsonValue(true);
        if (no.contains(word))
            return QJsonValue(false);
        if (error)
            *error = QCoreApplication::translate(
                         "FieldTable", "%1 takes true or false (also on/off, yes/no, 1/0), not \"%2\".")
                         .arg(field.jsonKey(), text);
        return std::nullopt;
    }
    if (isKnownLanguage(word))
        return QJsonValue(word);
    if (error)
        *error = QCoreApplication::translate("FieldTable", "%1 takes one of %2, not \"%3\".")
                     .arg(field.jsonKey(), languageCodes().join(QStringLiteral(", ")), text);
    return std::nullopt;
}

namespace {
// Any JSON value as compact JSON text, on one line and safe to show: written as the one element
// of an array, then unwrapped.
QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return ServerText::line(QString::fromUtf8(array.mid(1, array.size() - 2)));
}
} // namespace

QString FieldTable::plain(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isString())
        return ServerText::line(value.toString());
    return jsonText(value);
}

QString FieldTable::sentText(const QJsonValue &value)
{
    constexpr int kLongest = 60;
    const QString text = value.isUndefined() ? QStringLiteral("nothing") : jsonText(value);
    return text.size() > kLongest ? text.left(kLongest - 1) + QChar(0x2026) : text;
}

QString FieldTable::expected(const FieldSpec &field)
{
    return field.type == FieldType::Bool ? QCoreApplication::translate("FieldTable", "true or false")
                                         : QCoreApplication::translate("FieldTable", "a language code");
}

QString FieldTable::display(const FieldSpec &field, const QJsonValue &value)
{
    if (field.type == FieldType::Bool) {
        if (!value.isBool())
            return QCoreApplication::translate("FieldTable", "(not set)");
        return value.toBool() ? QCoreApplication::translate("FieldTable", "on")
                              : QCoreApplication::translate("FieldTable", "off");
    }
    const QString code = value.toString();
    for (const LanguageChoice &language : kLanguages) {
        if (code == QLatin1String(language.code))
            return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(language.name), code);
    }
    return ServerText::line(code); // a language the app does not know, as the server sent it
}
