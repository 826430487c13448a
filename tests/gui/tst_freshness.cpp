// Fresh values, checked answers and the server's own words, as the user meets them in the real
// window against the sandbox: F5 / Ctrl+R reload with edits kept, fields someone else changed
// marked "changed on the server" and named in the status line, a value not of its type shown as
// unknown (never as "off"), a change the server did not apply, and 409s that quote the server.
#include "FreshnessLabel.h"
#include "ReloadController.h"
#include "WindowTestKit.h"

#include <QAction>
#include <QJsonArray>
#include <QTextLayout>

using namespace kit;

class TestFreshness : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    TwoServers m_servers;
    WindowDriver m_ui;

    int gets() { return countOf(*m_servers.dev, QStringLiteral("GET"), SettingsSession::kPath); }
    QString status() const { return m_ui.window->applyBar()->statusLabel()->text(); }
    // The status line says "<count> <noun>" (in its singular or plural form) and then `rest`.
    bool says(const QString &count, const QString &rest) const
    {
        const QString text = status();
        const int at = text.indexOf(count);
        return at >= 0 && text.indexOf(rest, at) > at;
    }
    QLabel *note(const QString &key) const { return m_ui.row(key)->noteLabel(); }
    // Someone changed these on the server (in the mobile app, say).
    void changeOnServer(const QJsonObject &fields)
    {
        QJsonObject now = m_servers.dev->settings(kUser);
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            now.insert(it.key(), it.value());
        m_servers.dev->setSettings(kUser, now);
    }
    void reloadWith(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const int before = gets();
        QTest::keyClick(m_ui.window.get(), key, modifiers);
        QTRY_VERIFY_WITH_TIMEOUT(gets() > before, kWaitMs); // more on a 5xx: GETs are retried
        m_ui.waitIdle();
    }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        m_servers.start();
    }

    void init()
    {
        m_servers.fresh();
        QVERIFY(m_servers.signInBoth());
    }

    void cleanup() { m_servers.finish(m_ui); }

    void viewMenuHasReloadWithF5AndCtrlR()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        auto *reload = m_ui.window->findChild<QAction *>(QStringLiteral("reloadAction"));
        QVERIFY(reload);
        QCOMPARE(reload->text(), QStringLiteral("Re&load"));
        QVERIFY(reload->shortcuts().contains(QKeySequence(Qt::Key_F5)));
        QVERIFY(reload->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_R)));
        QCOMPARE(reload->shortcuts().count(QKeySequence(Qt::CTRL | Qt::Key_R)), 1);
        // The freshness line says when the values were loaded and when the server last changed them.
        const FreshnessLabel *freshness = m_ui.window->settingsForm()->freshness();
        QVERIFY(freshness->isVisible());
        QVERIFY2(freshness->text().startsWith(QStringLiteral("Last changed on the server: ")) &&
                     freshness->text().contains(QStringLiteral("Loaded at ")),
                 qPrintable(freshness->text()));
    }

    // However narrow the window, a time is never split across lines ("10:33" / "AM.").
    void timesWrapAsOneWord()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        const FreshnessLabel *freshness = m_ui.window->settingsForm()->freshness();
        const QLocale locale;
        const QStringList times = {
            locale.toString(m_ui.model()->loadedAt().toLocalTime().time(), QLocale::ShortFormat),
            locale.toString(m_ui.model()->updatedAt().toLocalTime().time(), QLocale::LongFormat)};
        QVERIFY2(times.first().contains(QLatin1Char(' ')), qPrintable(times.first())); // "10:33 AM"
        const QString text = freshness->text();
        for (const QString &time : times) // the times checked below are the ones shown
            QVERIFY2(QString(text).replace(QChar::Nbsp, QLatin1Char(' ')).contains(time), qPrintable(text));
        for (int width = 40; width <= 700; width += 3) {
            QTextLayout layout(text, freshness->font());
            QTextOption option;
            option.setWrapMode(QTextOption::WordWrap);
            layout.setTextOption(option);
            layout.beginLayout();
            QStringList lines;
            for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
                line.setLineWidth(width);
                lines << text.mid(line.textStart(), line.textLength()).trimmed();
            }
            layout.endLayout();
            const QString shown = lines.join(QLatin1Char('\n')).replace(QChar::Nbsp, QLatin1Char(' '));
            for (const QString &time : times) {
                for (qsizetype at = time.indexOf(QLatin1Char(' ')); at >= 0;
                     at = time.indexOf(QLatin1Char(' '), at + 1)) {
                    QString broken = time;
                    broken[at] = QLatin1Char('\n');
                    QVERIFY2(!shown.contains(broken),
                             qPrintable(QStringLiteral("at %1 px: %2").arg(width).arg(lines.join(" | "))));
                }
            }
        }
    }

    // F5 loads again: the edit the server now also has disappears, the other stays, and the
    // field the user did not touch says it was changed on the server.
    void f5ReloadsKeepingEdits()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_ui.flip(kPayment);
        m_ui.flip(kFollow);
        changeOnServer({{kPayment, false}, {kMessages, false}});
        reloadWith(Qt::Key_F5);
        QCOMPARE(m_ui.model()->pendingPatch(), QJsonObject({{kFollow, false}}));
        QVERIFY(!m_ui.shownAsChanged(kPayment));
        QVERIFY(!m_ui.box(kPayment)->isChecked());
        QVERIFY(m_ui.shownAsChanged(kFollow));
        QVERIFY(!m_ui.box(kMessages)->isChecked()); // the new value, not the old one
        QVERIFY(note(kMessages)->isVisible());
        QVERIFY2(note(kMessages)->text().contains(QStringLiteral("changed on the server")),
                 qPrintable(note(kMessages)->text()));
        QVERIFY(!note(kPayment)->isVisible());
        QVERIFY2(says(QStringLiteral("1 setting changed on the server"),
                      QStringLiteral("since it was loaded: Messages.")),
                 qPrintable(status()));
        QCOMPARE(m_servers.dev->requests(QStringLiteral("PATCH")).size(), 0);
    }

    // A note under a field keeps clear of the description above it: blank pixel rows between the
    // description's descenders and the note's capitals (its bold line touched them).
    void notesKeepClearOfTheDescription()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        changeOnServer({{kPayment, QStringLiteral("yes")}, {kMessages, false}});
        reloadWith(Qt::Key_F5);
        settleLayouts();
        for (const QString &key : {kPayment, kMessages}) {
            FieldRow *row = m_ui.row(key);
            QVERIFY(note(key)->isVisible());
            const QRect area = row->description()->geometry().united(note(key)->geometry());
            const QImage image = row->grab(area).toImage();
            const QColor background = image.pixelColor(image.width() - 1, 0);
            const auto inked = [&](int y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    if (std::abs(pixel.lightness() - background.lightness()) > 24)
                        return true;
                }
                return false;
            };
            int blank = 0;
            int widest = 0;
            bool seenInk = false;
            for (int y = 0; y < image.height(); ++y) {
                if (inked(y)) {
                    if (seenInk)
                        widest = std::max(widest, blank);
                    seenInk = true;
                    blank = 0;
                } else {
                    ++blank;
                }
            }
            QVERIFY2(widest >= 4, qPrintable(QStringLiteral("%1: %2 blank rows").arg(key).arg(widest)));
        }
    }

    // Ctrl+R too; the status line names both fields, until the next edit.
    void ctrlRNamesWhatChangedUntilTheNextEdit()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        changeOnServer({{kPayment, false}, {kMessages, false}});
        reloadWith(Qt::Key_R, Qt::ControlModifier);
        QVERIFY2(says(QStringLiteral("2 setting"),
                      QStringLiteral("changed on the server since they were loaded: Messages, Payments.")),
                 qPrintable(status()));
        QVERIFY(status().startsWith(QStringLiteral("All settings are saved on Development.")));
        QVERIFY(note(kPayment)->isVisible() && note(kMessages)->isVisible());
        m_ui.flip(kFollow);
        QVERIFY(!note(kPayment)->isVisible() && !note(kMessages)->isVisible());
        QVERIFY2(!status().contains(QStringLiteral("changed on the server")), qPrintable(status()));
    }

    // A value not of its type: the master switch shows neither on nor off, says what the server
    // sent, is not counted as saved, and does not grey its categories.
    void unreadableMasterSwitchIsShownAsUnknown()
    {
        m_servers.dev->addFault(fault(QStringLiteral("wrongtypes")));
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        const QString master = QStringLiteral("notifications");
        QCOMPARE(m_ui.box(master)->checkState(), Qt::PartiallyChecked);
        QVERIFY2(note(master)->isVisible() &&
                     note(master)->text().contains(QStringLiteral("the server sent 1")),
                 qPrintable(note(master)->text()));
        QVERIFY(m_ui.box(kPayment)->isEnabled()); // not greyed as if the switch were off
        QVERIFY2(!status().contains(QStringLiteral("All settings are saved")), qPrintable(status()));
        QVERIFY2(says(QStringLiteral("1 setting"), QStringLiteral("could not be read: All notifications.")),
                 qPrintable(status()));
        QVERIFY(!m_ui.applyButton()->isEnabled());
        // The user picks a value: it is a change like any other, and Apply sends it.
        m_ui.flip(master);
        QCOMPARE(m_ui.box(master)->checkState(), Qt::Checked);
        QVERIFY(!note(master)->isVisible());
        QCOMPARE(m_ui.model()->pendingPatch(), QJsonObject({{master, true}}));
        m_ui.clickApply();
        m_ui.waitIdle();
        QVERIFY2(status().startsWith(QStringLiteral("All settings are saved on Development.")),
                 qPrintable(status()));
    }

    // The PATCH answer does not read back as sent: the field stays changed and says so.
    void changeTheServerDidNotApplyStaysChanged()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_servers.dev->addFault(
            fault(QStringLiteral("ignorepatch"), {{QStringLiteral("method"), QStringLiteral("PATCH")}}));
        m_ui.flip(kPayment);
        m_ui.clickApply();
        m_ui.waitIdle();
        QCOMPARE(m_servers.dev->requests(QStringLiteral("PATCH")).size(), 1);
        QVERIFY(m_ui.shownAsChanged(kPayment));
        QVERIFY(!m_ui.box(kPayment)->isChecked());
        QVERIFY2(note(kPayment)->text().contains(QStringLiteral("the server did not apply this")),
                 qPrintable(note(kPayment)->text()));
        QVERIFY2(says(QStringLiteral("Development did not apply 1 change"), QStringLiteral("Payments.")),
                 qPrintable(status()));
        QCOMPARE(m_ui.model()->pendingPatch(), QJsonObject({{kPayment, false}}));
        // Applied the next time: clean.
        m_ui.clickApply();
        m_ui.waitIdle();
        QVERIFY(!m_ui.shownAsChanged(kPayment));
        QVERIFY(!note(kPayment)->isVisible());
    }

    // A 409 on Apply: the server's words, no invented cause, the settings reloaded, edits kept.
    void conflictOnApplyQuotesTheServerAndReloads()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_servers.dev->addFault(
            fault(QStringLiteral("status"),
                  {{QStringLiteral("status"), 409},
                   {QStringLiteral("method"), QStringLiteral("PATCH")},
                   {QStringLiteral("errors"), QJsonArray{QStringLiteral("Settings are locked")}}}));
        const int before = gets();
        m_ui.flip(kPayment);
        m_ui.clickApply();
        // Shown as the error it is (nothing was applied), with the keyboard on it.
        NoticeBanner *error = m_ui.window->errorBanner();
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kWaitMs);
        m_ui.waitIdle();
        QVERIFY(!m_ui.window->noticeBanner()->isVisible());
        QVERIFY(error->isAncestorOf(QApplication::focusWidget()));
        QVERIFY(!error->actionButton()->isVisible()); // the same again meets the same refusal
        QCOMPARE(gets(), before + 1);
        const QString message = error->message();
        QVERIFY2(message.startsWith(QStringLiteral("Settings are locked. The server answered 409.")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("your changes are kept")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("meanwhile")), qPrintable(message));
        QVERIFY(m_ui.shownAsChanged(kPayment));
        QCOMPARE(m_ui.model()->pendingPatch(), QJsonObject({{kPayment, false}}));
    }

    // A reload that meets a 5xx offers Retry, and Retry loads again.
    void failedReloadRetries()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_ui.setPolicy([](ApiClient::Policy &policy) { policy.backoffMs = 10; });
        m_servers.dev->addFault(
            fault(QStringLiteral("status"), {{QStringLiteral("status"), 503}, {QStringLiteral("count"), 3}}));
        reloadWith(Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.showsError(QStringLiteral("Could not load"), QStringLiteral("503")),
                                 kWaitMs);
        m_ui.waitIdle();
        m_servers.dev->reset();
        changeOnServer({{kMessages, false}});
        const int before = gets();
        m_ui.click(m_ui.errorBanner()->actionButton());
        QTRY_VERIFY_WITH_TIMEOUT(gets() == before + 1, kWaitMs);
        m_ui.waitIdle();
        QVERIFY(!m_ui.box(kMessages)->isChecked());
        QVERIFY(!m_ui.errorBanner()->isVisible());
    }

    // A 409 on a load: the server's words, no advice about changes, and no Retry (Reload is the way).
    void conflictOnLoadOffersNoRetry()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_servers.dev->addFault(fault(QStringLiteral("status"),
                                      {{QStringLiteral("status"), 409},
                                       {QStringLiteral("errors"), QJsonArray{QStringLiteral("Try later")}}}));
        reloadWith(Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.errorBanner()->isVisible(), kWaitMs);
        const QString message = m_ui.errorBanner()->message();
        QVERIFY2(message.startsWith(QStringLiteral("Try later. The server answered 409.")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("changes"), Qt::CaseInsensitive), qPrintable(message));
        QVERIFY(!m_ui.errorBanner()->actionButton()->isVisible());
    }

    // Refusals and an oversized answer: the error says what happened and keeps the edits, but
    // offers no Retry, since sending the same again cannot help.
    void noRetryWhereSendingAgainCannotHelp_data()
    {
        QTest::addColumn<QJsonObject>("injected");
        QTest::addColumn<QString>("needle");
        for (int status : {400, 403, 404, 422})
            QTest::addRow("%d", status)
                << fault(QStringLiteral("status"), {{QStringLiteral("status"), status},
                                                    {QStringLiteral("method"), QStringLiteral("PATCH")}})
                << QStringLiteral("The server answered %1.").arg(status);
        // 2 MiB where a few hundred bytes are expected.
        QTest::newRow("huge") << fault(QStringLiteral("huge"),
                                       {{QStringLiteral("method"), QStringLiteral("PATCH")}})
                              << QStringLiteral("far too large and was not read");
    }
    void noRetryWhereSendingAgainCannotHelp()
    {
        QFETCH(QJsonObject, injected);
        QFETCH(QString, needle);
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_servers.dev->addFault(injected);
        m_ui.flip(kPayment);
        m_ui.clickApply();
        m_ui.waitIdle();
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.errorBanner()->isVisible(), kWaitMs);
        QVERIFY2(m_ui.errorBanner()->message().contains(needle), qPrintable(m_ui.errorText()));
        QVERIFY(m_ui.errorBanner()->actionButton()->isHidden());
        if (injected.value(QStringLiteral("status")).toInt() == 404) // reloads, like 409, and says so
            QVERIFY(m_ui.errorBanner()->message().contains(QStringLiteral("were reloaded")));
        QVERIFY(m_ui.shownAsChanged(kPayment));
        QCOMPARE(m_ui.model()->pendingPatch(), QJsonObject({{kPayment, false}}));
    }

    // Signed out and in again: what the server holds now is loaded, without F5.
    void signingInAgainReloads()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_ui.click(m_ui.window->accountPanel()->signOutButton());
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui.current()->account()->isSignedIn(), kWaitMs);
        changeOnServer({{kMessages, false}});
        const int before = gets();
        m_ui.signInByEmail(this, kUser);
        QTRY_VERIFY_WITH_TIMEOUT(gets() == before + 1, kWaitMs);
        m_ui.waitIdle();
        QVERIFY(!m_ui.box(kMessages)->isChecked());
        QVERIFY(note(kMessages)->isVisible());
    }

    // Back to the window after a while, or back to a server: the values are loaded again.
    void focusAndSwitchingBackReload()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        auto *controller = m_ui.window->findChild<ReloadController *>();
        QVERIFY(controller);
        QCOMPARE(controller->staleAfterMs(), 60 * 1000);
        // Within the minute: focus alone does not reload.
        const int first = gets();
        QWidget other;
        showActive(&other);
        showActive(m_ui.window.get());
        QTest::qWait(100);
        QCOMPARE(gets(), first);
        const int before = gets();
        controller->setStaleAfterMs(0); // as if a minute had passed
        changeOnServer({{kMessages, false}});
        showActive(&other);
        showActive(m_ui.window.get());
        QTRY_VERIFY_WITH_TIMEOUT(gets() == before + 1, kWaitMs);
        m_ui.waitIdle();
        QVERIFY(!m_ui.box(kMessages)->isChecked());
        other.close();

        // Staging and back: Development loads again.
        m_ui.choose(QStringLiteral("staging"));
        m_ui.waitLoaded();
        const int beforeBack = gets();
        m_ui.choose(QStringLiteral("dev"));
        QTRY_VERIFY_WITH_TIMEOUT(gets() == beforeBack + 1, kWaitMs);
    }
};

QTEST_MAIN(TestFreshness)
#include "tst_freshness.moc"
