// Compare with…, Export settings… and Import settings… in the real window, offscreen, against two
// real sandboxes ("dev" and "staging"): the user opens them from the menus or the shortcut,
// picks servers and files in the dialogs by keyboard, and sees the other server's values (or a
// file's) become edits that only Apply sends, in one PATCH, with Production's confirmation.
#include "CompareDialog.h"
#include "ProductionConfirmDialog.h"
#include "SettingsTransfer.h"
#include "WindowTestKit.h"
#include "settings/SettingsFile.h"

#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace kit;

namespace {
const QString kLanguage = QStringLiteral("preferredLanguage");
enum Column
{
    Label,
    Here,
    There,
    Mark
};

// "2 change(s)" as English shows it once its plural forms are compiled ("2 changes"); the tests
// use counts of two, which read the same either way.
QString plural(QString text)
{
    return text.replace(QStringLiteral("(s)"), QStringLiteral("s"));
}
} // namespace

class TestCompareWindow : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    TwoServers m_servers; // "dev" and "staging"
    WindowDriver m_ui;
    QTemporaryDir m_files;

    MainWindow *window() const { return m_ui.window.get(); }
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        pressIn(window(), key, modifiers);
    }
    // Alt+menu key opens the menu; the item's mnemonic triggers it.
    void pickFromMenu(Qt::Key menuKey, Qt::Key itemKey)
    {
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        press(menuKey, Qt::AltModifier);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        QTest::keyClick(QApplication::activePopupWidget(), itemKey);
    }
    // Runs `steps` inside the Compare dialog, opened with `open`; closes it if `steps` did not.
    void withCompare(const std::function<void()> &open, const std::function<void(CompareDialog *)> &steps)
    {
        bool ran = false;
        const QPointer<QTimer> watch = whenModal<CompareDialog>(this, [&ran, steps](CompareDialog *dialog) {
            steps(dialog);
            ran = true;
            if (dialog->isVisible())
                dialog->reject();
        });
        open();
        delete watch.data();
        QVERIFY2(ran, "the Compare dialog did not open");
    }
    void compareByShortcut(const std::function<void(CompareDialog *)> &steps)
    {
        withCompare([this] { press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier); }, steps);
    }
    static bool compared(CompareDialog *dialog) { return !dialog->table()->item(0, There)->text().isEmpty(); }
    // The rows marked "Differs" (in bold), by field key; a row marked by only one of them is named
    // as such, so the caller's compare fails.
    static QStringList markedRows(CompareDialog *dialog)
    {
        QStringList keys;
        for (int row = 0; row < dialog->table()->rowCount(); ++row) {
            const QTableWidgetItem *mark = dialog->table()->item(row, Mark);
            const bool bold = dialog->table()->item(row, Label)->font().bold();
            if (bold != (mark->text() == QLatin1String("Differs")))
                keys << QStringLiteral("row %1 marked by text or by bold only").arg(row); // fails the compare
            else if (bold)
                keys << mark->data(Qt::UserRole).toString();
        }
        return keys;
    }
    // Types `path` into the file dialog the window opens and presses Enter; the message box that
    // follows is read and closed with Enter. Returns its text.
    QString throughFileDialog(const std::function<void()> &open, const QString &path)
    {
        QString message;
        bool chose = false;
        const QPointer<QTimer> files = whenModal<QFileDialog>(this, [&chose, path](QFileDialog *dialog) {
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            // Qt's completion pop-up comes and goes with the folder listing, which a busy machine
            // delivers at any time: without it, typing the path and Enter is what a person does.
            // The dialog may clear the name while it reads the folder: typed again then.
            name->setCompleter(nullptr);
            for (int press = 0; press < 20 && dialog->isVisible(); ++press) {
                QWidget *popup = QApplication::activePopupWidget();
                if (!popup && name->text() != path) {
                    name->setFocus();
                    name->selectAll();
                    QTest::keyClicks(name, path);
                }
                QTest::keyClick(popup ? popup : name, Qt::Key_Return);
                QTest::qWait(100);
            }
            if (dialog->isVisible())
                qWarning() << "the file dialog stayed open with" << name->text();
            chose = !dialog->isVisible();
            if (!chose)
                dialog->reject();
        });
        const QPointer<QTimer> box = whenModal<QMessageBox>(this, [&message](QMessageBox *dialog) {
            message = dialog->text();
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        open();
        if (!QTest::qWaitFor([&message] { return !message.isEmpty(); }, kWaitMs))
            qWarning("no message box followed");
        delete files.data();
        delete box.data();
        if (!chose)
            qWarning("the file dialog did not open");
        return chose ? message : QString();
    }
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qWarning() << "cannot write" << path;
        return path;
    }
    // Opens `server` (on the "staging" sandbox) with Development's Payments off, compares it with
    // Development and takes that value with Enter: it is an edit here, nothing sent yet.
    void useDevelopmentsPaymentOn(const QString &server)
    {
        QVERIFY(m_servers.signInBoth());
        m_servers.dev->setSettings(kUser, {{kPayment, false}});
        m_ui.openLoaded(server, m_servers.store.get());
        m_servers.other->reset();
        compareByShortcut([&](CompareDialog *dialog) {
            QCOMPARE(dialog->serverChoice()->currentText(), QStringLiteral("Development"));
            QTRY_VERIFY_WITH_TIMEOUT(compared(dialog), kWaitMs);
            QCOMPARE(markedRows(dialog), QStringList{kPayment});
            QTest::keyClick(dialog, Qt::Key_Return); // "Use these values" is the default button
        });
        QVERIFY(m_ui.shownAsChanged(kPayment));
        QCOMPARE(countOf(*m_servers.other, QStringLiteral("PATCH"), QStringLiteral("/api/")), 0);
    }
    QString importByMenu(const QString &path)
    {
        return throughFileDialog([this] { pickFromMenu(Qt::Key_F, Qt::Key_I); }, path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        m_servers.start();
        QVERIFY(m_files.isValid());
    }

    void init() { m_servers.fresh(); }

    void cleanup()
    {
        m_servers.finish(m_ui);
        AppSettings::open()->remove(QStringLiteral("servers/prod"));
    }

    // Ctrl+Shift+D, staging chosen: the two rows that differ say "Differs" in bold, the others
    // do not; "Use these values" makes them edits here, nothing is sent until Apply, and Apply
    // sends exactly those two fields to Development in one PATCH.
    void compareMarksDifferencesAndApplySendsThemOnce()
    {
        QVERIFY(m_servers.signInBoth());
        m_servers.other->setSettings(kUser, {{kMessages, false}, {kLanguage, QStringLiteral("tr")}});
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_servers.dev->reset();

        QStringList marked;
        QString noAddress;
        QString status;
        compareByShortcut([&](CompareDialog *dialog) {
            QComboBox *choice = dialog->serverChoice();
            QCOMPARE(choice->currentText(), QStringLiteral("staging")); // the first with an address
            QVERIFY(choice->hasFocus());
            QTest::keyClick(choice, Qt::Key_Up); // Production: no address in this test
            QTRY_VERIFY(dialog->statusLabel()->text().contains(QStringLiteral("has no address")));
            noAddress = dialog->statusLabel()->text();
            QVERIFY(!dialog->useButton()->isEnabled());
            QTest::keyClick(choice, Qt::Key_Down);
            QCOMPARE(choice->currentText(), QStringLiteral("staging"));
            QTRY_VERIFY_WITH_TIMEOUT(compared(dialog), kWaitMs);
            marked = markedRows(dialog);
            status = dialog->statusLabel()->text();
            QVERIFY(dialog->useButton()->isEnabled());
            QTest::mouseClick(dialog->useButton(), Qt::LeftButton);
            QVERIFY(!dialog->isVisible());
        });
        QCOMPARE(noAddress,
                 QStringLiteral(
                     "Production has no address yet. Set one under File → Servers… to compare with it."));
        QCOMPARE(marked, (QStringList{kMessages, kLanguage}));
        QVERIFY2(plural(status).startsWith(QStringLiteral("2 settings differ.")), qPrintable(status));

        // Edits in the window, marked as such; nothing sent anywhere yet.
        QVERIFY(m_ui.shownAsChanged(kMessages));
        QVERIFY(m_ui.row(kLanguage)->marker()->isVisible());
        QCOMPARE(m_ui.model()->pendingPatch(),
                 (QJsonObject{{kMessages, false}, {kLanguage, QStringLiteral("tr")}}));
        QCOMPARE(countOf(*m_servers.dev, QStringLiteral("PATCH"), QStringLiteral("/api/")), 0);
        QCOMPARE(countOf(*m_servers.other, QStringLiteral("PATCH"), QStringLiteral("/api/")), 0);
        // Read with its own sign-in each time it was chosen.
        QVERIFY(countOf(*m_servers.other, QStringLiteral("GET"),
                        QString::fromLatin1(SettingsSession::kPath)) >= 1);

        m_ui.clickApply();
        m_ui.waitIdle();
        const QJsonArray patches = m_servers.dev->requests(QStringLiteral("PATCH"));
        QCOMPARE(patches.size(), 1);
        QCOMPARE(bodyOf(patches.first()),
                 (QJsonObject{{kMessages, false}, {kLanguage, QStringLiteral("tr")}}));
        QCOMPARE(countOf(*m_servers.other, QStringLiteral("PATCH"), QStringLiteral("/api/")), 0);
        QVERIFY(!m_ui.model()->hasPending());
    }

    // View → Compare with… on a server the user is not signed in to: no error, a Sign in; signing
    // in there (in the usual dialog) shows its settings.
    void notSignedInOtherServerOffersSignIn()
    {
        const SandboxProcess::Tokens tokens = m_servers.dev->mintToken(kUser);
        QVERIFY(seed(*m_servers.store, m_servers.dev->baseUrl(), {tokens.access, tokens.refresh}));
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());

        QString before;
        QString after;
        bool signedIn = false;
        withCompare([this] { pickFromMenu(Qt::Key_V, Qt::Key_C); },
                    [&](CompareDialog *dialog) {
                        QTRY_VERIFY_WITH_TIMEOUT(dialog->signInButton()->isVisible(), kWaitMs);
                        before = dialog->statusLabel()->text();
                        QVERIFY(!dialog->useButton()->isEnabled());
                        const QPointer<QTimer> watch =
                            whenModal<SignInDialog>(this, [&signedIn](SignInDialog *signIn) {
                                signedIn = signin::sendCode(signIn, kUser) && signin::verify(signIn) &&
                                           !signIn->isVisible();
                                if (signIn->isVisible())
                                    signIn->reject();
                            });
                        QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
                        delete watch.data();
                        QTRY_VERIFY_WITH_TIMEOUT(compared(dialog), kWaitMs);
                        after = dialog->statusLabel()->text();
                        QVERIFY(!dialog->signInButton()->isVisible());
                        QVERIFY(markedRows(dialog).isEmpty());
                        QVERIFY(!dialog->useButton()->isEnabled());
                        QTest::keyClick(dialog, Qt::Key_Escape);
                    });
        QCOMPARE(before,
                 QStringLiteral("You are not signed in to staging. Sign in to compare with its settings."));
        QVERIFY(signedIn);
        QCOMPARE(after, QStringLiteral("Development and staging have the same settings."));
        QVERIFY(!m_ui.model()->hasPending());
    }

    // The other server refuses the stored sign-in (a token it never issued, with nothing to renew
    // it by): the dialog says so and offers Sign in; the window learns it too, so opening the
    // dialog again asks the server nothing, and picking that server says it at once.
    void refusedSignInOnTheOtherServerOffersSignIn()
    {
        const SandboxProcess::Tokens tokens = m_servers.dev->mintToken(kUser);
        QVERIFY(seed(*m_servers.store, m_servers.dev->baseUrl(), {tokens.access, tokens.refresh}));
        QVERIFY(seed(*m_servers.store, m_servers.other->baseUrl(), {tokens.access, QString()}));
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());

        const QString refused =
            QStringLiteral("staging refused the sign-in. Sign in again to compare with its settings.");
        for (int opening = 0; opening < 2; ++opening) {
            QString status;
            withCompare([this] { pickFromMenu(Qt::Key_V, Qt::Key_C); },
                        [&status](CompareDialog *dialog) {
                            QTRY_VERIFY_WITH_TIMEOUT(dialog->signInButton()->isVisible(), kWaitMs);
                            status = dialog->statusLabel()->text();
                            QVERIFY(!compared(dialog));
                            QVERIFY(!dialog->useButton()->isEnabled());
                            QVERIFY(!dialog->retryButton()->isVisible());
                            QTest::keyClick(dialog, Qt::Key_Escape);
                        });
            QCOMPARE(status, refused);
            QCOMPARE(
                countOf(*m_servers.other, QStringLiteral("GET"), QString::fromLatin1(SettingsSession::kPath)),
                1);
        }
        m_ui.choose(QStringLiteral("staging"));
        const QString panel = m_ui.accountStatus()->text();
        QVERIFY2(panel.startsWith(QStringLiteral("The server rejected your sign-in to staging.")),
                 qPrintable(panel));
    }

    // Active on Production, compared with Development: Apply asks first (Cancel sends nothing),
    // then confirmed sends one PATCH with the differing field to Production only.
    void useTheseValuesOnProductionKeepsItsConfirmation()
    {
        QCOMPARE(ServerRegistry().set(QStringLiteral("prod"), m_servers.other->baseUrl()), QString());
        useDevelopmentsPaymentOn(QStringLiteral("prod"));

        QString listed;
        const auto answer = [&listed](bool confirm) {
            return [&listed, confirm](ProductionConfirmDialog *dialog) {
                listed = dialog->changeList()->text();
                QTest::mouseClick(confirm ? dialog->applyButton() : dialog->cancelButton(), Qt::LeftButton);
            };
        };
        whenModal<ProductionConfirmDialog>(this, answer(false));
        m_ui.clickApply();
        QTRY_VERIFY(!listed.isEmpty());
        QTest::qWait(100);
        QCOMPARE(countOf(*m_servers.other, QStringLiteral("PATCH"), QStringLiteral("/api/")), 0);
        QVERIFY(m_ui.shownAsChanged(kPayment));

        whenModal<ProductionConfirmDialog>(this, answer(true));
        m_ui.clickApply();
        m_ui.waitIdle();
        const QJsonArray patches = m_servers.other->requests(QStringLiteral("PATCH"));
        QCOMPARE(patches.size(), 1);
        QCOMPARE(bodyOf(patches.first()), (QJsonObject{{kPayment, false}}));
        QCOMPARE(countOf(*m_servers.dev, QStringLiteral("PATCH"), QStringLiteral("/api/")), 0);
    }

    // Production configured as localhost, staging at 127.0.0.1 on the same port with its own
    // confirmation off: staging reaches Production, so the values taken from Development are
    // confirmed as Production's before Apply sends them.
    void useTheseValuesOnAServerReachingProductionIsConfirmed()
    {
        QUrl alias = m_servers.other->baseUrl();
        alias.setHost(QStringLiteral("localhost"));
        QCOMPARE(ServerRegistry().set(QStringLiteral("prod"), alias), QString());
        useDevelopmentsPaymentOn(QStringLiteral("staging"));
        QString title;
        whenModal<ProductionConfirmDialog>(this, [&title](ProductionConfirmDialog *dialog) {
            title = dialog->windowTitle();
            QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        });
        m_ui.clickApply();
        m_ui.waitIdle();
        QCOMPARE(title, QStringLiteral("Change Production?"));
        const QJsonArray patches = m_servers.other->requests(QStringLiteral("PATCH"));
        QCOMPARE(patches.size(), 1);
        QCOMPARE(bodyOf(patches.first()), (QJsonObject{{kPayment, false}}));
    }

    // File → Import settings…, a file typed into the file dialog: its differing values are edits,
    // the message says nothing was sent, and nothing was.
    void importTurnsTheFileIntoEditsAndSendsNothing()
    {
        QVERIFY(m_servers.signInBoth());
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        const QString path = write(QStringLiteral("wanted.json"),
                                   R"({"messageNotifications": false, "preferredLanguage": "tr",
                                       "notifications": true})");
        m_servers.dev->reset();

        const QString message = importByMenu(path);
        QCOMPARE(plural(message),
                 QStringLiteral("With the values from wanted.json, 2 changes wait to be sent. Review them, "
                                "then press Apply to send them to Development; nothing was sent yet."));
        QVERIFY(m_ui.shownAsChanged(kMessages));
        QVERIFY(m_ui.row(kLanguage)->marker()->isVisible());
        QCOMPARE(m_ui.model()->pendingPatch(),
                 (QJsonObject{{kMessages, false}, {kLanguage, QStringLiteral("tr")}}));
        QTest::qWait(200);
        QCOMPARE(m_servers.dev->requests().size(), 0);
        QCOMPARE(m_servers.other->requests().size(), 0);
    }

    // Importing the server's own values over unsent edits: the message says the edits were
    // replaced and nothing waits, as the window shows (it said "3 values ... are now unsaved
    // changes" while Apply was off).
    void importOverEditsSaysWhatItReplaced()
    {
        QVERIFY(m_servers.signInBoth());
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        const QString path =
            write(QStringLiteral("server.json"), SettingsFile::toJson(m_ui.model()->confirmed()));
        m_ui.flip(kPayment);
        m_ui.flip(kMessages);
        QCOMPARE(m_ui.model()->pendingKeys().size(), 2);
        const QString message = importByMenu(path);
        QCOMPARE(
            plural(message),
            QStringLiteral("server.json holds the values Development has, so no change waits to be sent. "
                           "The file's values replaced 2 unsaved changes of yours."));
        QVERIFY(m_ui.model()->pendingKeys().isEmpty());
        QVERIFY(!m_ui.applyButton()->isEnabled());
    }

    void badFileChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("invalid JSON")
            << QByteArray("{\"notifications\": ") << QStringLiteral("is not valid JSON");
        QTest::newRow("empty") << QByteArray("  \n") << QStringLiteral("is empty.");
        QTest::newRow("unknown key") << QByteArray(R"({"notifications": false, "colour": true})")
                                     << QStringLiteral("colour: not a settings field");
        QTest::newRow("wrong type") << QByteArray(R"({"notifications": "no"})")
                                    << QStringLiteral("notifications: true or false, not \"no\"");
        QTest::newRow("unknown language") << QByteArray(R"({"preferredLanguage": "xx"})")
                                          << QStringLiteral("preferredLanguage: \"xx\" is not a language");
        QTest::newRow("over 64 KiB") << QByteArray(R"({"notifications": false})") + QByteArray(70 * 1024, ' ')
                                     << QStringLiteral("is over 64 KiB");
    }

    // A file that cannot be used: the message names the file and the problem, and the edits the
    // user had are all still there; nothing is sent.
    void badFileChangesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QVERIFY(m_servers.signInBoth());
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_ui.flip(kPayment);
        const QJsonObject edits = m_ui.model()->pendingPatch();
        const QString path = write(QStringLiteral("bad.json"), content);
        m_servers.dev->reset();

        const QString message = importByMenu(path);
        QVERIFY2(message.contains(path) && message.contains(reason), qPrintable(message));
        QVERIFY2(
            message.endsWith(QStringLiteral("Nothing was changed. Correct the file, or choose another.")),
            qPrintable(message));
        QCOMPARE(m_ui.model()->pendingPatch(), edits);
        QVERIFY(m_ui.shownAsChanged(kPayment));
        QCOMPARE(m_servers.dev->requests().size(), 0);
    }

    // A file gone by the time it is read (the dialog itself offers only existing ones).
    void missingFileChangesNothing()
    {
        QVERIFY(m_servers.signInBoth());
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_ui.flip(kPayment);
        const QString path = m_files.filePath(QStringLiteral("gone.json"));
        QString message;
        whenModal<QMessageBox>(this, [&message](QMessageBox *box) {
            message = box->text();
            QTest::keyClick(box, Qt::Key_Return);
        });
        QVERIFY(!window()->findChild<SettingsTransfer *>()->importFrom(path));
        QCOMPARE(message,
                 QStringLiteral("%1 does not exist.\nNothing was changed. Correct the file, or choose "
                                "another.")
                     .arg(path));
        QCOMPARE(m_ui.model()->pendingPatch(), (QJsonObject{{kPayment, false}}));
    }

    // File → Export settings…: the file holds the server's nine values (not the unsent edit), and
    // the message says where it went and that the edit is not in it.
    void exportWritesTheServersValues()
    {
        QVERIFY(m_servers.signInBoth());
        m_servers.dev->setSettings(kUser, {{kMessages, false}, {kLanguage, QStringLiteral("tr")}});
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_ui.flip(kFollow);
        m_ui.flip(kPayment);
        const QString path = m_files.filePath(QStringLiteral("exported.json"));

        const QString message = throughFileDialog([this] { pickFromMenu(Qt::Key_F, Qt::Key_E); }, path);
        QCOMPARE(plural(message),
                 QStringLiteral("Saved the settings of Development to %1. The file holds the server's "
                                "values: your 2 unsaved changes are not in it.")
                     .arg(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject server = m_servers.dev->settings(kUser);
        QCOMPARE(written.size(), FieldTable::fields().size()); // the nine fields, no ids or timestamps
        for (const FieldSpec &field : FieldTable::fields())
            QCOMPARE(written.value(field.jsonKey()), server.value(field.jsonKey()));
        QCOMPARE(written.value(kMessages), QJsonValue(false));
        QCOMPARE(written.value(kFollow), QJsonValue(true)); // the server's, not the edits
        QCOMPARE(written.value(kPayment), QJsonValue(true));
        // What the command line's import accepts.
        QVERIFY(SettingsFile::read(path).ok());
    }
};

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"
