#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>

// Reads an Allmine answer: a body with both "isSuccess" and "data" is the wrapper
// {isSuccess, statusCode, data, errors, timestamp}; anything else is the bare payload.
class ResponseParser
{
public:
    struct Parsed
    {
        bool json = false;    // the body was JSON (or empty)
        bool wrapped = false; // it used the wrapper
        bool success = false; // wrapper's isSuccess, or a bare payload
        QJsonValue data;      // the payload
        QStringList errors;   // the wrapper's errors[]
    };

    static Parsed parse(const QByteArray &body);
};
