// The main window by keyboard and mouse, as a new user and QA try it, against real sandboxes:
// Tab reaches every control once per round; a first start without an address says what to do;
// switching servers can keep the edits for later; closing during an Apply says so; the request
// log can export what it has; the window comes back where it was; Help → About; the Account menu.
#include "AboutDialog.h"
#include "RequestLogDock.h"
#include "ServersDialog.h"
#include "WindowTestKit.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTableView>

using namespace kit;

namespace {
const QString kFirstLaunch = QStringLiteral("firstLaunchSaysWhatToDo");

QWidget *focused()
{
    return QApplication::focusWidget();
}

QString nameOf(const QWidget *widget)
{
    if (!widget)
        return QStringLiteral("(nothing)");
    const QWidget *row = widget->parentWidget();
    return QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') + widget->objectName() +
           QLatin1Char('@') + (row ? row->objectName() : QString());
}
} // namespace

class TestWindowTraps : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    TwoServers m_servers; // "dev" and "staging"
    SandboxProcess::Tokens m_devTokens;
    SandboxProcess::Tokens m_otherTokens;
    WindowDriver m_ui;

    MainWindow *window() const { return m_ui.window.get(); }
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const
    {
        pressIn(window(), key, modifiers);
    }
    // Signed in to Development with its settings on screen.
    void openSignedIn(const MainWindow::Options &extra = {})
    {
        QVERIFY(seed(*m_servers.store, m_servers.dev->baseUrl(), {m_devTokens.access, m_devTokens.refresh}));
        QVERIFY(seed(*m_servers.store, m_servers.other->baseUrl(),
                     {m_otherTokens.access, m_otherTokens.refresh}));
        MainWindow::Options options = extra;
        options.server = QStringLiteral("dev");
        options.tokenStore = m_servers.store.get();
        m_ui.open(options);
        m_ui.waitLoaded();
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
    }
    // What Tab should reach, in order: each control the user can use now, once.
    QList<QWidget *> tabStops() const
    {
        QList<QWidget *> stops = {
            window()->serverBanner()->serverSwitch(),
            window()->serverBanner()->findChild<QPushButton *>(QStringLiteral("manageServers"))};
        const auto usable = [](QWidget *widget) { return widget->isVisible() && widget->isEnabled(); };
        for (QWidget *widget : window()->accountPanel()->focusChain()) {
            if (usable(widget))
                stops << widget;
        }
        for (const FieldSpec &field : FieldTable::fields()) {
            FieldRow *row = m_ui.row(field.jsonKey());
            for (QWidget *widget : {row->editor(), static_cast<QWidget *>(row->revertButton())}) {
                if (usable(widget))
                    stops << widget;
            }
        }
        for (QWidget *widget : {window()->applyBar()->revertButton(), window()->applyBar()->applyButton()}) {
            if (usable(widget))
                stops << widget;
        }
        return stops;
    }
    // The widgets Tab (or Shift+Tab) lands on, `count` presses from the focus now.
    QList<QWidget *> walk(int count, Qt::KeyboardModifiers modifiers)
    {
        QList<QWidget *> seen;
        for (int i = 0; i < count; ++i) {
            press(Qt::Key_Tab, modifiers);
            seen << focused();
        }
        return seen;
    }
    // The open menu's action that reads `text` (with its mnemonic), triggered by its key.
    void pickFromMenu(Qt::Key menuKey, Qt::Key itemKey)
    {
        window()->activateWindow(); // back from a dialog
        QVERIFY(QTest::qWaitForWindowActive(window()));
        press(menuKey, Qt::AltModifier);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        QTest::keyClick(QApplication::activePopupWidget(), itemKey);
    }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        m_servers.start();
        m_devTokens = m_servers.dev->mintToken(kUser);
        m_otherTokens = m_servers.other->mintToken(kUser);
        QVERIFY(!m_devTokens.access.isEmpty() && !m_otherTokens.access.isEmpty());
    }

    void init()
    {
        m_servers.fresh();
        ServerRegistry registry;
        if (QLatin1String(QTest::currentTestFunction()) == kFirstLaunch) {
            AppSettings::open()->remove(QStringLiteral("servers")); // as on a first start
        } else {
            QCOMPARE(registry.set(QStringLiteral("dev"), m_servers.dev->baseUrl()), QString());
            QCOMPARE(registry.set(QStringLiteral("staging"), m_servers.other->baseUrl()), QString());
        }
    }

    void cleanup()
    {
        m_servers.finish(m_ui);
        AppSettings::open()->remove(QStringLiteral("window"));
    }

    // No address anywhere: nothing pretends to be checked or loaded, and the window says what to do.
    void firstLaunchSaysWhatToDo()
    {
        m_ui.open(QStringLiteral("dev"), m_servers.store.get());
        QTRY_VERIFY(window()->hasSettled());
        QTest::qWait(300); // a keychain answer, if one were coming
        const QString account = m_ui.accountStatus()->text();
        QVERIFY2(!account.contains(QStringLiteral("Checking")), qPrintable(account));
        QVERIFY2(account.contains(QStringLiteral("No address")), qPrintable(account));
        // No values: neither on nor off, no language chosen (defaults would read as the user's).
        for (const FieldSpec &field : FieldTable::fields()) {
            QWidget *editor = m_ui.row(field.jsonKey())->editor();
            if (auto *box = qobject_cast<QCheckBox *>(editor))
                QVERIFY2(box->checkState() == Qt::PartiallyChecked, field.key);
            else
                QVERIFY2(qobject_cast<QComboBox *>(editor)->currentIndex() == -1, field.key);
            QVERIFY2(!editor->isEnabled(), field.key);
        }
        NoticeBanner *notice = window()->noticeBanner();
        QVERIFY(notice->isVisible());
        QCOMPARE(notice->title(), QStringLiteral("Welcome to Allmine Settings"));
        QVERIFY2(notice->message().contains(QStringLiteral("Servers…")), qPrintable(notice->message()));
        // Words for the user, not for a developer with the source at hand.
        QVERIFY2(!notice->message().contains(QStringLiteral("scripts/")), qPrintable(notice->message()));
        QCOMPARE(notice->actionButton()->text(), QStringLiteral("Servers…"));
        QVERIFY(!m_ui.errorBanner()->isVisible()); // a welcome, not an error

        // Its button opens the servers dialog.
        bool opened = false;
        whenModal<ServersDialog>(this, [&opened](ServersDialog *dialog) {
            opened = true;
            dialog->reject();
        });
        notice->actionButton()->setFocus();
        QTest::keyClick(notice->actionButton(), Qt::Key_Space);
        QTRY_VERIFY(opened);
    }

    // Tab and Shift+Tab go round every control once, and round again: no control left behind after
    // the first round, no stop on something that does nothing.
    void tabGoesRoundEveryControl_data()
    {
        QTest::addColumn<bool>("changed");
        QTest::newRow("nothing changed") << false;
        QTest::newRow("every field changed") << true;
    }
    void tabGoesRoundEveryControl()
    {
        QFETCH(bool, changed);
        openSignedIn();
        if (changed) {
            // Every field that is not a master switch (turning one off would grey its dependants).
            for (const FieldSpec &field : FieldTable::fields()) {
                QWidget *editor = m_ui.row(field.jsonKey())->editor();
                const bool master = std::any_of(FieldTable::fields().cbegin(), FieldTable::fields().cend(),
                                                [&field](const FieldSpec &other) {
                                                    return other.parentKey &&
                                                           field.jsonKey() == QLatin1String(other.parentKey);
                                                });
                if (master)
                    continue;
                editor->setFocus();
                QTest::keyClick(editor, qobject_cast<QComboBox *>(editor) ? Qt::Key_Down : Qt::Key_Space);
            }
            QVERIFY(m_ui.applyButton()->isEnabled());
        }
        settleLayouts();
        const QList<QWidget *> stops = tabStops();
        QList<QWidget *> again = stops.mid(1);
        again << stops.first();
        window()->serverBanner()->serverSwitch()->setFocus(Qt::TabFocusReason);
        QCOMPARE(focused(), stops.first());

        const QList<QWidget *> forward = walk(int(stops.size()) * 2, Qt::NoModifier);
        QStringList expected;
        QStringList seen;
        for (int i = 0; i < forward.size(); ++i) {
            expected << nameOf(again.at(i % again.size()));
            seen << nameOf(forward.at(i));
        }
        QCOMPARE(seen, expected);

        QList<QWidget *> backwards = stops;
        std::reverse(backwards.begin(), backwards.end());
        backwards.removeLast();
        backwards.prepend(stops.first());
        const QList<QWidget *> back = walk(int(stops.size()) * 2, Qt::ShiftModifier);
        expected.clear();
        seen.clear();
        for (int i = 0; i < back.size(); ++i) {
            expected << nameOf(backwards.at((i + 1) % backwards.size()));
            seen << nameOf(back.at(i));
        }
        QCOMPARE(seen, expected);
    }

    // Switching with unsaved edits can keep them for later: they are there on the way back, and
    // nothing was sent. The switch keeps showing the current server while the question is open.
    void keepForLaterBringsTheEditsBack()
    {
        openSignedIn();
        m_ui.flip(kPayment);
        QComboBox *serverSwitch = window()->serverBanner()->serverSwitch();
        QString shownWhileAsking;
        bool asked = false;
        whenModal<QMessageBox>(this, [&](QMessageBox *box) {
            asked = true;
            shownWhileAsking = serverSwitch->currentData().toString();
            QPushButton *keep = buttonNamed(box, QStringLiteral("Keep for later"));
            if (keep)
                keep->click();
            else
                box->reject();
        });
        serverSwitch->setFocus();
        QTest::keyClick(serverSwitch, Qt::Key_S); // "staging", by its first letter
        QVERIFY(asked);
        QCOMPARE(shownWhileAsking, QStringLiteral("dev"));
        QTRY_COMPARE(m_ui.current()->server().name, QStringLiteral("staging"));
        QCOMPARE(serverSwitch->currentData().toString(), QStringLiteral("staging"));
        m_ui.waitLoaded();
        QVERIFY(!m_ui.shownAsChanged(kPayment)); // staging has its own, unchanged

        QTest::qWait(QApplication::keyboardInputInterval() + 100); // a new search, not "sd"
        QTest::keyClick(serverSwitch, Qt::Key_D);                  // back to Development: nothing to ask
        QTRY_COMPARE(m_ui.current()->server().name, QStringLiteral("dev"));
        QVERIFY(m_ui.shownAsChanged(kPayment));
        QCOMPARE(m_ui.applyButton()->text(), QStringLiteral("Apply 1 change to Development"));
        QCOMPARE(
            countOf(*m_servers.dev, QStringLiteral("PATCH"), QString::fromLatin1(SettingsSession::kPath)), 0);
    }

    // Closing while the Apply is on the wire says the window will close once the server answers,
    // and Cancel keeps it open.
    void closingDuringApplySaysSo()
    {
        openSignedIn();
        m_ui.flip(kPayment);
        m_servers.dev->addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 1500}}));
        press(Qt::Key_S, Qt::ControlModifier); // Apply
        QVERIFY(m_ui.current()->session()->isApplying());
        pickFromMenu(Qt::Key_F, Qt::Key_Q); // File → Quit
        QVERIFY(window()->isVisible());
        NoticeBanner *notice = window()->noticeBanner();
        QVERIFY(notice->isVisible());
        QCOMPARE(notice->title(), QStringLiteral("Closing once the server answers…"));
        QCOMPARE(notice->actionButton()->text(), QStringLiteral("Cancel"));
        QTRY_VERIFY(notice->actionButton()->hasFocus()); // the answer to Quit has the focus
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(!notice->isVisible());
        m_ui.waitIdle();
        QTest::qWait(100);
        QVERIFY(window()->isVisible()); // it stays: the user changed their mind
        QCOMPARE(m_servers.dev->settings(kUser).value(kPayment), QJsonValue(false));

        // Asked again, it closes once the answer is in.
        m_ui.flip(kPayment);
        m_servers.dev->addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 800}}));
        press(Qt::Key_S, Qt::ControlModifier);
        pickFromMenu(Qt::Key_F, Qt::Key_Q);
        QVERIFY(notice->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!window()->isVisible(), kWaitMs);
        QCOMPARE(m_servers.dev->settings(kUser).value(kPayment), QJsonValue(true));
    }

    // Opened after requests were made, the log exports them: Export…, a file name, Save.
    void requestLogExportsWhatItHas()
    {
        openSignedIn();
        press(Qt::Key_L, Qt::ControlModifier);
        RequestLogDock *log = window()->requestLog();
        QVERIFY(log->isVisible());
        const int rows = log->table()->model()->rowCount();
        QVERIFY(rows > 0);
        QVERIFY(log->exportButton()->isEnabled());
        const QString file = m_env.home() + QStringLiteral("/requests.json");
        const int pickers = whileModal<QFileDialog>(
            this, [log] { QTest::mouseClick(log->exportButton(), Qt::LeftButton); },
            [&file, handled = 0](QFileDialog *picker) mutable {
                // The name pasted whole (typed, the dialog's completer pops up and takes the
                // Enter), then Save clicked. A picker still open after that is closed, failing.
                auto *name = picker->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                auto *buttons = picker->findChild<QDialogButtonBox *>();
                QPushButton *save = buttons ? buttons->button(QDialogButtonBox::Save) : nullptr;
                if (!name || !save || handled++ > 0)
                    return picker->reject();
                name->setText(file);
                QTest::mouseClick(save, Qt::LeftButton);
            });
        QCOMPARE(pickers, 1);
        QFile saved(file);
        QVERIFY2(saved.open(QIODevice::ReadOnly), qPrintable(file));
        const QJsonArray requests =
            QJsonDocument::fromJson(saved.readAll()).object().value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), rows);
    }

    // Size, position and the open request log come back at the next start.
    void windowComesBackWhereItWas()
    {
        MainWindow::Options options;
        options.rememberPlacement = true;
        openSignedIn(options);
        const QSize size(640, 480);
        const QPoint position(30, 40);
        window()->resize(size);
        window()->move(position);
        press(Qt::Key_L, Qt::ControlModifier);
        QVERIFY(window()->requestLog()->isVisible());
        settleLayouts();
        pickFromMenu(Qt::Key_F, Qt::Key_Q);
        QTRY_VERIFY(!window()->isVisible());
        m_ui.close();

        openSignedIn(options);
        QCOMPARE(window()->size(), size);
        QCOMPARE(window()->pos(), position);
        QVERIFY(window()->requestLog()->isVisible());
        QVERIFY(window()->findChild<QAction *>(QStringLiteral("requestLogAction"))->isChecked());
        settleLayouts();
        QTest::qWait(200); // the first load settles: the window keeps the user's size
        QCOMPARE(window()->size(), size);
    }

    // Help → About, by keyboard: the version, Qt and QtKeychain, the licence, where things are kept.
    void aboutSaysWhatAndWhere()
    {
        openSignedIn();
        QString summary;
        QString licence;
        bool shown = false;
        whenModal<AboutDialog>(this, [&](AboutDialog *dialog) {
            shown = true;
            summary = dialog->summary()->text();
            licence = dialog->licence()->toPlainText();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        pickFromMenu(Qt::Key_H, Qt::Key_A);
        QTRY_VERIFY(shown);
        QVERIFY(!QApplication::activeModalWidget()); // Escape closed it
        QVERIFY2(summary.contains(QStringLiteral(ALLMINE_VERSION)), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("QtKeychain")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("MIT License")), qPrintable(summary));
        QVERIFY2(summary.contains(AppSettings::open()->fileName().toHtmlEscaped()), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("keychain")), qPrintable(summary));
        QVERIFY(licence.startsWith(QStringLiteral("MIT License")));
        QVERIFY(licence.contains(QStringLiteral("Permission is hereby granted")));
        // Paragraphs, wrapped by the dialog: not the file's terminal-width lines wrapped again.
        QVERIFY2(licence.contains(QStringLiteral("to any person obtaining a copy of this software")),
                 qPrintable(licence));
        QVERIFY(licence.count(QStringLiteral("\n\n")) >= 2);
    }

    // Account → Sign in… and Account → Sign out, by keyboard.
    void accountMenuSignsInAndOut()
    {
        m_ui.open(QStringLiteral("dev"), m_servers.store.get());
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.window->accountPanel()->signInButton()->isVisible(), kWaitMs);
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        auto *signIn = window()->findChild<QAction *>(QStringLiteral("signInAction"));
        auto *signOut = window()->findChild<QAction *>(QStringLiteral("signOutAction"));
        QVERIFY(signIn && signOut);
        QVERIFY(signIn->isEnabled());
        QVERIFY(!signOut->isEnabled());

        bool done = false;
        whenModal<SignInDialog>(this, [&done](SignInDialog *dialog) {
            done = signin::sendCode(dialog, kUser) && signin::verify(dialog) && !dialog->isVisible();
            if (dialog->isVisible())
                dialog->reject();
        });
        pickFromMenu(Qt::Key_A, Qt::Key_I);
        QTRY_VERIFY_WITH_TIMEOUT(done, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_ui.current()->account()->isSignedIn() && !m_ui.current()->account()->isSaving(), kWaitMs);
        m_ui.waitLoaded();
        QVERIFY(!signIn->isEnabled());
        QVERIFY(signOut->isEnabled());

        pickFromMenu(Qt::Key_A, Qt::Key_O);
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui.current()->account()->isSignedIn(), kWaitMs);
        QTRY_COMPARE(m_ui.accountStatus()->text(), QStringLiteral("Not signed in to Development."));
        QVERIFY(signIn->isEnabled());
    }
};

QTEST_MAIN(TestWindowTraps)
#include "tst_windowtraps.moc"
