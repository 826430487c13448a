#include "cli/CliApp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
    QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    QCoreApplication::setApplicationVersion(QStringLiteral(ALLMINE_VERSION));
    CliApp cli;
    return cli.run(app.arguments().mid(1));
}
