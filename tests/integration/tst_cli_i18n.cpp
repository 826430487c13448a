// The command line in Turkish: its messages follow the locale (LC_ALL, LC_MESSAGES, LANG,
// LANGUAGE), its requests carry X-Language so the server answers in that language, and what
// scripts read (--json, --dry-run bodies) does not change with it.
#include "CliProcess.h"
#include "CliSandbox.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {
using Locale = QMap<QString, QString>;

const Locale kEnglish = {{QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")}};
const Locale kTurkish = {{QStringLiteral("LC_ALL"), QStringLiteral("tr_TR.UTF-8")}};

// The server-maintained timestamps differ from one PATCH to the next; nothing else may.
QByteArray withoutTimestamps(QByteArray json)
{
    static const QRegularExpression stamp(QStringLiteral("\"(createdAt|updatedAt)\": \"[^\"]*\""));
    return QString::fromUtf8(json).replace(stamp, QStringLiteral("\"\\1\": \"…\"")).toUtf8();
}
} // namespace

class TestCliI18n : public QObject
{
    Q_OBJECT

    CliSandbox m_cli;

    CliRun cli(const QStringList &arguments, const Locale &locale)
    {
        QProcessEnvironment env = m_cli.environment(m_cli.token());
        for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"})
            env.remove(QString::fromLatin1(name));
        for (auto it = locale.constBegin(); it != locale.constEnd(); ++it)
            env.insert(it.key(), it.value());
        return runCli(m_cli.onServer(arguments), env);
    }

    // X-Language of every request the sandbox saw since the last reset, oldest first.
    QStringList languagesSent()
    {
        return SandboxProcess::headerOf(m_cli.server().requests(), QStringLiteral("x-language"));
    }

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_cli.start(), QString()); }
    void init() { QVERIFY(m_cli.fresh()); }

    void getJsonIsByteIdenticalAndCarriesTheLanguage()
    {
        const CliRun english = cli({QStringLiteral("get"), QStringLiteral("--json")}, kEnglish);
        const CliRun turkish = cli({QStringLiteral("get"), QStringLiteral("--json")}, kTurkish);
        QCOMPARE(english.exitCode, 0);
        QCOMPARE(turkish.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(english.out).isObject());
        QCOMPARE(turkish.out, english.out);
        QCOMPARE(languagesSent(), (QStringList{QStringLiteral("en"), QStringLiteral("tr")}));
    }

    void setSaysItInTurkishAndPrintsTheSameJson()
    {
        const QStringList set = {QStringLiteral("set"), QStringLiteral("messageNotifications=off"),
                                 QStringLiteral("--json")};
        const CliRun english = cli(set, kEnglish);
        QCOMPARE(english.exitCode, 0);
        QVERIFY2(english.err.contains(QStringLiteral("Applied 1 change to Development.")),
                 qPrintable(english.err));

        // The same account back as it was (same _id), and the request log cleared.
        m_cli.server().setSettings(QStringLiteral("qa@example.com"),
                                   {{QStringLiteral("messageNotifications"), true}});
        m_cli.server().reset();
        const CliRun turkish = cli(set, kTurkish);
        QCOMPARE(turkish.exitCode, 0);
        QVERIFY2(turkish.err.contains(QStringLiteral("1 değişiklik Geliştirme sunucusuna uygulandı.")),
                 qPrintable(turkish.err));
        QCOMPARE(withoutTimestamps(turkish.out), withoutTimestamps(english.out));
        // The GET and the PATCH both asked for Turkish.
        QCOMPARE(languagesSent(), (QStringList{QStringLiteral("tr"), QStringLiteral("tr")}));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 1);
    }

    void dryRunBodyIsByteIdentical()
    {
        const QStringList set = {QStringLiteral("set"), QStringLiteral("preferredLanguage=tr"),
                                 QStringLiteral("paymentNotifications=no"), QStringLiteral("--dry-run")};
        const CliRun english = cli(set, kEnglish);
        const CliRun turkish = cli(set, kTurkish);
        QCOMPARE(english.exitCode, 0);
        QCOMPARE(turkish.exitCode, 0);
        QCOMPARE(turkish.out, english.out);
        QVERIFY2(english.err.contains(QStringLiteral("Dry run")), qPrintable(english.err));
        QVERIFY2(turkish.err.contains(QStringLiteral("Hiçbir değişiklik gönderilmedi.")),
                 qPrintable(turkish.err));
        QCOMPARE(m_cli.server().requests(QStringLiteral("PATCH")).size(), 0);
    }

    void serverErrorsComeBackInTurkish()
    {
        m_cli.server().addFault(
            {{QStringLiteral("fault"), QStringLiteral("status")}, {QStringLiteral("status"), 400}});
        const CliRun run = cli({QStringLiteral("get")}, kTurkish);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("Sunucu 400 ile yanıt verdi.")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Doğrulama başarısız")),
                 qPrintable(run.err)); // the server's words
        QVERIFY2(!run.err.contains(QStringLiteral("Validation failed")), qPrintable(run.err));
        QCOMPARE(languagesSent(), QStringList{QStringLiteral("tr")});
    }

    void followsEveryLocaleVariable_data()
    {
        QTest::addColumn<Locale>("locale");
        QTest::addColumn<bool>("turkish");
        QTest::newRow("LC_ALL") << kTurkish << true;
        QTest::newRow("LC_MESSAGES") << Locale{{QStringLiteral("LC_MESSAGES"), QStringLiteral("tr_TR.UTF-8")},
                                               {QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")}}
                                     << true;
        QTest::newRow("LANG") << Locale{{QStringLiteral("LANG"), QStringLiteral("tr_TR.UTF-8")}} << true;
        QTest::newRow("LANGUAGE") << Locale{{QStringLiteral("LANGUAGE"), QStringLiteral("tr")},
                                            {QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")}}
                                  << true;
        QTest::newRow("C") << kEnglish << false;
        QTest::newRow("German (no translation)")
            << Locale{{QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8")}} << false;
    }

    void followsEveryLocaleVariable()
    {
        QFETCH(Locale, locale);
        QFETCH(bool, turkish);
        const CliRun usage = cli({QStringLiteral("frobnicate")}, locale);
        QCOMPARE(usage.exitCode, 2);
        QCOMPARE(usage.err.trimmed(), turkish
                                          ? QStringLiteral("Bilinmeyen komut: \"frobnicate\". Bkz. --help.")
                                          : QStringLiteral("Unknown command \"frobnicate\". See --help."));
        const CliRun get = cli({QStringLiteral("get")}, locale);
        QCOMPARE(get.exitCode, 0);
        QVERIFY(get.out.contains("notifications=true\n")); // key=value lines never change
        QCOMPARE(languagesSent(), QStringList{turkish ? QStringLiteral("tr") : QStringLiteral("en")});
    }
};

QTEST_GUILESS_MAIN(TestCliI18n)
#include "tst_cli_i18n.moc"
