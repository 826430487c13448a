#pragma once

#include "settings/FieldSpec.h"

#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <optional>

// The single source of every settings field: the window, the command line, the validation and
// the PATCH body are all derived from it. Adding a field is one line in FieldTable.cpp.
class FieldTable
{
public:
    static const QList<FieldSpec> &fields();
    static const FieldSpec *find(const QString &key);
    static QStringList keys();
    // The field a person most likely meant by an unknown key (another case, a typo of one or
    // two letters), or empty when none is close.
    static QString suggestion(const QString &key);
    // " (did you mean notifications?)" after an unknown key, or empty.
    static QString suggestionHint(const QString &key);
    static const QList<LanguageChoice> &languages();
    static QStringList languageCodes();

    static QString label(const FieldSpec &field);
    static QString description(const FieldSpec &field);
    static QString groupTitle(FieldGroup group);

    // True when `value` has the field's type (a language code need not be a known one: the
    // server may know more languages than this table).
    static bool hasValidType(const FieldSpec &field, const QJsonValue &value);
    static bool isKnownLanguage(const QString &code);
    // Parses the command line's text form (true/false/on/off/yes/no/1/0, a language code).
    static std::optional<QJsonValue> parse(const FieldSpec &field, const QString &text, QString *error);
    // The command line's text form of a value: true/false, a language code as the server sent
    // it, or the JSON of anything else.
    static QString plain(const QJsonValue &value);
    // What the server sent, as JSON text safe to show on one line ("1", "null", "\"yes\"").
    static QString sentText(const QJsonValue &value);
    // What a field takes, for people: "true or false", "a language code".
    static QString expected(const FieldSpec &field);
    // Text for people: "on"/"off", or the language's own name with its code.
    static QString display(const FieldSpec &field, const QJsonValue &value);
};
