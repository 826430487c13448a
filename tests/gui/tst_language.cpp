// The window's language, switched at run time from the Language menu against the real sandbox:
// what the user sees changes at once (and back), requests carry X-Language so the server answers
// in that language, and an applied preferredLanguage is offered for the window too.
#include "AccountPanel.h"
#include "ApplyBar.h"
#include "FieldRow.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "NoticeBanner.h"
#include "RequestLogDock.h"
#include "SandboxProcess.h"
#include "ServerBanner.h"
#include "SettingsForm.h"
#include "TestEnv.h"
#include "WindowTestKit.h"
#include "api/SettingsSession.h"
#include "auth/MemoryTokenStore.h"
#include "auth/TokenCheck.h"
#include "i18n/LanguageManager.h"
#include "servers/AppSettings.h"
#include "servers/ServerRegistry.h"
#include "session/ServerContext.h"
#include "settings/FieldTable.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace kit;

namespace {
const QString kLanguage = QStringLiteral("preferredLanguage");
} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_dev;
    SandboxProcess::Tokens m_tokens;
    std::unique_ptr<MemoryTokenStore> m_store;
    std::unique_ptr<LanguageManager> m_languages;
    WindowDriver m_ui;

    void open()
    {
        MainWindow::Options options;
        options.server = QStringLiteral("dev");
        options.tokenStore = m_store.get();
        options.languages = m_languages.get();
        m_ui.open(options);
        m_ui.waitLoaded();
    }
    void waitIdle() const { m_ui.waitIdle(); }

    // Chosen from the menu bar, as the user does.
    void chooseLanguage(const QString &code)
    {
        QAction *action = m_ui.window->findChild<QAction *>(QStringLiteral("language_") + code);
        QVERIFY(action);
        QVERIFY(action->isCheckable());
        QVERIFY(m_ui.window->languageMenu()->actions().contains(action));
        action->trigger();
    }

    FieldRow *row(const QString &key) const { return m_ui.row(key); }
    QCheckBox *box(const QString &key) const { return m_ui.box(key); }
    QPushButton *applyButton() const { return m_ui.applyButton(); }
    QString groupTitle(FieldGroup group) const
    {
        return m_ui.window->settingsForm()
            ->findChild<QGroupBox *>(QStringLiteral("group_%1").arg(int(group)))
            ->title();
    }
    QString logHeader(int column) const
    {
        return m_ui.window->requestLog()
            ->findChild<QTableView *>()
            ->model()
            ->headerData(column, Qt::Horizontal)
            .toString();
    }
    QString devEntry() const
    {
        QComboBox *servers = m_ui.window->serverBanner()->serverSwitch();
        return servers->itemText(servers->findData(QStringLiteral("dev")));
    }
    static QString standardCancel()
    {
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        return buttons.button(QDialogButtonBox::Cancel)->text();
    }
    // X-Language of each `method` request to `path` (the settings unless told), oldest first.
    QStringList languagesSent(const QString &method,
                              const QString &path = QString::fromLatin1(SettingsSession::kPath))
    {
        return SandboxProcess::headerOf(m_dev->requests(method, path), QStringLiteral("x-language"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        m_dev = std::make_unique<SandboxProcess>();
        QVERIFY(m_dev->isRunning());
        m_tokens = m_dev->mintToken(kUser);
        QVERIFY(!m_tokens.access.isEmpty());
        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), m_dev->baseUrl()), QString());
    }

    void init()
    {
        m_dev->reset();
        m_dev->setSettings(kUser, defaults());
        m_store = std::make_unique<MemoryTokenStore>();
        bool saved = false;
        m_store->save(ServerProfile::originOf(m_dev->baseUrl()), {m_tokens.access, m_tokens.refresh},
                      [&saved](const TokenStore::Result &) { saved = true; });
        QTRY_VERIFY(saved);
        m_languages = std::make_unique<LanguageManager>(); // none applied yet: the window starts in English
        MessageBox::clearNextAnswer();
    }

    void cleanup()
    {
        m_ui.window.reset();
        m_languages.reset();
        AppSettings::open()->remove(QStringLiteral("drafts"));
        AppSettings::open()->remove(QStringLiteral("uiLanguage"));
        MessageBox::clearNextAnswer();
    }

    void switchesLiveFromTheMenuAndBack()
    {
        open();
        QCOMPARE(m_ui.window->uiLanguage(), QStringLiteral("en"));
        QVERIFY(m_ui.window->findChild<QAction *>(QStringLiteral("language_en"))->isChecked());
        box(kPayment)->click(); // one pending change
        QCOMPARE(applyButton()->text(), QStringLiteral("Apply 1 change to Development"));
        QCOMPARE(box(kPayment)->text(), QStringLiteral("Payments"));
        QCOMPARE(groupTitle(FieldGroup::Notifications), QStringLiteral("Notifications"));
        QVERIFY(m_ui.window->serverBanner()->headline()->text().startsWith(QStringLiteral("Development — ")));
        QCOMPARE(m_ui.window->languageMenu()->title(), QStringLiteral("&Language"));
        QCOMPARE(logHeader(0), QStringLiteral("Time"));
        QCOMPARE(standardCancel(), QStringLiteral("Cancel"));

        chooseLanguage(QStringLiteral("tr"));
        QTRY_COMPARE(applyButton()->text(), QStringLiteral("1 değişikliği Geliştirme sunucusuna uygula"));
        QTRY_COMPARE(box(kPayment)->text(), QStringLiteral("Ödemeler"));
        QCOMPARE(row(kPayment)->marker()->text(), QStringLiteral("• Değişti"));
        QCOMPARE(row(kPayment)->revertButton()->text(), QStringLiteral("Geri al"));
        QCOMPARE(groupTitle(FieldGroup::Notifications), QStringLiteral("Bildirimler"));
        QCOMPARE(groupTitle(FieldGroup::Privacy), QStringLiteral("Gizlilik"));
        QCOMPARE(m_ui.window->applyBar()->revertButton()->text(), QStringLiteral("Tümünü geri al"));
        QCOMPARE(m_ui.window->applyBar()->statusLabel()->text(),
                 QStringLiteral("1 kaydedilmemiş değişiklik."));
        QVERIFY2(m_ui.window->serverBanner()->headline()->text().startsWith(QStringLiteral("Geliştirme — ")),
                 qPrintable(m_ui.window->serverBanner()->headline()->text()));
        QCOMPARE(m_ui.window->serverBanner()->detail()->text(),
                 QStringLiteral("Test sunucusu: buradaki değişiklikler gerçek kullanıcıları etkilemez."));
        QCOMPARE(devEntry(), QStringLiteral("Geliştirme"));
        QVERIFY(m_ui.window->windowTitle().contains(QStringLiteral("Allmine Ayarları")));
        QVERIFY(m_ui.window->accountPanel()->statusLabel()->text().contains(QStringLiteral("oturum açık")));
        QCOMPARE(m_ui.window->languageMenu()->title(), QStringLiteral("D&il"));
        QCOMPARE(m_ui.window->applyAction()->text(), QStringLiteral("&Değişiklikleri uygula"));
        QCOMPARE(logHeader(0), QStringLiteral("Zaman"));
        QCOMPARE(standardCancel(), QStringLiteral("İptal")); // Qt's own (qtbase_tr) translation
        QVERIFY(m_ui.window->findChild<QAction *>(QStringLiteral("language_tr"))->isChecked());
        QVERIFY(!m_ui.window->findChild<QAction *>(QStringLiteral("language_en"))->isChecked());
        QCOMPARE(LanguageManager::preferredLanguage(), QStringLiteral("tr")); // kept for the next start
        QVERIFY(row(kPayment)->isChanged());                                  // the edit survived the switch

        chooseLanguage(QStringLiteral("en"));
        QTRY_COMPARE(applyButton()->text(), QStringLiteral("Apply 1 change to Development"));
        QTRY_COMPARE(box(kPayment)->text(), QStringLiteral("Payments"));
        QCOMPARE(groupTitle(FieldGroup::Notifications), QStringLiteral("Notifications"));
        QVERIFY(m_ui.window->serverBanner()->headline()->text().startsWith(QStringLiteral("Development — ")));
        QCOMPARE(devEntry(), QStringLiteral("Development"));
        QCOMPARE(logHeader(0), QStringLiteral("Time"));
        QCOMPARE(standardCancel(), QStringLiteral("Cancel"));
        QCOMPARE(LanguageManager::preferredLanguage(), QStringLiteral("en"));
    }

    void requestsCarryTheUiLanguageAndBannersFollowIt()
    {
        open();
        QCOMPARE(languagesSent(QStringLiteral("GET")), QStringList{QStringLiteral("en")});
        // The sign-in check asks in the same language.
        QTRY_COMPARE(languagesSent(QStringLiteral("GET"), QString::fromLatin1(TokenCheck::kPath)),
                     QStringList{QStringLiteral("en")});
        chooseLanguage(QStringLiteral("tr"));
        QTRY_COMPARE(applyButton()->text(), QStringLiteral("Uygula"));

        // The server refuses the next PATCH: its message comes back in Turkish.
        m_dev->addFault({{QStringLiteral("fault"), QStringLiteral("status")},
                         {QStringLiteral("status"), 400},
                         {QStringLiteral("path"), QString::fromLatin1(SettingsSession::kPath)}});
        box(kPayment)->click();
        QVERIFY(m_ui.window->apply());
        waitIdle();
        QCOMPARE(languagesSent(QStringLiteral("PATCH")), QStringList{QStringLiteral("tr")});
        NoticeBanner *error = m_ui.window->errorBanner();
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->title(), QStringLiteral("Değişiklikler Geliştirme sunucusuna uygulanamadı"));
        QVERIFY2(error->message().contains(QStringLiteral("Doğrulama başarısız")),
                 qPrintable(error->message()));
        QVERIFY(error->message().contains(QStringLiteral("Değişiklikleriniz korunuyor.")));
        QVERIFY(error->actionButton()->isHidden()); // a refusal: sending again cannot help

        // Back to English: the banner is re-worded; the server's own words stay as they came.
        chooseLanguage(QStringLiteral("en"));
        QTRY_COMPARE(error->title(), QStringLiteral("Could not apply the changes to Development"));
        QVERIFY(error->message().contains(QStringLiteral("Your changes are kept.")));
        QVERIFY(error->message().contains(QStringLiteral("Doğrulama başarısız")));
        QVERIFY(error->actionButton()->isHidden());
        QCOMPARE(error->dismissButton()->text(), QStringLiteral("Dismiss"));

        // The next request asks for English again.
        QVERIFY(m_ui.window->apply());
        waitIdle();
        QCOMPARE(languagesSent(QStringLiteral("PATCH")),
                 (QStringList{QStringLiteral("tr"), QStringLiteral("en")}));
        QTRY_VERIFY(!error->isVisible());
    }

    void offersToFollowAnAppliedPreferredLanguage()
    {
        open();
        QComboBox *language = qobject_cast<QComboBox *>(row(kLanguage)->editor());
        QVERIFY(language);
        language->setCurrentIndex(language->findData(QStringLiteral("tr")));
        QVERIFY(m_ui.window->apply());
        waitIdle();
        QCOMPARE(m_dev->settings(kUser).value(kLanguage).toString(), QStringLiteral("tr"));

        // Offered in the banner, not switched behind the user's back and not in a modal box.
        NoticeBanner *notice = m_ui.window->noticeBanner();
        QTRY_VERIFY(notice->isVisible());
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(notice->title(), QStringLiteral("Your Allmine language is now Türkçe"));
        QCOMPARE(notice->actionButton()->text(), QStringLiteral("Use Türkçe"));
        QCOMPARE(m_ui.window->uiLanguage(), QStringLiteral("en"));
        QCOMPARE(applyButton()->text(), QStringLiteral("Apply"));

        QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
        QCOMPARE(m_ui.window->uiLanguage(), QStringLiteral("tr"));
        QTRY_COMPARE(applyButton()->text(), QStringLiteral("Uygula"));
        QVERIFY(!notice->isVisible());
        QVERIFY(m_ui.window->findChild<QAction *>(QStringLiteral("language_tr"))->isChecked());
        QCOMPARE(LanguageManager::preferredLanguage(), QStringLiteral("tr"));

        // Back to English on the account while the window shows Turkish: offered in Turkish;
        // dismissing it keeps the window as it is.
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QVERIFY(m_ui.window->apply());
        waitIdle();
        QCOMPARE(languagesSent(QStringLiteral("PATCH")),
                 (QStringList{QStringLiteral("en"), QStringLiteral("tr")}));
        QTRY_VERIFY(notice->isVisible());
        QCOMPARE(notice->title(), QStringLiteral("Allmine diliniz artık English"));
        QCOMPARE(notice->actionButton()->text(), QStringLiteral("English kullan"));
        QTest::mouseClick(notice->dismissButton(), Qt::LeftButton);
        QVERIFY(!notice->isVisible());
        QCOMPARE(m_ui.window->uiLanguage(), QStringLiteral("tr"));

        // Applying a language the window already shows offers nothing.
        language->setCurrentIndex(language->findData(QStringLiteral("tr")));
        QVERIFY(m_ui.window->apply());
        waitIdle();
        QCOMPARE(m_dev->settings(kUser).value(kLanguage).toString(), QStringLiteral("tr"));
        QTest::qWait(50);
        QVERIFY(!notice->isVisible());
    }

    void anOfferGoesAwayWhenTheMenuSwitchesToIt()
    {
        open();
        QComboBox *language = qobject_cast<QComboBox *>(row(kLanguage)->editor());
        language->setCurrentIndex(language->findData(QStringLiteral("tr")));
        QVERIFY(m_ui.window->apply());
        waitIdle();
        QTRY_VERIFY(m_ui.window->noticeBanner()->isVisible());
        chooseLanguage(QStringLiteral("tr"));
        QVERIFY(!m_ui.window->noticeBanner()->isVisible());
        QTRY_COMPARE(applyButton()->text(), QStringLiteral("Uygula"));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
