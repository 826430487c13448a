// `allmine-settings --screenshot FILE`, run as the real binary against the sandbox: it exits 0
// with a complete PNG of the loaded window (read back by Qt and by libpng, in English and in
// Turkish), with the banner in the colour of the server it is on, and says why when it cannot
// write the file.
#include "CliProcess.h"
#include "SandboxProcess.h"
#include "ServerBanner.h"
#include "TestEnv.h"
#include "servers/ServerProfile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTest>
#include <png.h>

namespace {
// language: the system language the app starts in (the test HOME holds no earlier choice).
CliRun screenshot(const SandboxProcess &sandbox, const TestEnv &env, const QString &server,
                  const QString &file, const QString &token, const QString &language = QStringLiteral("en"))
{
    QProcessEnvironment environment = env.environment();
    environment.insert(QStringLiteral("ALLMINE_TOKEN"), token);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LANGUAGE"), language);
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

// The file decoded by libpng (its simplified API) as RGBA; a null image, with libpng's message
// in `error`, when it cannot. A warning leaves its message there too.
QImage readWithLibpng(const QString &file, QString *error)
{
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&png, QFile::encodeName(file).constData())) {
        *error = QString::fromLatin1(png.message);
        return {};
    }
    png.format = PNG_FORMAT_RGBA;
    QImage image(int(png.width), int(png.height), QImage::Format_RGBA8888);
    if (!png_image_finish_read(&png, nullptr, image.bits(), int(image.bytesPerLine()), nullptr)) {
        *error = QString::fromLatin1(png.message);
        return {};
    }
    if (png.warning_or_error != 0)
        *error = QString::fromLatin1(png.message);
    return image;
}

// A PNG ends with its IEND chunk: nothing cut off, and nothing left of an older file.
bool endsWithIend(const QString &file)
{
    QFile in(file);
    return in.open(QIODevice::ReadOnly) &&
           in.readAll().endsWith(QByteArray::fromHex("0000000049454e44ae426082"));
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
        QCOMPARE(sandbox.requests(QStringLiteral("GET"), QStringLiteral("/api/v1/user-settings")).size(), 1);
    }

    // The picture is taken once the sign-in check has answered, not while the account line still
    // says "Checking the sign-in…": with the check 2 s late, the app waits for it.
    void waitsForTheSignInCheck()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        sandbox.addFault({{QStringLiteral("fault"), QStringLiteral("slow")},
                          {QStringLiteral("delayMs"), 2000},
                          {QStringLiteral("path"), QStringLiteral("/api/v1/auth/validate-token")}});
        TestEnv env;
        const QString file = env.home() + QStringLiteral("/window.png");
        QElapsedTimer clock;
        clock.start();
        const CliRun run = screenshot(sandbox, env, QStringLiteral("dev"), file, sandbox.mintToken().access);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // The sandbox's delay runs on a coarse timer, which may end it up to 5 % early.
        QVERIFY2(clock.elapsed() >= 1500,
                 qPrintable(QStringLiteral("saved after %1 ms").arg(clock.elapsed())));
        QVERIFY(!QImage(file).isNull());
    }

    // A complete PNG in either language, in place of what the file held before: Qt's reader and
    // libpng decode it to the same pixels, libpng without a warning.
    void writesAPngThatQtAndLibpngReadBack_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("otherLanguage");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("tr");
        QTest::newRow("Turkish") << QStringLiteral("tr") << QStringLiteral("en");
    }
    void writesAPngThatQtAndLibpngReadBack()
    {
        QFETCH(QString, language);
        QFETCH(QString, otherLanguage);
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        TestEnv env;
        const QString file = env.home() + QStringLiteral("/window.png");
        {
            QFile old(file); // an older, larger file in its place
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write(QByteArray(4 << 20, 'x'));
        }
        const CliRun run =
            screenshot(sandbox, env, QStringLiteral("dev"), file, sandbox.mintToken().access, language);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(endsWithIend(file), "the PNG does not end where its IEND chunk does");

        QImageReader reader(file);
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage fromQt = reader.read();
        QVERIFY2(!fromQt.isNull(), qPrintable(reader.errorString()));
        QString error;
        const QImage fromLibpng = readWithLibpng(file, &error);
        QVERIFY2(!fromLibpng.isNull() && error.isEmpty(), qPrintable(error));
        QCOMPARE(fromLibpng.size(), fromQt.size());
        QVERIFY(fromLibpng == fromQt.convertToFormat(QImage::Format_RGBA8888));

        // The language reached the window: in the other one it is another picture.
        const QString other = env.home() + QStringLiteral("/other.png");
        const CliRun second =
            screenshot(sandbox, env, QStringLiteral("dev"), other, sandbox.mintToken().access, otherLanguage);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY(QImage(other) != fromQt);
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

    // --help names the command, not the path it was started by, in the user's language; a wrong
    // option says where to look.
    void helpAndUsageErrors_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileWord");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("<FILE>");
        QTest::newRow("Turkish") << QStringLiteral("tr") << QStringLiteral("<DOSYA>");
    }
    void helpAndUsageErrors()
    {
        QFETCH(QString, language);
        QFETCH(QString, fileWord);
        TestEnv env;
        QProcessEnvironment environment = env.environment();
        environment.insert(QStringLiteral("LANGUAGE"), language);
        const QString gui = qEnvironmentVariable("ALLMINE_GUI");
        const CliRun help = runProgram(gui, {QStringLiteral("--help")}, environment, {}, 60000);
        QCOMPARE(help.exitCode, 0);
        const QString firstLine = help.outText().section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(firstLine.endsWith(QStringLiteral(" allmine-settings [options]")) ||
                     firstLine.contains(QStringLiteral(" allmine-settings [")),
                 qPrintable(firstLine));
        QVERIFY2(!help.outText().contains(gui), qPrintable(firstLine));
        QVERIFY2(help.outText().contains(QStringLiteral("--screenshot ") + fileWord),
                 qPrintable(help.outText()));
        const CliRun wrong = runProgram(gui, {QStringLiteral("--bogus")}, environment, {}, 60000);
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(QStringLiteral("--help")), qPrintable(wrong.err));
    }

    // A mistyped server is refused, as the command line refuses it: never another server's window.
    void anUnknownServerIsRefused()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.isRunning());
        TestEnv env;
        const QString file = env.home() + QStringLiteral("/window.png");
        const CliRun run = screenshot(sandbox, env, QStringLiteral("prd"), file, sandbox.mintToken().access);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("There is no server named \"prd\". Servers: dev, prod")),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(file));
    }

    // A server without an address: the picture is saved, and the run says why nothing loaded.
    void aServerWithoutAnAddressSaysSo()
    {
        TestEnv env;
        QProcessEnvironment environment = env.environment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        const QString file = env.home() + QStringLiteral("/first.png");
        const CliRun run = runProgram(
            qEnvironmentVariable("ALLMINE_GUI"),
            {QStringLiteral("--server"), QStringLiteral("dev"), QStringLiteral("--screenshot"), file},
            environment, {}, 60000);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(
            run.err.contains(QStringLiteral("the settings did not load. Development has no address: give "
                                            "one with --base-url URL.\n")),
            qPrintable(run.err));
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
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_GUILESS_MAIN(ScreenshotTest)
#include "tst_screenshot.moc"
