#include "TestEnv.h"
#include "servers/AppSettings.h"
#include "settings/DraftStore.h"

#include <QCoreApplication>
#include <QTest>

class TestDraftStore : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    const QString m_dev = QStringLiteral("http://127.0.0.1:8080");
    const QString m_prod = QStringLiteral("https://api.example.com:443");

private Q_SLOTS:
    void initTestCase()
    {
        m_env.applyToCurrentProcess();
        QCoreApplication::setOrganizationName(QStringLiteral("Allmine"));
        QCoreApplication::setApplicationName(QStringLiteral(ALLMINE_APP_ID));
    }

    void roundTripPerOriginAndSubject()
    {
        const QJsonObject edits = {{QStringLiteral("notifications"), false},
                                   {QStringLiteral("preferredLanguage"), QStringLiteral("tr")}};
        DraftStore::save(m_dev, QStringLiteral("alice"), edits);
        QCOMPARE(DraftStore::load(m_dev, QStringLiteral("alice")), edits);
        QVERIFY(DraftStore::load(m_dev, QStringLiteral("bob")).isEmpty());
        QVERIFY(DraftStore::load(m_prod, QStringLiteral("alice")).isEmpty());
        DraftStore::clear(m_dev, QStringLiteral("alice"));
        QVERIFY(DraftStore::load(m_dev, QStringLiteral("alice")).isEmpty());
    }

    void unknownOrMistypedFieldsAreNotKept()
    {
        DraftStore::save(m_dev, QStringLiteral("alice"),
                         {{QStringLiteral("notifications"), QStringLiteral("yes")},
                          {QStringLiteral("_id"), QStringLiteral("x")},
                          {QStringLiteral("paymentNotifications"), false}});
        QCOMPARE(DraftStore::load(m_dev, QStringLiteral("alice")),
                 QJsonObject({{QStringLiteral("paymentNotifications"), false}}));
    }

    void savingNothingClears()
    {
        DraftStore::save(m_dev, QStringLiteral("carol"), {{QStringLiteral("notifications"), false}});
        DraftStore::save(m_dev, QStringLiteral("carol"), {});
        QVERIFY(DraftStore::load(m_dev, QStringLiteral("carol")).isEmpty());
    }

    void fileHoldsNoOriginOrSubjectInClear()
    {
        DraftStore::save(m_dev, QStringLiteral("dave@example.com"),
                         {{QStringLiteral("notifications"), false}});
        auto settings = AppSettings::open();
        settings->sync();
        QFile file(settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("[drafts]")); // the draft is in this file, kept under other names
        QCOMPARE(DraftStore::load(m_dev, QStringLiteral("dave@example.com")),
                 QJsonObject({{QStringLiteral("notifications"), false}}));
        QVERIFY(!text.contains("dave@example.com"));
        QVERIFY(!text.contains("127.0.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
