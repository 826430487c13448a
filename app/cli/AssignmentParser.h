#pragma once

#include <QJsonObject>
#include <QStringList>

// Turns the command line's KEY=VALUE words into settings values, checked against the field table.
class AssignmentParser
{
public:
    struct Result
    {
        QJsonObject values; // in the JSON types the API expects
        QString error;      // empty on success
        bool ok() const { return error.isEmpty(); }
    };

    static Result parse(const QStringList &assignments);
};
