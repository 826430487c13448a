// The servers dialog, offscreen, driven as a person does: keys go to the window and land where the
// focus is; buttons and list rows are clicked; the questions it asks are real message boxes,
// answered by clicking their buttons. What is saved is read back from the settings file.
#include "SelfSignedCertificate.h"
#include "ServersDialog.h"
#include "WindowTestKit.h"
#include "i18n/LanguageManager.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QListWidget>

using namespace kit;

namespace {
const QUrl kDevUrl(QStringLiteral("http://127.0.0.1:8001"));
const QUrl kBoxUrl(QStringLiteral("http://127.0.0.1:8002"));
const QUrl kOtherUrl(QStringLiteral("http://127.0.0.1:8003"));

// The message boxes shown while a test's steps ran: how many, and the last one's text.
struct Asked
{
    int shown = 0;
    QString text;
};
} // namespace

class TestServersDialog : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    QString m_caFile; // a real PEM certificate
    std::unique_ptr<ServersDialog> m_dialog;

    ServersDialog *open()
    {
        m_dialog = std::make_unique<ServersDialog>();
        showActive(m_dialog.get());
        return m_dialog.get();
    }
    void type(const QString &text) const { typeInto(m_dialog.get(), text); }
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const
    {
        pressIn(m_dialog.get(), key, modifiers);
    }
    // Clicks into `edit`, selects what is there and types `text` over it.
    void retype(QLineEdit *edit, const QString &text) const
    {
        // Active again after a question it asked, as a desktop's window manager makes it.
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
        QTest::mouseClick(edit, Qt::LeftButton);
        QCOMPARE(QApplication::focusWidget(), edit);
        press(Qt::Key_A, Qt::ControlModifier);
        type(text);
    }
    void click(const QString &button) const
    {
        QPushButton *found = buttonNamed(m_dialog.get(), button);
        QVERIFY2(found, qPrintable(button));
        QTest::mouseClick(found, Qt::LeftButton);
    }
    void clickRow(const QString &title) const
    {
        QListWidget *list = m_dialog->list();
        const QList<QListWidgetItem *> items = list->findItems(title, Qt::MatchExactly);
        QVERIFY2(items.size() == 1, qPrintable(title));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(items.first()).center());
        QCOMPARE(list->currentItem(), items.first());
    }
    QStringList rows() const
    {
        QStringList titles;
        for (int row = 0; row < m_dialog->list()->count(); ++row)
            titles << m_dialog->list()->item(row)->text();
        return titles;
    }
    QString message() const { return m_dialog->messageLabel()->text(); }
    // Runs `steps`; any message box shown meanwhile is answered by clicking `answer`.
    Asked answeringBoxes(QMessageBox::StandardButton answer, const std::function<void()> &steps)
    {
        Asked asked;
        asked.shown = whileModal<QMessageBox>(this, steps, [&asked, answer](QMessageBox *box) {
            asked.text = box->text();
            if (QAbstractButton *button = box->button(answer))
                QTest::mouseClick(button, Qt::LeftButton);
            else
                box->reject();
        });
        return asked;
    }
    // Runs `steps`; a file picker shown meanwhile is cancelled and counted.
    int filePickersDuring(const std::function<void()> &steps)
    {
        return whileModal<QFileDialog>(this, steps, [](QFileDialog *picker) { picker->reject(); });
    }
    static std::optional<ServerProfile> stored(const QString &name) { return ServerRegistry().find(name); }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        QVERIFY(makeSelfSignedCertificate(m_env.home()));
        m_caFile = m_env.home() + QStringLiteral("/cert.pem");
    }

    // Development and Production at known addresses, and no other server.
    void init()
    {
        AppSettings::open()->remove(QStringLiteral("servers"));
        QCOMPARE(ServerRegistry().set(QStringLiteral("dev"), kDevUrl), QString());
        ServerRegistry().setActiveName(QStringLiteral("dev"));
        MessageBox::clearNextAnswer();
    }

    void cleanup() { m_dialog.reset(); }

    // Enter in a field saves; only the Browse… button opens the file picker.
    void enterSavesAndOnlyBrowseOpensThePicker()
    {
        open();
        click(QStringLiteral("&Add server"));
        QCOMPARE(QApplication::focusWidget(), m_dialog->nameEdit());
        type(QStringLiteral("qa-box"));
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_dialog->urlEdit());
        type(kBoxUrl.toString());
        QCOMPARE(filePickersDuring([this] { press(Qt::Key_Return); }), 0);
        QVERIFY(stored(QStringLiteral("qa-box")));
        QCOMPARE(stored(QStringLiteral("qa-box"))->baseUrl, kBoxUrl);

        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_dialog->caEdit());
        type(m_caFile);
        QCOMPARE(filePickersDuring([this] { press(Qt::Key_Return); }), 0);
        QCOMPARE(stored(QStringLiteral("qa-box"))->caFile, m_caFile);

        QCOMPARE(filePickersDuring([this] { click(QStringLiteral("&Browse…")); }), 1);
    }

    // A CA file that is missing or holds no certificate is refused when saved, naming the file,
    // with the cursor back in its field; what was saved before stays.
    void aCaFileThatCannotServeIsRefused()
    {
        const QString missing = m_env.home() + QStringLiteral("/no-such-ca.pem");
        const QString notPem = m_env.home() + QStringLiteral("/key.pem");
        QCOMPARE(ServerRegistry().set(QStringLiteral("qa-box"), kBoxUrl), QString());
        open();
        clickRow(QStringLiteral("qa-box"));
        for (const QString &file : {missing, notPem}) {
            retype(m_dialog->caEdit(), file);
            press(Qt::Key_Return);
            QVERIFY2(message().contains(file), qPrintable(message()));
            QCOMPARE(QApplication::focusWidget(), m_dialog->caEdit());
            QCOMPARE(stored(QStringLiteral("qa-box"))->caFile, QString());
        }
        QVERIFY2(message().contains(QStringLiteral("no PEM certificate")), qPrintable(message()));

        retype(m_dialog->caEdit(), m_caFile);
        press(Qt::Key_Return);
        QCOMPARE(stored(QStringLiteral("qa-box"))->caFile, m_caFile);
    }

    // Adding a server shows the custom server's "Confirm every change": the list beside the form
    // keeps its width instead of narrowing under the pointer, in English and in Turkish.
    void addingAServerKeepsTheListsWidth_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("add");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("&Add server");
        QTest::newRow("Turkish") << QStringLiteral("tr") << QStringLiteral("Sunucu &ekle");
    }
    void addingAServerKeepsTheListsWidth()
    {
        QFETCH(QString, language);
        QFETCH(QString, add);
        LanguageManager languages;
        QVERIFY(languages.apply(language));
        open();
        settleLayouts();
        const int width = m_dialog->list()->width();
        click(add);
        settleLayouts();
        QVERIFY(m_dialog->findChild<QCheckBox *>(QStringLiteral("confirmChanges"))->isVisible());
        QCOMPARE(m_dialog->list()->width(), width);
    }

    // Save says it saved; closing with changes not saved asks (Cancel stays, Discard drops them,
    // Save keeps them); closing with nothing changed does not ask.
    void savingShowsItAndClosingWithChangesAsks()
    {
        open();
        QCOMPARE(m_dialog->list()->currentItem()->text(), QStringLiteral("Development"));
        retype(m_dialog->urlEdit(), kOtherUrl.toString());
        click(QStringLiteral("&Save"));
        QCOMPARE(stored(QStringLiteral("dev"))->baseUrl, kOtherUrl);
        QVERIFY2(message().contains(QStringLiteral("Saved")), qPrintable(message()));
        QVERIFY(m_dialog->messageLabel()->isVisible());

        retype(m_dialog->urlEdit(), kBoxUrl.toString());
        QVERIFY2(!message().contains(QStringLiteral("Saved")), qPrintable(message())); // not any more
        Asked asked = answeringBoxes(QMessageBox::Cancel, [this] { press(Qt::Key_Escape); });
        QCOMPARE(asked.shown, 1);
        QVERIFY2(asked.text.contains(QStringLiteral("not saved")), qPrintable(asked.text));
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_dialog->urlEdit()->text(), kBoxUrl.toString());

        asked = answeringBoxes(QMessageBox::Discard, [this] { press(Qt::Key_Escape); });
        QCOMPARE(asked.shown, 1);
        QVERIFY(!m_dialog->isVisible());
        QCOMPARE(stored(QStringLiteral("dev"))->baseUrl, kOtherUrl);

        open();
        retype(m_dialog->urlEdit(), kBoxUrl.toString());
        asked = answeringBoxes(QMessageBox::Save, [this] { click(QStringLiteral("Close")); });
        QCOMPARE(asked.shown, 1);
        QVERIFY(!m_dialog->isVisible());
        QCOMPARE(stored(QStringLiteral("dev"))->baseUrl, kBoxUrl);

        open();
        asked = answeringBoxes(QMessageBox::Cancel, [this] { press(Qt::Key_Escape); });
        QCOMPARE(asked.shown, 0);
        QVERIFY(!m_dialog->isVisible());
    }

    // Clicking another server with the form changed asks: Cancel stays with the typed address,
    // Discard moves on without it, Save stores it and moves on.
    void pickingAnotherServerWithChangesAsks()
    {
        open();
        QCOMPARE(m_dialog->list()->currentItem()->text(), QStringLiteral("Development"));
        retype(m_dialog->urlEdit(), kBoxUrl.toString());
        QListWidget *list = m_dialog->list();
        const auto clickProduction = [list] {
            const QListWidgetItem *production =
                list->findItems(QStringLiteral("Production"), Qt::MatchExactly).value(0);
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualItemRect(production).center());
        };

        Asked asked = answeringBoxes(QMessageBox::Cancel, clickProduction);
        QCOMPARE(asked.shown, 1);
        QVERIFY2(asked.text.contains(QStringLiteral("not saved")), qPrintable(asked.text));
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Development"));
        QCOMPARE(m_dialog->urlEdit()->text(), kBoxUrl.toString()); // what was typed stays

        asked = answeringBoxes(QMessageBox::Discard, clickProduction);
        QCOMPARE(asked.shown, 1);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Production"));
        QCOMPARE(stored(QStringLiteral("dev"))->baseUrl, kDevUrl);

        clickRow(QStringLiteral("Development"));
        QCOMPARE(m_dialog->urlEdit()->text(), kDevUrl.toString());
        retype(m_dialog->urlEdit(), kOtherUrl.toString());
        asked = answeringBoxes(QMessageBox::Save, clickProduction);
        QCOMPARE(asked.shown, 1);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Production"));
        QCOMPARE(stored(QStringLiteral("dev"))->baseUrl, kOtherUrl);

        // Unchanged, it moves without asking.
        QCOMPARE(
            answeringBoxes(QMessageBox::Cancel, [this] { clickRow(QStringLiteral("Development")); }).shown,
            0);
    }

    // Remove asks first, naming the server; No keeps it.
    void removeAsksFirst()
    {
        QCOMPARE(ServerRegistry().set(QStringLiteral("qa-box"), kBoxUrl), QString());
        open();
        clickRow(QStringLiteral("qa-box"));
        Asked asked = answeringBoxes(QMessageBox::No, [this] { click(QStringLiteral("&Remove")); });
        QCOMPARE(asked.shown, 1);
        QVERIFY2(asked.text.contains(QStringLiteral("qa-box")), qPrintable(asked.text));
        QVERIFY(stored(QStringLiteral("qa-box")));
        QVERIFY(rows().contains(QStringLiteral("qa-box")));

        asked = answeringBoxes(QMessageBox::Yes, [this] { click(QStringLiteral("&Remove")); });
        QCOMPARE(asked.shown, 1);
        QVERIFY(!stored(QStringLiteral("qa-box")));
        QVERIFY(!rows().contains(QStringLiteral("qa-box")));
    }

    // A new server under a name in use asks before replacing it; Development and Production are
    // never replaced that way (whatever the spelling), only edited when picked in the list.
    void anExistingNameIsNotReplacedByAccident()
    {
        QCOMPARE(ServerRegistry().set(QStringLiteral("qa-box"), kBoxUrl), QString());
        open();
        click(QStringLiteral("&Add server"));
        type(QStringLiteral("qa-box"));
        press(Qt::Key_Tab);
        type(kOtherUrl.toString());
        Asked asked = answeringBoxes(QMessageBox::No, [this] { press(Qt::Key_Return); });
        QCOMPARE(asked.shown, 1);
        QVERIFY2(asked.text.contains(QStringLiteral("qa-box")), qPrintable(asked.text));
        QCOMPARE(stored(QStringLiteral("qa-box"))->baseUrl, kBoxUrl);

        asked = answeringBoxes(QMessageBox::Yes, [this] { press(Qt::Key_Return); });
        QCOMPARE(asked.shown, 1);
        QCOMPARE(stored(QStringLiteral("qa-box"))->baseUrl, kOtherUrl);
        QCOMPARE(rows().count(QStringLiteral("qa-box")), 1);

        for (const QString &name :
             {QStringLiteral("dev"), QStringLiteral("Development"), QStringLiteral("PROD")}) {
            // The refused entry before is still in the form: dropping it is asked first.
            const Asked dropped =
                answeringBoxes(QMessageBox::Discard, [this] { click(QStringLiteral("&Add server")); });
            QCOMPARE(dropped.shown, name == QLatin1String("dev") ? 0 : 1);
            type(name);
            press(Qt::Key_Tab);
            type(kOtherUrl.toString());
            asked = answeringBoxes(QMessageBox::Yes, [this] { press(Qt::Key_Return); });
            QCOMPARE(asked.shown, 0);
            QVERIFY2(message().contains(QStringLiteral("built in")), qPrintable(message()));
            QCOMPARE(stored(QStringLiteral("dev"))->baseUrl, kDevUrl);
            QVERIFY(!stored(QStringLiteral("prod"))->hasUrl() ||
                    stored(QStringLiteral("prod"))->baseUrl != kOtherUrl);
        }
    }

    // Renaming a server renames it: its address and CA file go along, the old name is gone.
    void renamingRenames()
    {
        QCOMPARE(ServerRegistry().set(QStringLiteral("qa-box"), kBoxUrl, m_caFile), QString());
        open();
        clickRow(QStringLiteral("qa-box"));
        retype(m_dialog->nameEdit(), QStringLiteral("lab"));
        press(Qt::Key_Return);
        QVERIFY(!stored(QStringLiteral("qa-box")));
        QVERIFY(stored(QStringLiteral("lab")));
        QCOMPARE(stored(QStringLiteral("lab"))->baseUrl, kBoxUrl);
        QCOMPARE(stored(QStringLiteral("lab"))->caFile, m_caFile);
        QVERIFY(!rows().contains(QStringLiteral("qa-box")));
        QCOMPARE(m_dialog->list()->currentItem()->text(), QStringLiteral("lab"));

        // Onto a built-in name: refused, nothing changes.
        retype(m_dialog->nameEdit(), QStringLiteral("production"));
        press(Qt::Key_Return);
        QVERIFY2(message().contains(QStringLiteral("built in")), qPrintable(message()));
        QVERIFY(stored(QStringLiteral("lab")));
        QVERIFY(!stored(QStringLiteral("prod"))->hasUrl() ||
                stored(QStringLiteral("prod"))->baseUrl != kBoxUrl);
    }

    // The address in the message is the one typed; an empty one is asked for.
    void anInvalidAddressIsQuotedAsTyped()
    {
        open();
        click(QStringLiteral("&Add server"));
        type(QStringLiteral("lab"));
        press(Qt::Key_Tab);
        press(Qt::Key_Return);
        QVERIFY2(!message().contains(QStringLiteral("\"\"")), qPrintable(message()));
        QVERIFY2(message().contains(QStringLiteral("address")), qPrintable(message()));

        for (const QString &typed :
             {QStringLiteral("https://exa mple.com"), QStringLiteral("api.example.com"),
              QStringLiteral("ftp://Files.Example.com")}) {
            retype(m_dialog->urlEdit(), typed);
            press(Qt::Key_Return);
            QVERIFY2(message().contains(QLatin1Char('"') + typed + QLatin1Char('"')), qPrintable(message()));
        }
        QVERIFY(!stored(QStringLiteral("lab")));
    }
};

QTEST_MAIN(TestServersDialog)
#include "tst_serversdialog.moc"
