// The real settings window, offscreen, against two real sandboxes: what the user sees and what
// the server receives.
#include "AccountPanel.h"
#include "ApplyBar.h"
#include "FieldRow.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "NoticeBanner.h"
#include "ProductionConfirmDialog.h"
#include "RequestLogDock.h"
#include "SandboxProcess.h"
#include "ServerBanner.h"
#include "SettingsForm.h"
#include "TestEnv.h"
#include "WindowTestKit.h"
#include "api/SettingsSession.h"
#include "auth/MemoryTokenStore.h"
#include "servers/AppSettings.h"
#include "servers/ServerRegistry.h"
#include "session/ServerContext.h"
#include "settings/FieldTable.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <memory>

using namespace kit;

namespace {
// Counts the times a widget is shown: a bar that flashes for one frame is still seen.
class ShowCounter : public QObject
{
public:
    explicit ShowCounter(QWidget *widget) { widget->installEventFilter(this); }
    int shows = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        shows += event->type() == QEvent::Show;
        return false;
    }
};

const QString kMaster = QStringLiteral("notifications");
const QString kLanguage = QStringLiteral("preferredLanguage");
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    std::unique_ptr<SandboxProcess> m_dev;   // "dev"
    std::unique_ptr<SandboxProcess> m_other; // "staging" and "prod"
    SandboxProcess::Tokens m_devTokens;
    SandboxProcess::Tokens m_otherTokens;
    std::unique_ptr<MemoryTokenStore> m_store;
    WindowDriver m_ui;

    // The window as the user starts it, once its settings are on screen.
    MainWindow *open(const QString &server) { return m_ui.openLoaded(server, m_store.get()); }
    void waitLoaded() const { m_ui.waitLoaded(); }
    void waitIdle() const { m_ui.waitIdle(); }
    FieldRow *row(const QString &key) const { return m_ui.row(key); }
    QCheckBox *box(const QString &key) const { return m_ui.box(key); }
    QPushButton *applyButton() const { return m_ui.applyButton(); }
    bool shownAsChanged(const QString &key) const { return m_ui.shownAsChanged(key); }
    void flip(const QString &key) const { m_ui.flip(key); }
    void choose(const QString &server) const { m_ui.choose(server); }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        m_dev = std::make_unique<SandboxProcess>();
        m_other = std::make_unique<SandboxProcess>();
        QVERIFY(m_dev->isRunning() && m_other->isRunning());
        m_devTokens = m_dev->mintToken(kUser);
        m_otherTokens = m_other->mintToken(kUser);
        QVERIFY(!m_devTokens.access.isEmpty() && !m_otherTokens.access.isEmpty());
        ServerRegistry registry;
        QCOMPARE(registry.set(QStringLiteral("dev"), m_dev->baseUrl()), QString());
        QCOMPARE(registry.set(QStringLiteral("prod"), m_other->baseUrl()), QString());
        QCOMPARE(registry.set(QStringLiteral("staging"), m_other->baseUrl()), QString());
    }

    void init()
    {
        for (SandboxProcess *sandbox : {m_dev.get(), m_other.get()}) {
            sandbox->reset();
            sandbox->setSettings(kUser, defaults());
        }
        // Tokens as a keychain would hold them, one set per origin (no real keychain in GUI tests).
        m_store = std::make_unique<MemoryTokenStore>();
        bool saved = false;
        m_store->save(ServerProfile::originOf(m_dev->baseUrl()), {m_devTokens.access, m_devTokens.refresh},
                      [](const TokenStore::Result &) {});
        m_store->save(ServerProfile::originOf(m_other->baseUrl()),
                      {m_otherTokens.access, m_otherTokens.refresh},
                      [&saved](const TokenStore::Result &) { saved = true; });
        QTRY_VERIFY(saved);
        MessageBox::clearNextAnswer();
    }

    void cleanup()
    {
        m_ui.window.reset();
        AppSettings::open()->remove(QStringLiteral("drafts"));
        MessageBox::clearNextAnswer();
    }

    void showsTheServerAndItsValues()
    {
        m_dev->setSettings(kUser, {{kFollow, false}});
        open(QStringLiteral("dev"));
        QVERIFY(m_ui.window->serverBanner()->headline()->text().startsWith(QStringLiteral("Development")));
        QVERIFY(m_ui.window->serverBanner()->headline()->text().contains(m_dev->baseUrl().authority()));
        QVERIFY(!box(kFollow)->isChecked());
        QVERIFY(box(kPayment)->isChecked());
        QVERIFY(!applyButton()->isEnabled());
        for (const FieldSpec &field : FieldTable::fields())
            QVERIFY2(!row(field.jsonKey())->revertButton()->isVisible(), field.key); // nothing to revert
        QTRY_VERIFY_WITH_TIMEOUT(
            m_ui.window->accountPanel()->statusLabel()->text().contains(QStringLiteral("Signed in")),
            kWaitMs);
        // One GET of the settings and one question about the sign-in, nothing else.
        QCOMPARE(m_dev->requests(QStringLiteral("GET"), QString::fromLatin1(SettingsSession::kPath)).size(),
                 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_dev->requests(QStringLiteral("GET"), QStringLiteral("/api/v1/auth/validate-token")).size(), 1,
            kWaitMs);
        QCOMPARE(m_dev->requests().size(), 2);
    }

    // It opens at the size that shows every field without scrolling, with the account line as it
    // reads on this start (the ALLMINE_TOKEN one runs to two lines).
    void opensShowingEveryField_data()
    {
        QTest::addColumn<bool>("environmentToken");
        QTest::addColumn<QString>("user");
        QTest::newRow("signed in") << false << QString();
        QTest::newRow("ALLMINE_TOKEN") << true << QString();
        // The sign-in check names the account after the settings came: the line takes two lines.
        QTest::newRow("a long account name")
            << true << QStringLiteral("very.long.quality.assurance.address@subdomain.example.com");
    }
    void opensShowingEveryField()
    {
        QFETCH(bool, environmentToken);
        QFETCH(QString, user);
        const QString token = user.isEmpty() ? m_devTokens.access : m_dev->mintToken(user).access;
        m_ui.openLoaded(QStringLiteral("dev"), m_store.get(), environmentToken ? token : QString());
        QCOMPARE(m_ui.window->current()->usesFixedToken(), environmentToken);
        auto *scroll = m_ui.window->findChild<QScrollArea *>();
        QVERIFY(scroll);
        if (!user.isEmpty()) {
            QLabel *account = m_ui.accountStatus();
            QTRY_VERIFY_WITH_TIMEOUT(account->text().contains(user), kWaitMs);
            settleLayouts();
            QVERIFY2(account->height() > 2 * account->fontMetrics().height() - 2,
                     qPrintable(account->text())); // wrapped, or this proves nothing
        }
        settleLayouts();
        QVERIFY(!scroll->verticalScrollBar()->isVisible());
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        const QRect shown = scroll->viewport()->rect();
        for (const FieldSpec &field : FieldTable::fields()) {
            const QWidget *editor = row(field.jsonKey())->editor();
            QVERIFY2(shown.contains(QRect(editor->mapTo(scroll->viewport(), QPoint()), editor->size())),
                     field.key);
        }
    }

    // Tab walks from the account line into the form, through it in the field table's order (each
    // toggle, then its Revert), and on to Revert all and Apply.
    void tabFollowsTheFieldTable()
    {
        open(QStringLiteral("dev"));
        const QList<FieldSpec> &fields = FieldTable::fields();
        QCOMPARE(m_ui.window->accountPanel()->focusChain().last()->nextInFocusChain(),
                 row(fields.first().jsonKey())->editor());
        for (int i = 0; i < fields.size(); ++i) {
            FieldRow *current = row(fields.at(i).jsonKey());
            QCOMPARE(current->editor()->nextInFocusChain(), current->revertButton());
            QWidget *next = i + 1 < fields.size()
                                ? row(fields.at(i + 1).jsonKey())->editor()
                                : static_cast<QWidget *>(m_ui.window->applyBar()->revertButton());
            QCOMPARE(current->revertButton()->nextInFocusChain(), next);
        }
        QCOMPARE(m_ui.window->applyBar()->revertButton()->nextInFocusChain(),
                 m_ui.window->applyBar()->applyButton());
    }

    void applySendsOnlyTheFlippedFieldsInOneRequest()
    {
        open(QStringLiteral("dev"));
        m_dev->reset();
        flip(kPayment);
        flip(kMessages);
        flip(kFollow);
        flip(kFollow); // back: not a change
        QVERIFY(shownAsChanged(kPayment));
        QVERIFY(shownAsChanged(kMessages));
        QVERIFY(!shownAsChanged(kFollow));
        QVERIFY(!row(kFollow)->marker()->isVisible());
        QCOMPARE(applyButton()->text(), QStringLiteral("Apply 2 changes to Development"));
        QVERIFY(applyButton()->isEnabled());

        QTest::keyClick(m_ui.window.get(), Qt::Key_S, Qt::ControlModifier);
        waitIdle();
        const QJsonArray all = m_dev->requests();
        QCOMPARE(all.size(), 1);
        QCOMPARE(m_dev->requests(QStringLiteral("PATCH")).size(), 1);
        QCOMPARE(bodyOf(all.first()), QJsonObject({{kPayment, false}, {kMessages, false}}));
        QVERIFY(!shownAsChanged(kPayment));
        QVERIFY(!box(kPayment)->isChecked());
        QVERIFY(!applyButton()->isEnabled());
        QCOMPARE(m_dev->settings().value(kPayment), QJsonValue(false));

        // Ctrl+Return applies too; one more request, only the new field.
        flip(kMessages);
        QTest::keyClick(m_ui.window.get(), Qt::Key_Return, Qt::ControlModifier);
        waitIdle();
        QCOMPARE(m_dev->requests(QStringLiteral("PATCH")).size(), 2);
        QCOMPARE(bodyOf(m_dev->requests(QStringLiteral("PATCH")).last()), QJsonObject({{kMessages, true}}));
    }

    void revertOneFieldAndAll()
    {
        open(QStringLiteral("dev"));
        flip(kPayment);
        flip(kMessages);
        flip(QStringLiteral("totalFundVisibility"));
        QCOMPARE(applyButton()->text(), QStringLiteral("Apply 3 changes to Development"));
        QTest::mouseClick(row(kPayment)->revertButton(), Qt::LeftButton);
        QVERIFY(box(kPayment)->isChecked());
        QVERIFY(!shownAsChanged(kPayment));
        QVERIFY(!row(kPayment)->revertButton()->isVisible()); // a Revert shows only where there is a change
        QCOMPARE(applyButton()->text(), QStringLiteral("Apply 2 changes to Development"));
        QTest::mouseClick(m_ui.window->applyBar()->revertButton(), Qt::LeftButton);
        QVERIFY(box(kMessages)->isChecked());
        QVERIFY(box(QStringLiteral("totalFundVisibility"))->isChecked());
        QVERIFY(!applyButton()->isEnabled());
        QVERIFY(m_ui.window->current()->model()->changedKeys().isEmpty());
        QCOMPARE(m_dev->requests(QStringLiteral("PATCH")).size(), 0);
    }

    void masterOffLeavesCategoriesVisiblyInactiveWithTheirValues()
    {
        m_dev->setSettings(kUser, {{kFollow, false}});
        open(QStringLiteral("dev"));
        flip(kMaster);
        QVERIFY(!box(kPayment)->isEnabled());
        QVERIFY(box(kPayment)->isChecked()); // own value still shown
        QVERIFY(!box(kFollow)->isChecked());
        // Said in words, not only greyed out: once under the master switch, and to assistive tools
        // and in the tooltip of each category.
        bool noteShown = false;
        for (QLabel *label : row(kMaster)->findChildren<QLabel *>())
            noteShown |=
                label->isVisible() && label->text().contains(QStringLiteral("5 settings below are inactive"));
        QVERIFY(noteShown);
        QVERIFY(box(kPayment)->accessibleDescription().contains(QStringLiteral("Inactive while")));
        QVERIFY(box(kPayment)->toolTip().contains(QStringLiteral("Inactive while")));
        flip(kMaster);
        QVERIFY(box(kPayment)->isEnabled());
        for (QLabel *label : row(kMaster)->findChildren<QLabel *>())
            QVERIFY(!label->isVisible() || !label->text().contains(QStringLiteral("below are inactive")));
    }

    void unknownLanguageStaysSelected()
    {
        m_dev->setSettings(kUser, {{kLanguage, QStringLiteral("de")}});
        open(QStringLiteral("dev"));
        auto *combo = qobject_cast<QComboBox *>(row(kLanguage)->editor());
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("de"));
        QVERIFY(combo->currentText().contains(QStringLiteral("de")));
        QVERIFY(combo->findText(QStringLiteral("Türkçe")) >= 0);
        QVERIFY(!m_ui.window->current()->model()->hasPending());
        combo->setCurrentIndex(combo->findData(QStringLiteral("tr")));
        QVERIFY(shownAsChangedCombo());
        QVERIFY(combo->findData(QStringLiteral("de")) >= 0); // can still go back
    }

    // By keyboard: the confirmation opens on Cancel, so Enter sends nothing; Shift+Tab to Apply
    // and Enter sends (it cancelled without a word, the focus ring on Apply notwithstanding).
    void productionConfirmationByKeyboard()
    {
        open(QStringLiteral("prod"));
        m_other->reset();
        flip(kPayment);
        const auto confirmWith = [this](bool toApply) {
            bool answered = false;
            bool asExpected = false;
            whenModal<ProductionConfirmDialog>(this, [&answered, &asExpected,
                                                      toApply](ProductionConfirmDialog *dialog) {
                const bool openedOnCancel = QApplication::focusWidget() == dialog->cancelButton();
                for (int i = 0; toApply && i < 5 && QApplication::focusWidget() != dialog->applyButton(); ++i)
                    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
                const bool onTheButton =
                    QApplication::focusWidget() == (toApply ? dialog->applyButton() : dialog->cancelButton());
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
                asExpected = openedOnCancel && onTheButton && !dialog->isVisible();
                if (dialog->isVisible())
                    dialog->reject(); // Enter did nothing: never left open to block the test
                answered = true;
            });
            m_ui.window->activateWindow(); // Ctrl+S is the window's shortcut: it must have the focus
            QVERIFY(QTest::qWaitForWindowActive(m_ui.window.get()));
            QTest::keyClick(m_ui.window.get(), Qt::Key_S, Qt::ControlModifier);
            QTRY_VERIFY_WITH_TIMEOUT(answered, kWaitMs);
            QVERIFY(asExpected);
        };
        confirmWith(false);
        QTest::qWait(200);
        QCOMPARE(m_other->requests(QStringLiteral("PATCH")).size(), 0);
        QVERIFY(shownAsChanged(kPayment));
        confirmWith(true);
        waitIdle();
        QCOMPARE(m_other->requests(QStringLiteral("PATCH")).size(), 1);
        QVERIFY(!shownAsChanged(kPayment));
    }

    void productionConfirmationListsChangesAndCancelSendsNothing()
    {
        open(QStringLiteral("prod"));
        QVERIFY(m_ui.window->serverBanner()->headline()->text().startsWith(QStringLiteral("PRODUCTION")));
        QVERIFY(m_ui.window->serverBanner()->detail()->text().contains(QStringLiteral("real users")));
        m_other->reset();
        flip(kPayment);
        QCOMPARE(applyButton()->text(), QStringLiteral("Apply 1 change to Production"));

        QString listed;
        bool cancelled = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ProductionConfirmDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            listed = dialog->changeList()->text();
            QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
            cancelled = true;
        });
        QTest::mouseClick(applyButton(), Qt::LeftButton);
        QVERIFY(cancelled);
        QVERIFY2(listed.contains(QStringLiteral("Payments: on → off")), qPrintable(listed));
        QTest::qWait(200);
        QCOMPARE(m_other->requests().size(), 0);
        QVERIFY(shownAsChanged(kPayment)); // still there to apply later

        // Confirmed with "Don't ask again until I quit": sent, and the next Apply does not ask.
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ProductionConfirmDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->findChild<QCheckBox *>(QStringLiteral("dontAskAgain"))->setChecked(true);
            QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        });
        QTest::mouseClick(applyButton(), Qt::LeftButton);
        waitIdle();
        QCOMPARE(m_other->requests(QStringLiteral("PATCH")).size(), 1);
        flip(kMessages);
        QVERIFY(m_ui.window->apply()); // no dialog: it would block here
        waitIdle();
        QCOMPARE(m_other->requests(QStringLiteral("PATCH")).size(), 2);

        // The banner says so while it lasts; Resume ends it, and the next Apply asks again.
        ServerBanner *banner = m_ui.window->serverBanner();
        QVERIFY(banner->pausedLabel()->isVisible());
        QVERIFY2(banner->pausedLabel()->text().startsWith(QStringLiteral("Confirmations are paused")),
                 qPrintable(banner->pausedLabel()->text()));
        QTest::mouseClick(banner->resumeButton(), Qt::LeftButton);
        QVERIFY(!banner->pausedLabel()->isVisible());
        QVERIFY(!banner->resumeButton()->isVisible());
        flip(kFollow);
        bool asked = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ProductionConfirmDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            asked = true;
            QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        });
        QTest::mouseClick(applyButton(), Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(m_other->requests(QStringLiteral("PATCH")).size(), 2);
    }

    void switchingWithUnsavedChangesAsks()
    {
        open(QStringLiteral("dev"));
        flip(kPayment);
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        choose(QStringLiteral("staging"));
        QCOMPARE(m_ui.window->current()->server().name, QStringLiteral("dev"));
        QCOMPARE(m_ui.window->serverBanner()->serverSwitch()->currentData().toString(),
                 QStringLiteral("dev"));
        QVERIFY(shownAsChanged(kPayment));

        MessageBox::setNextAnswer(QMessageBox::Apply);
        choose(QStringLiteral("staging"));
        QTRY_COMPARE(m_ui.window->current()->server().name, QStringLiteral("staging"));
        QCOMPARE(m_dev->requests(QStringLiteral("PATCH")).size(), 1);
        QCOMPARE(m_dev->settings().value(kPayment), QJsonValue(false));
        waitLoaded();
        QVERIFY(m_ui.window->serverBanner()->headline()->text().startsWith(QStringLiteral("staging")));
        QVERIFY(box(kPayment)->isChecked()); // staging's own value

        flip(kMessages);
        MessageBox::setNextAnswer(QMessageBox::Discard);
        choose(QStringLiteral("dev"));
        QCOMPARE(m_ui.window->current()->server().name, QStringLiteral("dev"));
        QCOMPARE(m_other->requests(QStringLiteral("PATCH")).size(), 0);
    }

    void lateAnswerFromTheOldServerIsDropped()
    {
        open(QStringLiteral("dev"));
        m_other->setSettings(kUser, {{kPayment, true}});
        m_dev->addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 1500}}));
        flip(kPayment);
        QVERIFY(m_ui.window->apply());
        QVERIFY(m_ui.window->current()->session()->isApplying());
        QVERIFY(m_ui.window->applyBar()->statusLabel()->text().contains(QStringLiteral("Applying")));
        QTest::qWait(300);                 // the PATCH is on the wire
        choose(QStringLiteral("staging")); // nothing unsent: the PATCH is on the wire
        QCOMPARE(m_ui.window->current()->server().name, QStringLiteral("staging"));
        waitLoaded();
        ServerContext *staging = m_ui.window->current();
        QTest::qWait(2500);                                           // past the slow answer
        QCOMPARE(m_dev->requests(QStringLiteral("PATCH")).size(), 1); // it did reach the old server
        QCOMPARE(staging->model()->value(kPayment), QJsonValue(true));
        QVERIFY(staging->model()->changedKeys().isEmpty());
        QVERIFY(box(kPayment)->isChecked());
        QVERIFY(!shownAsChanged(kPayment));
        QVERIFY(!m_ui.window->errorBanner()->isVisible());

        choose(QStringLiteral("dev")); // the edit is still there
        QCOMPARE(m_ui.window->current()->server().name, QStringLiteral("dev"));
        QVERIFY(shownAsChanged(kPayment));
        QVERIFY(!box(kPayment)->isChecked());
    }

    void errorKeepsTheEditsAndRetrySucceeds()
    {
        open(QStringLiteral("dev"));
        m_dev->reset();
        m_dev->addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), 500}}));
        flip(kPayment);
        flip(kMessages);
        QTest::mouseClick(applyButton(), Qt::LeftButton);
        QTRY_VERIFY(m_ui.window->errorBanner()->isVisible());
        const QString message = m_ui.window->errorBanner()->message();
        QVERIFY2(message.contains(QStringLiteral("Internal server error")), qPrintable(message));
        QVERIFY(m_ui.window->errorBanner()->title().contains(QStringLiteral("Could not apply")));
        QVERIFY(m_ui.window->errorBanner()->actionButton()->isVisible());
        QCOMPARE(m_ui.window->errorBanner()->actionButton()->text(), QStringLiteral("Retry"));
        QVERIFY(!box(kPayment)->isChecked());
        QVERIFY(!box(kMessages)->isChecked());
        QVERIFY(shownAsChanged(kPayment));
        QVERIFY(applyButton()->isEnabled());

        QTest::mouseClick(m_ui.window->errorBanner()->actionButton(), Qt::LeftButton);
        waitIdle();
        QVERIFY(!m_ui.window->errorBanner()->isVisible());
        QVERIFY(!shownAsChanged(kPayment));
        QCOMPARE(m_dev->requests(QStringLiteral("PATCH")).size(), 2);
        QCOMPARE(bodyOf(m_dev->requests(QStringLiteral("PATCH")).last()),
                 QJsonObject({{kPayment, false}, {kMessages, false}}));
    }

    // The busy bar is for a wait the user notices: a quick Apply never flashes it, a slow one
    // shows it until the server answers.
    void busyBarShowsOnlyWhileASlowServerWorks()
    {
        open(QStringLiteral("dev"));
        auto *bar = m_ui.window->findChild<QProgressBar *>(QStringLiteral("applyBusy"));
        QVERIFY(bar);
        const ShowCounter counter(bar);
        flip(kPayment);
        m_ui.clickApply();
        waitIdle();
        QVERIFY(!shownAsChanged(kPayment));
        QCOMPARE(counter.shows, 0);

        m_dev->addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 2000}}));
        flip(kMessages);
        m_ui.clickApply();
        QVERIFY(bar->isHidden());
        QTest::qWait(ApplyBar::kBusyDelayMs / 5); // the status line says "Applying…"
        QVERIFY(bar->isHidden());
        const QLabel *status = m_ui.window->applyBar()->statusLabel();
        const QPoint where = status->mapTo(m_ui.window.get(), QPoint());
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), ApplyBar::kBusyDelayMs * 3);
        QCOMPARE(status->mapTo(m_ui.window.get(), QPoint()), where); // the bar came into a kept place
        QVERIFY(m_ui.window->current()->session()->isApplying());
        waitIdle();
        QVERIFY(bar->isHidden());
        QVERIFY(!shownAsChanged(kMessages));
    }

    void editsDuringApplyWaitForTheNextOne()
    {
        open(QStringLiteral("dev"));
        m_dev->addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 800}}));
        flip(kPayment);
        QVERIFY(m_ui.window->apply());
        flip(kMessages); // the window stays usable
        QVERIFY(box(kMessages)->isEnabled());
        waitIdle();
        QVERIFY(shownAsChanged(kMessages));
        QVERIFY(!shownAsChanged(kPayment));
        QCOMPARE(applyButton()->text(), QStringLiteral("Apply 1 change to Development"));
    }

    void unsentEditsAreOfferedBackAfterAKill()
    {
        open(QStringLiteral("dev"));
        flip(kPayment);
        m_ui.window.reset(); // as if killed: no close event
        open(QStringLiteral("dev"));
        QTRY_VERIFY(m_ui.window->noticeBanner()->isVisible());
        QVERIFY(box(kPayment)->isChecked());
        QTest::mouseClick(m_ui.window->noticeBanner()->actionButton(), Qt::LeftButton);
        QVERIFY(shownAsChanged(kPayment));
        QVERIFY(!m_ui.window->noticeBanner()->isVisible());
    }

    // Editing a server's settings in Servers… starts that server afresh (no token follows an
    // edited address), but the user's unsent edits come along.
    void unsentEditsSurviveEditingTheServer()
    {
        open(QStringLiteral("dev"));
        flip(kPayment);
        const QString ca = m_env.home() + QStringLiteral("/private-ca.pem");
        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), m_dev->baseUrl(), ca), QString());
        MessageBox::setNextAnswer(QDialog::Accepted);
        m_ui.window->findChild<QAction *>(QStringLiteral("serversAction"))->trigger();
        waitLoaded();
        QTRY_VERIFY(shownAsChanged(kPayment));
        QVERIFY(!box(kPayment)->isChecked());
        QCOMPARE(m_ui.window->current()->server().caFile, ca);
        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), m_dev->baseUrl()), QString());
    }

    // Closing while the Apply is on the wire waits for the server's answer instead of aborting it.
    void closingDuringApplyWaitsForTheAnswer()
    {
        open(QStringLiteral("dev"));
        flip(kPayment);
        m_dev->addFault(
            {{QStringLiteral("fault"), QStringLiteral("slow")}, {QStringLiteral("delayMs"), 600}});
        QVERIFY(m_ui.window->apply());
        QVERIFY(!m_ui.window->close()); // still open while the server works
        QVERIFY(m_ui.window->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui.window->isVisible(), 10000);
        QCOMPARE(m_dev->settings(kUser).value(kPayment), QJsonValue(false));
    }

    void closingWithUnsavedChangesAsks()
    {
        open(QStringLiteral("dev"));
        flip(kPayment);
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!m_ui.window->close());
        QVERIFY(m_ui.window->isVisible());
        MessageBox::setNextAnswer(QMessageBox::Apply);
        m_ui.window->close();
        QTRY_VERIFY(!m_ui.window->isVisible());
        QCOMPARE(m_dev->requests(QStringLiteral("PATCH")).size(), 1);
    }

    // Unsent edits are kept as a draft once the user pauses; an app that ends before then (a
    // screenshot run ends without tearing its window down) writes it first, so nothing is lost.
    void aWaitingDraftIsWrittenBeforeTheAppEnds()
    {
        open(QStringLiteral("dev"));
        const auto drafts = [] {
            const auto settings = AppSettings::open();
            settings->beginGroup(QStringLiteral("drafts"));
            QString values;
            for (const QString &key : settings->allKeys())
                values += settings->value(key).toString();
            return values;
        };
        flip(kPayment);
        QVERIFY(!drafts().contains(kPayment)); // not yet: the user may still be editing
        m_ui.window->finishPendingWrites();
        QVERIFY2(drafts().contains(kPayment), qPrintable(drafts()));
    }

    // The window opens tall enough for the "Unsent changes from last time" notice; once the user
    // answers it, the window gives that room back instead of leaving a gap above the Apply bar. A
    // size the user chose stays as it is.
    void aNoticeThatGoesGivesItsRoomBack_data()
    {
        QTest::addColumn<bool>("userResized");
        QTest::newRow("the window's own size") << false;
        QTest::newRow("the user's size") << true;
    }
    void aNoticeThatGoesGivesItsRoomBack()
    {
        QFETCH(bool, userResized);
        open(QStringLiteral("dev"));
        const int plain = m_ui.window->height();
        flip(kPayment);
        m_ui.window->finishPendingWrites(); // the draft a next start offers
        m_ui.window.reset();
        open(QStringLiteral("dev"));
        NoticeBanner *notice = m_ui.window->noticeBanner();
        QTRY_VERIFY(notice->isVisible());
        settleLayouts();
        QVERIFY2(m_ui.window->height() > plain, qPrintable(QString::number(m_ui.window->height())));
        if (userResized) {
            m_ui.window->resize(m_ui.window->width() + 40, m_ui.window->height() + 20);
            settleLayouts();
        }
        const QSize before = m_ui.window->size();
        notice->dismissButton()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(notice->dismissButton(), Qt::Key_Space);
        QTRY_VERIFY(!notice->isVisible());
        settleLayouts();
        if (userResized)
            QCOMPARE(m_ui.window->size(), before);
        else
            QCOMPARE(m_ui.window->height(), plain);
    }

    // Another account signs in on the same server: its own settings are shown, and the previous
    // account's unsent edit is kept as that account's draft rather than applied to the new one.
    void anotherAccountSeesItsOwnSettings()
    {
        open(QStringLiteral("dev"));
        flip(kPayment); // unsent, belongs to the first account
        const QString other = QStringLiteral("other@example.com");
        m_dev->setSettings(other, {{kMessages, false}});
        const SandboxProcess::Tokens tokens = m_dev->mintToken(other);
        m_ui.window->current()->account()->signIn({tokens.access, tokens.refresh});
        QTRY_VERIFY(!box(kMessages)->isChecked()); // the new account's value
        QVERIFY(box(kPayment)->isChecked());       // its own, not the other account's edit
        QVERIFY(!m_ui.window->current()->model()->hasPending());
        QVERIFY(!applyButton()->isEnabled());
    }

    // ALLMINE_TOKEN is for the server the window was started on: switching to another server
    // (here Production, served by the other sandbox) never sends it there.
    void environmentTokenStaysWithTheStartServer()
    {
        MainWindow::Options options;
        options.server = QStringLiteral("dev");
        options.fixedToken = m_devTokens.access;
        options.tokenStore = m_store.get();
        m_ui.window = std::make_unique<MainWindow>(options);
        m_ui.window->show();
        waitLoaded();
        QVERIFY(m_ui.window->current()->usesFixedToken());
        m_other->reset();
        choose(QStringLiteral("prod"));
        QTRY_VERIFY(m_ui.window->current()->server().isProduction());
        QVERIFY(!m_ui.window->current()->usesFixedToken());
        QTest::qWait(200);
        for (const QString &authorization :
             SandboxProcess::headerOf(m_other->requests(), QStringLiteral("authorization")))
            QVERIFY(!authorization.contains(m_devTokens.access));
    }

    void requestLogShowsExchangesWithoutTheToken()
    {
        open(QStringLiteral("dev"));
        // Hidden by default; View → Request log (Ctrl+L) shows it and hides it again.
        auto *viewAction = m_ui.window->findChild<QAction *>(QStringLiteral("requestLogAction"));
        QVERIFY(viewAction);
        QVERIFY(!viewAction->isChecked());
        viewAction->trigger();
        QVERIFY(m_ui.window->requestLog()->isVisible());
        viewAction->trigger();
        QVERIFY(!m_ui.window->requestLog()->isVisible());
        m_ui.window->requestLog()
            ->toggleViewAction()
            ->trigger(); // the dock's own close/open keeps the menu in step
        QVERIFY(m_ui.window->requestLog()->isVisible());
        QVERIFY(viewAction->isChecked());
        QTableView *table = m_ui.window->requestLog()->table();
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2,
                                  kWaitMs); // the settings and the sign-in check
        table->selectRow(0);
        const QString curl = m_ui.window->requestLog()->selectedAsCurl();
        QVERIFY(curl.contains(QStringLiteral("$ALLMINE_TOKEN")));
        QVERIFY(!curl.contains(m_devTokens.access));
        QVERIFY(!m_ui.window->requestLog()->findChild<QWidget *>()->grab().isNull());
    }

private:
    bool shownAsChangedCombo() const
    {
        return row(kLanguage)->marker()->isVisible() && row(kLanguage)->revertButton()->isVisible() &&
               row(kLanguage)->revertButton()->isEnabled();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
