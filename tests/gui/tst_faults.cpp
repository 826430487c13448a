// Fault scenarios end to end: the real window, offscreen, against real sandboxes that misbehave
// on purpose. Each test says what the user sees, checks that it is on screen (error banner, Retry,
// the Apply bar) and that the user's edits are still there, in the widgets and in the model.
#include "SelfSignedCertificate.h"
#include "WindowTestKit.h"
#include "servers/ServerRegistry.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

using namespace kit;

class TestFaults : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    TwoServers m_servers; // "dev" and "staging"
    WindowDriver m_ui;

    // Opens Development with two fields flipped, ready to Apply; retries do not pause long.
    void openWithTwoEdits()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_ui.setPolicy([](ApiClient::Policy &policy) { policy.backoffMs = 50; });
        m_servers.dev->reset();
        m_ui.flip(kPayment);
        m_ui.flip(kMessages);
        QVERIFY(m_ui.shownAsChanged(kPayment));
    }

    // Applies, and waits until the error banner says `needle` in an "apply failed" message, with
    // Retry where sending again can help (`retryOffered`) and without it otherwise.
    void applyAndExpectError(const QString &needle, bool retryOffered = true)
    {
        m_ui.clickApply();
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.errorBanner()->isVisible(), kWaitMs);
        // With its icon, read when the banner first shows.
        const auto *icon = m_ui.errorBanner()->findChild<QLabel *>(QStringLiteral("bannerIcon"));
        QVERIFY(icon && !icon->pixmap().isNull());
        // Laid out when first shown: the message has the banner's width, beside the icon.
        const auto *message = m_ui.errorBanner()->findChild<QLabel *>(QStringLiteral("bannerMessage"));
        QVERIFY(message);
        QTRY_VERIFY(message->width() > m_ui.errorBanner()->width() / 3 &&
                    message->x() > icon->geometry().right());
        m_ui.waitIdle();
        if (retryOffered)
            QVERIFY2(m_ui.showsError(QStringLiteral("Could not apply the changes to Development"), needle),
                     qPrintable(m_ui.errorText()));
        else
            QVERIFY2(m_ui.errorText().contains(needle) && m_ui.errorBanner()->actionButton()->isHidden(),
                     qPrintable(m_ui.errorText()));
        QVERIFY2(m_ui.errorBanner()->message().contains(QStringLiteral("Your changes are kept.")),
                 qPrintable(m_ui.errorText()));
    }

    // Both edits are still shown as changed, still pending in the model, and Apply offers them.
    void expectEditsKept()
    {
        // What the window holds, for the failure message.
        const QString state =
            QStringLiteral("pending %1, in flight %2, confirmed %3, error \"%4\", notice \"%5\"")
                .arg(QString::fromUtf8(QJsonDocument(m_ui.model()->pendingPatch()).toJson()),
                     QString::fromUtf8(QJsonDocument(m_ui.model()->inFlight()).toJson()),
                     QString::fromUtf8(QJsonDocument(m_ui.model()->confirmed()).toJson()), m_ui.errorText(),
                     m_ui.window->noticeBanner()->message());
        for (const QString &key : {kPayment, kMessages}) {
            QVERIFY2(!m_ui.box(key)->isChecked(), qPrintable(key + QStringLiteral(": ") + state));
            QVERIFY2(m_ui.shownAsChanged(key), qPrintable(key));
        }
        QCOMPARE(m_ui.model()->pendingPatch(), QJsonObject({{kPayment, false}, {kMessages, false}}));
        QVERIFY(m_ui.applyButton()->isEnabled());
        QCOMPARE(m_ui.applyButton()->text(), QStringLiteral("Apply 2 changes to Development"));
    }

    // After the fault is gone, Retry (or Apply, where no Retry is offered) sends the same two
    // fields and the window is clean again.
    void retrySucceeds(bool viaRetry = true)
    {
        m_servers.dev->reset();
        m_ui.click(viaRetry ? static_cast<QAbstractButton *>(m_ui.errorBanner()->actionButton())
                            : m_ui.applyButton());
        m_ui.waitIdle();
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui.errorBanner()->isVisible(), kWaitMs);
        QVERIFY(!m_ui.shownAsChanged(kPayment));
        QVERIFY(!m_ui.model()->hasPending());
        QCOMPARE(bodyOf(m_servers.dev->requests(QStringLiteral("PATCH")).last()),
                 QJsonObject({{kPayment, false}, {kMessages, false}}));
        QCOMPARE(m_servers.dev->settings().value(kPayment), QJsonValue(false));
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
        for (SandboxProcess *sandbox : {m_servers.dev.get(), m_servers.other.get()}) {
            const SandboxProcess::Tokens tokens = sandbox->mintToken(kUser);
            QVERIFY(!tokens.access.isEmpty());
            QVERIFY(seed(*m_servers.store, sandbox->baseUrl(), {tokens.access, tokens.refresh}));
        }
    }

    void cleanup() { m_servers.finish(m_ui); }

    // The user sees "Could not apply the changes to Development — The server did not answer in
    // time … (no answer within 1 second). Your changes are kept." with Retry; both edits stay.
    void slowAnswerPastTheTimeout()
    {
        openWithTwoEdits();
        m_ui.setPolicy([](ApiClient::Policy &policy) { policy.timeoutMs = 1000; });
        m_servers.dev->addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 4000}}));
        QElapsedTimer clock;
        clock.start();
        applyAndExpectError(QStringLiteral("did not answer in time"));
        QVERIFY2(m_ui.errorBanner()->message().contains(QStringLiteral("within 1 second")),
                 qPrintable(m_ui.errorText()));
        QVERIFY(clock.elapsed() >= 900);
        expectEditsKept();
        retrySucceeds();
        // Like a real slow server, the sandbox still applies the abandoned PATCH when its delay
        // ends. Forget every token now so that it cannot land in the middle of a later test.
        m_servers.dev->reset(true);
    }

    // Faults that fail the Apply on every attempt. What the user sees: the error banner
    // "Could not apply the changes to Development" with the message below, "Your changes are
    // kept." and Retry; both edits still marked and pending. The app tried `attempts` times.
    void applyFailsAndKeepsEdits_data()
    {
        QTest::addColumn<QJsonObject>("fault");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("attempts");
        // The connection breaks mid-body, on the first try and both retries.
        QTest::newRow("drop") << fault(QStringLiteral("drop"), {{QStringLiteral("count"), 3}})
                              << QStringLiteral("Could not reach the server") << 3;
        // A 200 whose body is cut-off JSON.
        QTest::newRow("malformed") << fault(QStringLiteral("malformed"))
                                   << QStringLiteral("The server's answer could not be read") << 1;
        // A proxy's HTML 502 page on every attempt: said in words, not shown as HTML.
        QTest::newRow("html502") << fault(QStringLiteral("html502"), {{QStringLiteral("count"), -1}})
                                 << QStringLiteral("The server answered 502 (the answer was an HTML page). "
                                                   "The server had a problem.")
                                 << 3;
        // 429 asking to wait two minutes: not waited for, reported with the wait.
        QTest::newRow("ratelimit 120 s")
            << fault(QStringLiteral("ratelimit"), {{QStringLiteral("retryAfter"), 120}})
            << QStringLiteral("Too many requests. The server answered 429.") << 1;
    }

    void applyFailsAndKeepsEdits()
    {
        QFETCH(QJsonObject, fault);
        QFETCH(QString, message);
        QFETCH(int, attempts);
        openWithTwoEdits();
        m_servers.dev->addFault(fault);
        QElapsedTimer clock;
        clock.start();
        applyAndExpectError(message);
        QVERIFY(!m_ui.errorBanner()->message().contains(QStringLiteral("<html")));
        QCOMPARE(
            countOf(*m_servers.dev, QStringLiteral("PATCH"), QString::fromLatin1(SettingsSession::kPath)),
            attempts);
        if (QTest::currentDataTag() == QLatin1String("ratelimit 120 s")) {
            QVERIFY2(m_ui.errorBanner()->message().contains(QStringLiteral("It asked to wait 120 seconds.")),
                     qPrintable(m_ui.errorText()));
            QVERIFY(clock.elapsed() < 15000);
        }
        expectEditsKept();
        retrySucceeds();
    }

    // 429 with Retry-After: 1 — the user sees "Applying…" a little longer, then the change is
    // applied; no error at any point.
    void rateLimitedThenApplied()
    {
        openWithTwoEdits();
        m_servers.dev->addFault(fault(QStringLiteral("ratelimit"), {{QStringLiteral("retryAfter"), 1}}));
        QElapsedTimer clock;
        clock.start();
        m_ui.clickApply();
        QVERIFY(m_ui.window->applyBar()->statusLabel()->text().contains(QStringLiteral("Applying")));
        m_ui.waitIdle();
        QVERIFY2(clock.elapsed() >= 900, "the Retry-After wait was not honoured");
        QVERIFY2(!m_ui.errorBanner()->isVisible(), qPrintable(m_ui.errorText()));
        QVERIFY(!m_ui.shownAsChanged(kPayment) && !m_ui.model()->hasPending());
        QCOMPARE(
            countOf(*m_servers.dev, QStringLiteral("PATCH"), QString::fromLatin1(SettingsSession::kPath)), 2);
        QCOMPARE(m_servers.dev->settings().value(kMessages), QJsonValue(false));
    }

    // The server forgot every token: the PATCH gets 401, the refresh is refused too. The user
    // sees "… the sign-in could not be renewed … Sign in again. Your changes are kept.", the
    // account panel says "Not signed in to Development." with Sign in, and the edits remain.
    void refreshRefusedSignsOutAndKeepsEdits()
    {
        openWithTwoEdits();
        m_servers.dev->reset(true);
        m_servers.dev->setSettings(kUser, defaults());
        applyAndExpectError(QStringLiteral("Sign in again"), false); // Sign in is the way
        QVERIFY2(m_ui.errorBanner()->message().contains(QStringLiteral("could not be renewed")),
                 qPrintable(m_ui.errorText()));
        QCOMPARE(countOf(*m_servers.dev, QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh")), 1);
        QTRY_COMPARE(m_ui.accountStatus()->text(), QStringLiteral("Not signed in to Development."));
        QVERIFY(m_ui.window->accountPanel()->signInButton()->isVisible());
        QVERIFY(m_ui.window->accountPanel()->signInButton()->isEnabled());
        QVERIFY(!m_ui.window->accountPanel()->signOutButton()->isVisible());
        // The account's own words say why it was signed out.
        QTRY_VERIFY(m_ui.window->noticeBanner()->isVisible());
        QVERIFY2(m_ui.window->noticeBanner()->message().contains(QStringLiteral("unsent changes are kept")),
                 qPrintable(m_ui.window->noticeBanner()->message()));
        expectEditsKept();
        // Forgotten in the store as well, so the next start does not try the dead tokens again.
        bool gone = false;
        m_servers.store->load(m_ui.current()->server().origin(),
                              [&gone](const TokenStore::Result &result, const TokenPair &) {
                                  gone = result.status == TokenStore::Status::NotFound;
                              });
        QTRY_VERIFY(gone);
    }

    // The server redirects the PATCH to another origin: not followed, so the other server gets
    // nothing (and no token); "The server redirected to another address, which was not followed".
    void redirectToAnotherOriginIsNotFollowed()
    {
        openWithTwoEdits();
        m_servers.other->reset();
        m_servers.dev->addFault(fault(QStringLiteral("redirect"),
                                      {{QStringLiteral("location"), m_servers.other->baseUrl().toString()}}));
        applyAndExpectError(QStringLiteral("redirected to another address"), false);
        QTest::qWait(300); // anything that was going to reach the other server would have by now
        const QJsonArray elsewhere = m_servers.other->requests();
        QVERIFY2(elsewhere.isEmpty(), QJsonDocument(elsewhere).toJson().constData());
        expectEditsKept();
        retrySucceeds(false);
    }

    // A server with a self-signed certificate: "Could not load the settings from secure — The
    // server's certificate was not accepted, so nothing was sent …"; the server saw no request.
    // Once the server profile names that certificate as its CA, the settings load and apply.
    void selfSignedCertificateRefusedUntilItsCaIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(makeSelfSignedCertificate(dir.path()));
        SandboxProcess secure({QStringLiteral("--tls-cert"), dir.filePath(QStringLiteral("cert.pem")),
                               QStringLiteral("--tls-key"), dir.filePath(QStringLiteral("key.pem"))});
        QVERIFY(secure.isRunning());
        QCOMPARE(secure.baseUrl().scheme(), QStringLiteral("https"));
        secure.setSettings(kUser, defaults());
        const SandboxProcess::Tokens tokens = secure.mintToken(kUser);
        QVERIFY(seed(*m_servers.store, secure.baseUrl(), {tokens.access, tokens.refresh}));
        const QString name = QStringLiteral("secure");
        QCOMPARE(ServerRegistry().set(name, secure.baseUrl()), QString());

        m_ui.open(name, m_servers.store.get());
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.errorBanner()->isVisible(), kWaitMs);
        // No Retry: the same certificate would be refused again; naming its CA is the way.
        QVERIFY2(m_ui.errorText().contains(QStringLiteral("Could not load the settings from secure")) &&
                     m_ui.errorText().contains(
                         QStringLiteral("certificate was not accepted, so nothing was sent")) &&
                     m_ui.errorBanner()->actionButton()->isHidden(),
                 qPrintable(m_ui.errorText()));
        QVERIFY(!m_ui.model()->isLoaded());
        QVERIFY(!m_ui.applyButton()->isEnabled());
        QCOMPARE(secure.requests().size(), 0);

        // Servers… with the CA named (the dialog answered at once; the window picks up the change).
        QCOMPARE(ServerRegistry().set(name, secure.baseUrl(), dir.filePath(QStringLiteral("cert.pem"))),
                 QString());
        MessageBox::setNextAnswer(QDialog::Rejected);
        m_ui.click(m_ui.window->serverBanner()->findChild<QPushButton *>(QStringLiteral("manageServers")));
        m_ui.waitLoaded();
        QVERIFY2(!m_ui.errorBanner()->isVisible(), qPrintable(m_ui.errorText()));
        QCOMPARE(m_ui.current()->server().name, name);
        m_ui.flip(kPayment);
        // A server added by name confirms every change until the user turns that off: confirmed.
        MessageBox::setNextAnswer(QDialog::Accepted);
        m_ui.clickApply();
        m_ui.waitIdle();
        QVERIFY(!m_ui.shownAsChanged(kPayment));
        QCOMPARE(secure.settings().value(kPayment), QJsonValue(false));
        QVERIFY(ServerRegistry().remove(name).isEmpty());
    }

    // The user switches to staging while a PATCH to Development is on the wire: staging shows its
    // own values and receives nothing; back on Development the flipped field is an edit again,
    // ready to apply (its answer was dropped, so nothing is claimed as applied).
    void switchingServerWhileAPatchIsInFlight()
    {
        m_ui.openLoaded(QStringLiteral("dev"), m_servers.store.get());
        m_servers.dev->reset();
        m_servers.other->reset();
        m_servers.dev->addFault(fault(QStringLiteral("slow"), {{QStringLiteral("delayMs"), 1500}}));
        m_ui.flip(kPayment);
        m_ui.clickApply();
        QVERIFY(m_ui.current()->session()->isApplying());
        QTRY_COMPARE_WITH_TIMEOUT(
            countOf(*m_servers.dev, QStringLiteral("PATCH"), QString::fromLatin1(SettingsSession::kPath)), 1,
            kWaitMs);
        m_ui.choose(QStringLiteral("staging")); // nothing unsent: no question
        QCOMPARE(m_ui.current()->server().name, QStringLiteral("staging"));
        m_ui.waitLoaded();
        ServerContext *staging = m_ui.current();
        // Development handles the PATCH after its delay; its answer must not land on staging.
        QTRY_COMPARE_WITH_TIMEOUT(m_servers.dev->settings().value(kPayment), QJsonValue(false), kWaitMs);
        QTest::qWait(300);
        QCOMPARE(staging->model()->value(kPayment), QJsonValue(true));
        QVERIFY(m_ui.box(kPayment)->isChecked());
        QVERIFY(!m_ui.shownAsChanged(kPayment));
        QVERIFY(!staging->model()->hasPending());
        QVERIFY2(!m_ui.errorBanner()->isVisible(), qPrintable(m_ui.errorText()));
        QCOMPARE(countOf(*m_servers.other, QStringLiteral("PATCH"), QStringLiteral("/api/")), 0);
        QCOMPARE(m_servers.other->settings().value(kPayment), QJsonValue(true));

        m_ui.choose(QStringLiteral("dev"));
        QCOMPARE(m_ui.current()->server().name, QStringLiteral("dev"));
        QVERIFY(m_ui.shownAsChanged(kPayment));
        QVERIFY(!m_ui.box(kPayment)->isChecked());
        QCOMPARE(m_ui.model()->pendingPatch(), QJsonObject({{kPayment, false}}));
        QCOMPARE(m_ui.applyButton()->text(), QStringLiteral("Apply 1 change to Development"));
    }
};

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"
