#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

class QIODevice;

// The settings as a file, for export and import: a JSON object with the field table's fields
// only (no ids, no timestamps). Reading checks every entry against the field table and names
// each one that cannot be used, so a file is used whole or not at all.
class SettingsFile
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFile)

public:
    static constexpr qint64 kMaxBytes = 64 * 1024; // far above any real settings file

    struct Result
    {
        QJsonObject values; // field-table keys, each with a value of its field's type
        QString error;      // why the file cannot be used; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    // Every field of the table as the server has it (or as the backend assumes it when the
    // object lacks it); what an export writes.
    static QJsonObject fieldsOf(const QJsonObject &settings);
    static QByteArray toJson(const QJsonObject &settings);
    // The fields (table order) whose values differ between two servers' settings, each read as
    // fieldsOf() reads it; what diff prints and the window's Compare with… marks.
    static QStringList differingKeys(const QJsonObject &a, const QJsonObject &b);

    // Reads the file at `path`: missing, unreadable, empty, over kMaxBytes, not JSON or with
    // an entry the field table does not allow give the reason in error.
    static Result read(const QString &path);
    // The same for an open device (standard input); `name` says what it is in messages.
    static Result read(QIODevice *device, const QString &name);
    // Checks what a file holds.
    static Result parse(const QByteArray &bytes, const QString &name);
};
