#include "AppIcons.h"
#include "ColorScheme.h"
#include "CommandLine.h"
#include "MainWindow.h"
#include "auth/BearerToken.h"
#include "i18n/LanguageManager.h"
#include "session/ServerContext.h"
#include "settings/SettingsModel.h"

#include <QApplication>
#include <QImageWriter>
#include <QSaveFile>
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

// Writes the image as PNG through Qt's writer into a QSaveFile, so that an existing file is
// replaced only by a complete one. Empty on success, else why it failed.
QString savePng(const QImage &image, const QString &fileName)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    QImageWriter writer(&file, "png");
    if (!writer.write(image))
        return writer.errorString();
    if (!file.commit())
        return file.errorString();
    return {};
}

// Saves the window once its first load settled and the sign-in check answered (or after a time
// limit, with what it has). It is rendered without being shown, so nothing flashes on the desktop.
void screenshotWhenSettled(MainWindow *window, const QString &file)
{
    const auto shoot = [window, file] {
        // Two passes: the scroll area settles its scroll bar after the form's layout has run.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QImage image = window->grab().toImage();
        if (const QString error = savePng(image, file); !error.isEmpty()) {
            std::fputs(
                qPrintable(QCoreApplication::translate("main", "allmine-settings: could not write %1: %2\n")
                               .arg(file, error)),
                stderr);
            return QCoreApplication::exit(1);
        }
        // Saved, but showing no settings: say so, so that a script does not take it for the real thing.
        const ServerContext *context = window->current();
        if (!context || !context->model()->isLoaded()) {
            QString why = context ? context->lastError().message() : QString();
            if (why.isEmpty() && context && !context->server().hasUrl())
                why = QCoreApplication::translate("main", "%1 has no address: give one with --base-url URL.")
                          .arg(context->server().title());
            else if (why.isEmpty() && context && !context->hasToken())
                why = QCoreApplication::translate("main", "Not signed in to %1.")
                          .arg(context->server().title());
            std::fputs(qPrintable(QCoreApplication::translate(
                                      "main", "allmine-settings: saved %1, but the settings did not load. %2")
                                      .arg(file, why)
                                      .trimmed() +
                                  QLatin1Char('\n')),
                       stderr);
            return QCoreApplication::exit(3);
        }
        QCoreApplication::exit(0);
    };
    // Once the sign-in check has answered too: "Checking the sign-in…" would show in the picture.
    const auto shootWhenReady = [window, shoot, shot = std::make_shared<bool>(false)] {
        const ServerContext *context = window->current();
        if (*shot || !window->hasSettled() ||
            (context && context->signInState().kind == SignInState::Kind::Checking))
            return;
        *shot = true;
        shoot();
    };
    QObject::connect(window, &MainWindow::settled, window, shootWhenReady);
    if (const ServerContext *context = window->current())
        QObject::connect(context, &ServerContext::accountChanged, window, shootWhenReady);
    QTimer::singleShot(0, window, shootWhenReady); // exit() needs a running event loop
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
    const CommandLine line = CommandLine::parse(app.arguments());
    if (line.outcome != CommandLine::Outcome::Run)
        return printAndExit(line);
    QApplication::setWindowIcon(AppIcons::window());
    // Light or dark as the desktop prefers (ALLMINE_COLOR_SCHEME=dark|light overrides it).
    ColorScheme colorScheme;

    const QString fixedToken = qEnvironmentVariable("ALLMINE_TOKEN");
    if (!fixedToken.trimmed().isEmpty()) {
        // A line break in it would become a header of its own: a usage error, like a bad option.
        const QString problem = BearerToken::environmentProblem(fixedToken);
        if (!problem.isEmpty()) {
            std::fputs(qPrintable(QStringLiteral("allmine-settings: %1\n").arg(problem)), stderr);
            return 2;
        }
    }

    MainWindow::Options options;
    options.server = line.server;
    options.baseUrl = line.baseUrl;
    options.fixedToken = fixedToken.trimmed();
    options.languages = &languages;
    options.rememberPlacement = line.screenshot.isEmpty(); // a screenshot has the window's own size
    MainWindow window(options);
    if (line.screenshot.isEmpty())
        window.show();
    else
        screenshotWhenSettled(&window, line.screenshot);
    const int code = app.exec();
    window.finishPendingWrites(); // drafts and keychain writes, before the window goes
    return code;
}
