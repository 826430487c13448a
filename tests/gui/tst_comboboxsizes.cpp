// The window's two lists fit what they show: the server switch, sized to its first list when it
// first shows, grows with a longer server name added later; the language list grows for a
// language code the app does not know. (Both adjust to their contents only from a change on:
// adjusting from the start built their pop-ups at every start.)
#include "FieldRow.h"
#include "ServerBanner.h"
#include "settings/FieldTable.h"

#include <QComboBox>
#include <QJsonValue>
#include <QTest>

namespace {
ServerProfile server(const QString &name)
{
    ServerProfile profile;
    profile.name = name;
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    return profile;
}

// Room for the text and the arrow: the combo is wider than its text.
bool fits(const QComboBox *combo, const QString &text)
{
    return combo->sizeHint().width() > combo->fontMetrics().horizontalAdvance(text);
}
} // namespace

class ComboBoxSizesTest : public QObject
{
    Q_OBJECT
private slots:
    // As a screenshot run renders it: measured and drawn without being shown, while its list is
    // still empty (no show event comes to size it to a list that comes later).
    void serverSwitchFilledAfterARenderFits()
    {
        ServerBanner banner;
        banner.resize(banner.sizeHint());
        banner.grab();
        const QString longName = QStringLiteral("staging-with-a-rather-long-name");
        banner.setServers({server(QStringLiteral("dev")), server(longName)}, server(QStringLiteral("dev")));
        QVERIFY(fits(banner.serverSwitch(), longName));
    }

    void serverSwitchGrowsWithALongerNameAddedLater()
    {
        ServerBanner banner;
        banner.setServers({server(QStringLiteral("dev")), server(QStringLiteral("prod"))},
                          server(QStringLiteral("dev")));
        banner.show();
        QVERIFY(QTest::qWaitForWindowExposed(&banner));
        const int before = banner.serverSwitch()->sizeHint().width();
        const QString longName = QStringLiteral("staging-with-a-rather-long-name");
        banner.setServers({server(QStringLiteral("dev")), server(QStringLiteral("prod")), server(longName)},
                          server(QStringLiteral("dev")));
        QVERIFY(banner.serverSwitch()->sizeHint().width() > before);
        QVERIFY(fits(banner.serverSwitch(), longName));
    }

    void languageListGrowsForAnUnknownCode()
    {
        const FieldSpec *language = nullptr;
        for (const FieldSpec &field : FieldTable::fields()) {
            if (field.type != FieldType::Bool)
                language = &field;
        }
        QVERIFY(language);
        FieldRow row(*language);
        row.setState(QJsonValue(QStringLiteral("en")), false, false);
        row.show();
        QVERIFY(QTest::qWaitForWindowExposed(&row));
        auto *combo = qobject_cast<QComboBox *>(row.editor());
        QVERIFY(combo);
        const int before = combo->sizeHint().width();
        row.setState(QJsonValue(QStringLiteral("pt-BR")), false, false);
        QCOMPARE(combo->currentText(), QStringLiteral("pt-BR (not known to this app)"));
        QVERIFY(combo->sizeHint().width() > before);
        QVERIFY(fits(combo, combo->currentText()));
    }
};

QTEST_MAIN(ComboBoxSizesTest)
#include "tst_comboboxsizes.moc"
