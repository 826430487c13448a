// `allmine-settings --screenshot FILE`, run as the real binary against the sandbox: it writes a PNG
// of the loaded window, with the banner in the colour of the server it is on, and says why when
// it cannot write the file.
#include "CliProcess.h"
#include "SandboxProcess.h"
#include "ServerBanner.h"
#include "TestEnv.h"
#include "servers/ServerProfile.h"

#include <QImage>
#include <QTest>

namespace {
// reportPlugins: Qt lists on stderr the plugins it looks at and loads. extra: more variables.
CliRun screenshot(const SandboxProcess &sandbox, const TestEnv &env, const QString &server,
                  const QString &file, const QString &token, bool reportPlugins = false,
                  const QProcessEnvironment &extra = {})
{
    QProcessEnvironment environment = env.environment();
    environment.insert(extra);
    if (reportPlugins)
        environment.insert(QStringLiteral("QT_DEBUG_PLUGINS"), QStringLiteral("1"));
    environment.insert(QStringLiteral("ALLMINE_TOKEN"), token);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    return runProgram(qEnvironmentVariable("ALLMINE_GUI"),
                      {QStringLiteral("--server"), server, QStringLiteral("--base-url"),
                       sandbox.baseUrl().toString(), QStringLiteral("--screenshot"), file},
                      environment, {}, 60000);
}

// The banner spans the window near its top, under the menu bar; left of its text.
QColor bannerColour(const QImage &image)
{
    return image.pixelColor(15, 40);
}
} // namespace

class ScreenshotTest : public QObject
{
    Q_OBJECT
private slots:
    void savesTheLoadedWindowWithItsServersBanner_data()
    {
        QTest::addColumn<QString>("server");
        QTest::newRow("Development") << QStringLiteral("dev");
        QTest::newRow("Production") << QStringLiteral("prod");
    }
    void savesTheLoadedWindowWithItsServersBanner()
    {
        QFETCH(QString, server);
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        TestEnv env;
        const QString file = env.home() + QStringLiteral("/window.png");
        const CliRun run = screenshot(sandbox, env, server, file, sandbox.mintToken().access);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const QImage image(file);
        QVERIFY2(!image.isNull(), "the file is not a PNG that reads back");
        QVERIFY2(image.width() >= 400 && image.height() >= 400,
                 qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
        ServerProfile profile;
        profile.name = server;
        QCOMPARE(bannerColour(image), ServerBanner::backgroundFor(profile));
        // The window was loaded, not caught while loading: the sandbox answered its one GET.
        QCOMPARE(sandbox.requests(QStringLiteral("GET")).size(), 1);
    }

    // Launched from a menu with startup notification, the window reads its fonts' configuration
    // after QApplication has started rather than beside it (Qt takes the variable out of the
    // environment as it starts): the same window, pixel for pixel.
    void aLaunchWithStartupNotificationShowsTheSameWindow()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        TestEnv env;
        const QString token = sandbox.mintToken().access;
        const QString plain = env.home() + QStringLiteral("/plain.png");
        const QString launched = env.home() + QStringLiteral("/launched.png");
        QProcessEnvironment startup;
        startup.insert(QStringLiteral("DESKTOP_STARTUP_ID"), QStringLiteral("launcher-1_TIME0"));
        const CliRun first = screenshot(sandbox, env, QStringLiteral("dev"), plain, token);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const CliRun second =
            screenshot(sandbox, env, QStringLiteral("dev"), launched, token, false, startup);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        const QImage a(plain);
        const QImage b(launched);
        QVERIFY(!a.isNull());
        QCOMPARE(b.size(), a.size());
        QVERIFY2(a == b, "the two windows differ");
    }

    // Opening the window reads no image file: the first one makes Qt load every image-format
    // plugin it has (and Qt SVG, libjpeg) before the window can show. Its icons and frames are drawn.
    void opensWithoutLoadingImagePlugins()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        TestEnv env;
        const QString file = env.home() + QStringLiteral("/window.png");
        const CliRun run =
            screenshot(sandbox, env, QStringLiteral("dev"), file, sandbox.mintToken().access, true);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList loaded = run.err.split(QLatin1Char('\n')).filter(QStringLiteral("loaded library"));
        QVERIFY2(!loaded.filter(QStringLiteral("/platforms/")).isEmpty(), "Qt reports the plugins it loads");
        QVERIFY2(loaded.filter(QStringLiteral("/imageformats/")).isEmpty(),
                 qPrintable(loaded.join(QLatin1Char('\n'))));
    }

    // A window that could not load is still saved (it shows why), but the run says so and ends
    // with status 3, so a script does not take it for the settings.
    void aFailedLoadIsReportedAndNotTakenForSuccess()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        TestEnv env;
        const QString file = env.home() + QStringLiteral("/window.png");
        const CliRun run = screenshot(sandbox, env, QStringLiteral("dev"), file,
                                      sandbox.mintToken(QStringLiteral("qa@example.com"), 0).access);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("saved ") + file +
                                  QStringLiteral(", but the settings did not load")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("401")), qPrintable(run.err));
        QVERIFY(!QImage(file).isNull());
    }

    void anUnwritableFileIsReportedWithTheReason()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        TestEnv env;
        const QString file = env.home() + QStringLiteral("/no/such/dir/window.png");
        const CliRun run = screenshot(sandbox, env, QStringLiteral("dev"), file, sandbox.mintToken().access);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("could not write ") + file), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("No such file or directory")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(ScreenshotTest)
#include "tst_screenshot.moc"
