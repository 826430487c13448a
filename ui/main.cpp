#include "CommandLine.h"
#include "MainWindow.h"
#include "ServerContext.h"
#include "i18n/LanguageManager.h"

#include <QApplication>
#include <QImageWriter>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace {
void identify()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
    QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    QCoreApplication::setApplicationVersion(QStringLiteral(ALLMINE_VERSION));
}

int printAndExit(const CommandLine &line)
{
    std::fputs(line.output.toLocal8Bit().constData(),
               line.outcome == CommandLine::Outcome::ExitOk ? stdout : stderr);
    return line.outcome == CommandLine::Outcome::ExitOk ? 0 : 2;
}

// Saves the window once the first load settled (or after a time limit, showing what it has).
void screenshotWhenSettled(MainWindow *window, const QString &file)
{
    const auto shoot = [window, file] {
        // Lay out what the last change asked for, then grab (no fixed delay: startup is benchmarked).
        QTimer::singleShot(0, window, [window, file] {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            // zlib level 1 (quality 85): with the default level, encoding the PNG took more time
            // than starting the app.
            QImageWriter writer(file, "png");
            writer.setQuality(85);
            const bool saved = writer.write(window->grab().toImage());
            if (!saved)
                std::fputs(
                    qPrintable(QCoreApplication::translate("main", "allmine-settings: could not write %1\n")
                                   .arg(file)),
                    stderr);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    };
    if (window->hasSettled())
        shoot();
    else
        QObject::connect(window, &MainWindow::settled, window, shoot);
    QTimer::singleShot(30000, window, shoot);
}
} // namespace

int main(int argc, char *argv[])
{
    // --version and --help print without a display and without creating a window.
    if (CommandLine::wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        identify();
        LanguageManager languages; // help text in the terminal's language, as the command line's
        languages.apply(LanguageManager::systemLanguage());
        return printAndExit(CommandLine::parse(app.arguments()));
    }
    QApplication app(argc, argv);
    identify();
    // Before any widget exists: the user's earlier choice, else the system's language (two small
    // .qm files, loaded once; switching later is live, from the Language menu).
    LanguageManager languages;
    languages.apply(LanguageManager::preferredLanguage());
    QGuiApplication::setDesktopFileName(QStringLiteral(ALLMINE_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/com.allmine.Settings.png")));
    const CommandLine line = CommandLine::parse(app.arguments());
    if (line.outcome != CommandLine::Outcome::Run)
        return printAndExit(line);

    MainWindow::Options options;
    options.server = line.server;
    options.baseUrl = line.baseUrl;
    options.fixedToken = qEnvironmentVariable("ALLMINE_TOKEN").trimmed();
    options.languages = &languages;
    MainWindow window(options);
    window.show();
    if (!line.screenshot.isEmpty())
        screenshotWhenSettled(&window, line.screenshot);
    const int code = app.exec();
    window.finishPendingWrites();
    return code;
}
