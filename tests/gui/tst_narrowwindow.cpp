// The window made narrow, in English and in Turkish: the descriptions (and the other texts that
// can wrap) wrap onto more lines, none is cut off, and the settings never scroll sideways.
#include "WindowTestKit.h"
#include "i18n/LanguageManager.h"

#include <QScrollArea>
#include <QScrollBar>

using namespace kit;

namespace {
// Every word-wrapped label shown in `root`: tall enough for its text at its width.
QStringList clippedLabels(const QWidget *root)
{
    QStringList clipped;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (label->isVisibleTo(root) && label->wordWrap() &&
            label->height() < label->heightForWidth(label->width()))
            clipped << QStringLiteral("\"%1\": %2 px tall, needs %3 at %4 px")
                           .arg(label->text())
                           .arg(label->height())
                           .arg(label->heightForWidth(label->width()))
                           .arg(label->width());
    }
    return clipped;
}
} // namespace

class NarrowWindowTest : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_dev;
    std::unique_ptr<MemoryTokenStore> m_store;
    WindowDriver m_ui;

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        m_dev = std::make_unique<SandboxProcess>();
        QVERIFY(m_dev->isRunning());
        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), m_dev->baseUrl()), QString());
        m_store = std::make_unique<MemoryTokenStore>();
        const SandboxProcess::Tokens tokens = m_dev->mintToken(kUser);
        QVERIFY(seed(*m_store, m_dev->baseUrl(), {tokens.access, tokens.refresh}));
    }

    void cleanup()
    {
        m_ui.window.reset();
        AppSettings::open()->remove(QStringLiteral("uiLanguage"));
    }

    void descriptionsWrapAndNothingScrollsSideways_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("Turkish") << QStringLiteral("tr");
    }
    void descriptionsWrapAndNothingScrollsSideways()
    {
        QFETCH(QString, language);
        LanguageManager languages;
        QVERIFY(languages.apply(language));
        QCOMPARE(QCoreApplication::translate("ServerProfile", "Development") == QLatin1String("Development"),
                 language == QLatin1String("en"));
        MainWindow::Options options;
        options.server = QStringLiteral("dev");
        options.tokenStore = m_store.get();
        options.languages = &languages;
        m_ui.open(options);
        m_ui.waitLoaded();
        settleLayouts();

        // Wide, as it opens: each description on one line.
        QHash<QString, int> wideHeights;
        for (const FieldSpec &field : FieldTable::fields()) {
            const QLabel *description = m_ui.row(field.jsonKey())->description();
            QVERIFY(description->wordWrap());
            QCOMPARE(description->height(), description->heightForWidth(QWIDGETSIZE_MAX));
            wideHeights.insert(field.jsonKey(), description->height());
        }

        // As narrow as it goes, as a user drags its edge.
        m_ui.window->resize(1, m_ui.window->height());
        settleLayouts();
        auto *scroll = m_ui.window->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), "the settings scroll sideways");
        const QStringList clipped = clippedLabels(m_ui.window.get());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
        for (const FieldSpec &field : FieldTable::fields()) {
            const QLabel *description = m_ui.row(field.jsonKey())->description();
            const int left = description->mapTo(scroll->viewport(), QPoint()).x();
            QVERIFY2(left >= 0 && left + description->width() <= scroll->viewport()->width(), field.key);
            // One that no longer fits on a line takes more lines.
            const bool fitsOnALine = description->fontMetrics().horizontalAdvance(description->text()) <=
                                     description->contentsRect().width();
            QVERIFY2(fitsOnALine || description->height() > wideHeights.value(field.jsonKey()), field.key);
        }

        // Narrower than the window goes (the banner, the account line and the Apply bar need more
        // width than the settings): the settings area as narrow as its rows allow, with room for
        // a vertical scroll bar. The descriptions wrap within it.
        QWidget *form = m_ui.window->settingsForm();
        scroll->setMaximumWidth(form->minimumSizeHint().width() +
                                scroll->verticalScrollBar()->sizeHint().width() + 2 * scroll->frameWidth());
        settleLayouts();
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), "the settings scroll sideways");
        const QStringList clippedNarrow = clippedLabels(form);
        QVERIFY2(clippedNarrow.isEmpty(), qPrintable(clippedNarrow.join(QLatin1Char('\n'))));
        int wrapped = 0;
        for (const FieldSpec &field : FieldTable::fields())
            wrapped +=
                m_ui.row(field.jsonKey())->description()->height() > wideHeights.value(field.jsonKey());
        QVERIFY2(wrapped > 0, "no description wraps");
    }
};

QTEST_MAIN(NarrowWindowTest)
#include "tst_narrowwindow.moc"
