#include "cli/AssignmentParser.h"

#include "settings/FieldTable.h"

#include <QCoreApplication>

AssignmentParser::Result AssignmentParser::parse(const QStringList &assignments)
{
    Result result;
    if (assignments.isEmpty()) {
        result.error =
            QCoreApplication::translate("Cli", "Name at least one KEY=VALUE, e.g. notifications=off.");
        return result;
    }
    // Every word is checked, so one run names all that must change.
    QStringList problems;
    bool unknownKey = false;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        const QString key = assignment.left(equals).trimmed();
        const FieldSpec *field = FieldTable::find(key);
        if (equals < 0 && field) {
            problems << QCoreApplication::translate("Cli", "%1 needs a value: %1=VALUE, where VALUE is %2.")
                            .arg(key, FieldTable::expected(*field));
            continue;
        }
        if (!field) {
            unknownKey = true;
            problems << QCoreApplication::translate("Cli", "\"%1\" is not KEY=VALUE with a known key%2.")
                            .arg(assignment, FieldTable::suggestionHint(key));
            continue;
        }
        QString problem;
        const auto value = FieldTable::parse(*field, assignment.mid(equals + 1), &problem);
        if (!value)
            problems << problem;
        else if (result.values.contains(key) && result.values.value(key) != *value)
            problems << QCoreApplication::translate("Cli", "%1 is given two different values.").arg(key);
        else
            result.values.insert(key, *value);
    }
    if (unknownKey)
        problems << QCoreApplication::translate("Cli", "Keys: %1.")
                        .arg(FieldTable::keys().join(QStringLiteral(", ")));
    result.error = problems.join(QLatin1Char('\n'));
    if (!result.ok())
        result.values = {};
    return result;
}
