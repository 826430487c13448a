#include "cli/CliApp.h"
#include "i18n/LanguageManager.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
    QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    QCoreApplication::setApplicationVersion(QStringLiteral(ALLMINE_VERSION));
    // Messages follow the locale; --json output never changes with it.
    LanguageManager languages;
    languages.apply(LanguageManager::systemLanguage());
    CliApp cli;
    return cli.run(app.arguments().mid(1));
}
