#pragma once

#include <QJsonValue>
#include <QString>

enum class FieldType
{
    Bool,
    Language
};
enum class FieldGroup
{
    Notifications,
    Privacy,
    Language
};

// One settings field as the API defines it. Labels and descriptions are translation sources
// (context "FieldTable"); translate them with FieldTable::label() / description().
struct FieldSpec
{
    const char *key;
    FieldType type;
    FieldGroup group;
    const char *label;
    const char *description;
    const char *parentKey = nullptr; // master switch this field depends on, if any

    QString jsonKey() const { return QString::fromLatin1(key); }
    // What the backend assumes when an older account lacks the field.
    QJsonValue defaultValue() const
    {
        return type == FieldType::Bool ? QJsonValue(true) : QJsonValue(QStringLiteral("en"));
    }
};

// A language the API accepts for preferredLanguage; `name` is its own name (not translated).
struct LanguageChoice
{
    const char *code;
    const char *name;
};
