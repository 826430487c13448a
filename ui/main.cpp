#include "AppIcons.h"
#include "AppStyle.h"
#include "CommandLine.h"
#include "FontWarmer.h"
#include "MainWindow.h"
#include "PngWriter.h"
#include "ServerContext.h"
#include "auth/BearerToken.h"
#include "i18n/LanguageManager.h"
#include "settings/SettingsModel.h"

#include <QApplication>
#include <QStyle>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <memory>

// Builds with a sanitizer (gcc says so in a macro, clang in __has_feature) tear down at exit as
// usual, for their leak and memory checks.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define ALLMINE_SANITIZED
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define ALLMINE_SANITIZED
#endif
#endif

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

// Saves the window once its first load settled (or after a time limit, with what it has). It is
// rendered without being shown: nothing flashes on the desktop, no platform window or backing
// store is made for one picture, and it is laid out and painted once, with its values.
void screenshotWhenSettled(MainWindow *window, const QString &file)
{
    const auto shoot = [window, file] {
        // Two passes: the scroll area settles its scroll bar after the form's layout has run.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QImage image = window->grab().toImage();
        QString error;
        if (!PngWriter::write(image, file, &error)) {
            std::fputs(
                qPrintable(QCoreApplication::translate("main", "allmine-settings: could not write %1: %2\n")
                               .arg(file, error)),
                stderr);
            return QCoreApplication::exit(1);
        }
        // Saved, but showing no settings: say so, so that a script does not take it for the real thing.
        const ServerContext *context = window->current();
        if (!context || !context->model()->isLoaded()) {
            const QString why = context ? context->lastError().message() : QString();
            std::fputs(
                qPrintable(QCoreApplication::translate(
                               "main", "allmine-settings: saved %1, but the settings did not load. %2\n")
                               .arg(file, why)),
                stderr);
            return QCoreApplication::exit(3);
        }
        QCoreApplication::exit(0);
    };
    if (window->hasSettled())
        QTimer::singleShot(0, window, shoot); // exit() needs a running event loop
    else
        QObject::connect(window, &MainWindow::settled, window, shoot, Qt::SingleShotConnection);
    QTimer::singleShot(30000, window, shoot);
}

// A screenshot run has written its file, and finishPendingWrites() everything else it keeps.
// Tearing down the window, the network thread and Qt's caches is then work for nothing: a sixth
// of the run. Builds with a sanitizer return and tear down as usual.
void endScreenshotRun(int code)
{
#ifndef ALLMINE_SANITIZED
    std::fflush(nullptr);
    std::_Exit(code);
#else
    Q_UNUSED(code);
#endif
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
    FontWarmer fonts; // fontconfig read on the other core while QApplication starts
    fonts.startBeforeApplication();
    QApplication app(argc, argv);
    fonts.start();                                                       // if it could not start before
    QApplication::setStyle(new AppStyle(QApplication::style()->name())); // before any widget
    identify();
    // Before any widget exists: the user's earlier choice, else the system's language (two small
    // .qm files, loaded once; switching later is live, from the Language menu).
    LanguageManager languages;
    languages.apply(LanguageManager::preferredLanguage());
    QGuiApplication::setDesktopFileName(QStringLiteral(ALLMINE_APP_ID));
    const CommandLine line = CommandLine::parse(app.arguments());
    if (line.outcome != CommandLine::Outcome::Run) {
        fonts.waitUntilRead(); // before QApplication's end takes fontconfig's configuration down
        return printAndExit(line);
    }

    const QString fixedToken = qEnvironmentVariable("ALLMINE_TOKEN");
    if (!fixedToken.trimmed().isEmpty()) {
        // A line break in it would become a header of its own: a usage error, like a bad option.
        const QString problem = BearerToken::environmentProblem(fixedToken);
        if (!problem.isEmpty()) {
            fonts.waitUntilRead();
            std::fputs(qPrintable(QStringLiteral("allmine-settings: %1\n").arg(problem)), stderr);
            return 2;
        }
    }

    MainWindow::Options options;
    options.server = line.server;
    options.baseUrl = line.baseUrl;
    options.fixedToken = fixedToken.trimmed();
    options.languages = &languages;
    options.fonts = &fonts;
    MainWindow window(options);
    if (line.screenshot.isEmpty()) {
        window.show();
        // Decoding the icon's PNGs can wait for the event loop; window managers follow a change.
        // A screenshot run quits once the file is written and never needs it.
        QTimer::singleShot(0, &app, [] { QApplication::setWindowIcon(AppIcons::window()); });
    } else {
        screenshotWhenSettled(&window, line.screenshot);
    }
    const int code = app.exec();
    window.finishPendingWrites();
    if (!line.screenshot.isEmpty())
        endScreenshotRun(code);
    return code;
}
