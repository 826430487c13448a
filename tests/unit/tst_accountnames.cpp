// The name "Signed in as …" shows for a sign-in answer's user object.
#include "auth/AccountNames.h"

#include <QTest>

class TestAccountNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emailComesFirst()
    {
        const QJsonObject user{{QStringLiteral("email"), QStringLiteral("qa@example.com")},
                               {QStringLiteral("countryCode"), QStringLiteral("90")},
                               {QStringLiteral("phoneNumber"), QStringLiteral("5551234567")}};
        QCOMPARE(AccountNames::fromUser(user), QStringLiteral("qa@example.com"));
    }

    // The docs show send-otp answering "+90" for "90": either spelling reads with one "+".
    void phoneHasOnePlus_data()
    {
        QTest::addColumn<QString>("countryCode");
        QTest::newRow("90") << QStringLiteral("90");
        QTest::newRow("+90") << QStringLiteral("+90");
    }
    void phoneHasOnePlus()
    {
        QFETCH(QString, countryCode);
        const QJsonObject user{{QStringLiteral("email"), QJsonValue()},
                               {QStringLiteral("countryCode"), countryCode},
                               {QStringLiteral("phoneNumber"), QStringLiteral("5551234567")}};
        QCOMPARE(AccountNames::fromUser(user), QStringLiteral("+90 5551234567"));
    }

    void neitherGivesNothing() { QVERIFY(AccountNames::fromUser({}).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestAccountNames)
#include "tst_accountnames.moc"
