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
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        const QString key = assignment.left(equals).trimmed();
        const FieldSpec *field = FieldTable::find(key);
        if (equals < 0 || !field) {
            result.error =
                QCoreApplication::translate("Cli", "\"%1\" is not KEY=VALUE with a known key. Keys: %2.")
                    .arg(assignment, FieldTable::keys().join(QStringLiteral(", ")));
            return result;
        }
        QString problem;
        const auto value = FieldTable::parse(*field, assignment.mid(equals + 1), &problem);
        if (!value) {
            result.error = problem;
            return result;
        }
        if (result.values.contains(key) && result.values.value(key) != *value) {
            result.error = QCoreApplication::translate("Cli", "%1 is given two different values.").arg(key);
            return result;
        }
        result.values.insert(key, *value);
    }
    return result;
}
