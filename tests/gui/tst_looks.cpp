// Looks and access against the real window and sandbox: the desktop's dark preference, read from
// a stand-in freedesktop portal on a private D-Bus session bus this test starts; the server banners'
// text contrast in light and dark; error banners announced to screen readers and focused after
// Apply; the window in Turkish (dates and sizes, unclipped buttons, no widening by itself).
#include "ColorScheme.h"
#include "FreshnessLabel.h"
#include "RequestLogDock.h"
#include "RequestLogModel.h"
#include "WindowTestKit.h"
#include "i18n/LanguageManager.h"

#include <QAccessible>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusVariant>
#include <QLocale>
#include <QProcess>
#include <QStyleOptionButton>
#include <QTableView>
#include <cmath>
#include <private/qguiapplication_p.h>
#include <qpa/qplatformaccessibility.h>
#include <qpa/qplatformintegration.h>

using namespace kit;

namespace {
// The freedesktop portal's Settings interface, as xdg-desktop-portal serves it: Read() wraps the
// value in one variant more than the specification says.
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint colorScheme = 0;

    void change(uint value)
    {
        colorScheme = value;
        Q_EMIT SettingChanged(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"),
                              QDBusVariant(QVariant::fromValue(value)));
    }

public Q_SLOTS:
    QDBusVariant Read(const QString &group, const QString &key)
    {
        if (group != QLatin1String("org.freedesktop.appearance") || key != QLatin1String("color-scheme"))
            return QDBusVariant(QVariant::fromValue(QDBusVariant(QString())));
        return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant::fromValue(colorScheme))));
    }

Q_SIGNALS:
    void SettingChanged(const QString &group, const QString &key, const QDBusVariant &value);
};

double luminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

// WCAG 2 contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The contrast of the ink drawn in `image`: its pixel that stands out most from `background`.
double strongestContrast(const QImage &image, const QColor &background)
{
    double strongest = 1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            strongest = std::max(strongest, contrast(image.pixelColor(x, y), background));
    }
    return strongest;
}

QList<QObject *> g_alerts; // what the window sent Alert events for
void recordAlerts(QAccessibleEvent *event)
{
    if (event->type() == QAccessible::Alert)
        g_alerts << event->object();
}
} // namespace

class TestLooks : public QObject
{
    Q_OBJECT

    TestEnv m_env;
    QProcess m_bus;
    FakePortal m_portal;
    std::unique_ptr<ColorScheme> m_scheme;
    TwoServers m_servers; // "dev" and "staging"
    std::unique_ptr<SandboxProcess> m_prod;
    std::unique_ptr<LanguageManager> m_languages;
    WindowDriver m_ui;

    void open(const QString &server, const QString &language = QStringLiteral("en"))
    {
        m_languages = std::make_unique<LanguageManager>();
        QVERIFY(m_languages->apply(language));
        MainWindow::Options options;
        options.server = server;
        options.tokenStore = m_servers.store.get();
        options.languages = m_languages.get();
        m_ui.open(options);
        QVERIFY(QTest::qWaitForWindowActive(m_ui.window.get()));
        m_ui.waitLoaded();
        settleLayouts();
    }
    void signIn(SandboxProcess &sandbox)
    {
        const SandboxProcess::Tokens tokens = sandbox.mintToken(kUser);
        QVERIFY(seed(*m_servers.store, sandbox.baseUrl(), {tokens.access, tokens.refresh}));
    }
    bool applicationIsDark() const { return ColorScheme::isDark(QApplication::palette()); }

private Q_SLOTS:
    void initTestCase()
    {
        becomeTheApp(m_env);
        // A private session bus with the stand-in portal on it, before anything uses the bus.
        m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                    QStringLiteral("--print-address=1")});
        QVERIFY2(m_bus.waitForStarted(), "dbus-daemon (Debian package: dbus) is needed");
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), kWaitMs);
        const QByteArray address = m_bus.readLine().trimmed();
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        QDBusConnection portalBus =
            QDBusConnection::connectToBus(QString::fromUtf8(address), QStringLiteral("portal"));
        QVERIFY(portalBus.isConnected());
        QVERIFY(
            portalBus.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), &m_portal,
                                     QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY(portalBus.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));

        m_servers.start();
        m_prod = std::make_unique<SandboxProcess>();
        QVERIFY(m_prod->isRunning());
        QCOMPARE(ServerRegistry().set(QStringLiteral("prod"), m_prod->baseUrl()), QString());
        QAccessible::installUpdateHandler(recordAlerts);
        // As with a screen reader running: Qt sends accessibility events only then.
        QPlatformAccessibility *accessibility =
            QGuiApplicationPrivate::platformIntegration()->accessibility();
        QVERIFY(accessibility);
        accessibility->setActive(true);
    }
    void cleanupTestCase()
    {
        QGuiApplicationPrivate::platformIntegration()->accessibility()->setActive(false);
        QAccessible::installUpdateHandler(nullptr);
        m_scheme.reset();
        m_bus.terminate();
        m_bus.waitForFinished();
    }
    void init()
    {
        m_servers.fresh();
        m_prod->reset();
        m_prod->setSettings(kUser, defaults());
        signIn(*m_servers.dev);
        signIn(*m_prod);
        g_alerts.clear();
    }
    void cleanup()
    {
        m_servers.finish(m_ui);
        m_languages.reset();
        if (m_scheme && m_scheme->scheme() == ColorScheme::Scheme::Dark) {
            m_portal.change(2);
            QTRY_VERIFY_WITH_TIMEOUT(!applicationIsDark(), kWaitMs);
        }
    }

    // The portal says dark at the start: the window turns dark; the desktop switches to light and
    // back while the window is open: it follows both times.
    void followsThePortalsColorScheme()
    {
        QVERIFY(!applicationIsDark()); // offscreen's own palette is light
        m_portal.colorScheme = 1;      // prefer dark
        m_scheme = std::make_unique<ColorScheme>();
        QVERIFY(!m_scheme->isFixed());
        open(QStringLiteral("dev"));
        QTRY_VERIFY_WITH_TIMEOUT(applicationIsDark(), kWaitMs);
        const QPalette shown = m_ui.window->settingsForm()->palette();
        QVERIFY(shown.color(QPalette::Window).lightness() < 80);
        QVERIFY(contrast(shown.color(QPalette::WindowText), shown.color(QPalette::Window)) >= 7);
        QVERIFY(contrast(shown.color(QPalette::Text), shown.color(QPalette::Base)) >= 7);
        // An unchecked box, as drawn, can be told from the window around it (it could not).
        QCheckBox unchecked(m_ui.window->settingsForm());
        unchecked.resize(unchecked.sizeHint());
        QStyleOptionButton option;
        option.initFrom(&unchecked);
        const QPoint middle =
            unchecked.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &unchecked).center();
        const QColor inside = unchecked.grab().toImage().pixelColor(middle);
        QVERIFY2(contrast(inside, shown.color(QPalette::Window)) >= 1.5, qPrintable(inside.name()));

        m_portal.change(2); // prefer light
        QTRY_VERIFY_WITH_TIMEOUT(!applicationIsDark(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_ui.window->settingsForm()->palette().color(QPalette::Window).lightness() > 180, kWaitMs);
        m_portal.change(1);
        QTRY_VERIFY_WITH_TIMEOUT(applicationIsDark(), kWaitMs);
        QCOMPARE(m_scheme->scheme(), ColorScheme::Scheme::Dark);
    }

    // Every text on the banner against its own colour (read from the rendered banner): at least 4.5:1
    // for Production and Development, in light and in dark.
    void serverBannersKeepTheirContrast_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<uint>("portal");
        QTest::newRow("Development, light") << QStringLiteral("dev") << 2u;
        QTest::newRow("Development, dark") << QStringLiteral("dev") << 1u;
        QTest::newRow("Production, light") << QStringLiteral("prod") << 2u;
        QTest::newRow("Production, dark") << QStringLiteral("prod") << 1u;
    }
    void serverBannersKeepTheirContrast()
    {
        QFETCH(QString, server);
        QFETCH(uint, portal);
        if (!m_scheme)
            m_scheme = std::make_unique<ColorScheme>();
        m_portal.change(portal);
        QTRY_COMPARE_WITH_TIMEOUT(applicationIsDark(), portal == 1, kWaitMs);
        open(server);
        ServerBanner *banner = m_ui.window->serverBanner();
        const QImage image = banner->grab().toImage();
        const QColor background = image.pixelColor(image.width() / 2, 2);
        QCOMPARE(background, ServerBanner::backgroundFor(banner->active()));
        const QList<QLabel *> labels = banner->findChildren<QLabel *>(); // the switch's label too
        QVERIFY(labels.contains(banner->headline()) && labels.contains(banner->detail()));
        for (QLabel *label : labels) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            const double ratio = strongestContrast(
                image.copy(QRect(label->mapTo(banner, QPoint(0, 0)), label->size())), background);
            QVERIFY2(
                ratio >= 4.5,
                qPrintable(
                    QStringLiteral("\"%1\" on %2: %3:1").arg(label->text(), background.name()).arg(ratio)));
        }
    }

    // Apply fails: the error banner is announced as an alert and the keyboard is on its Retry;
    // a banner the user did not cause (the first load fails) is announced but takes no focus.
    void errorBannerIsAnnouncedAndFocusedAfterApply()
    {
        m_servers.dev->addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), 500}}));
        m_languages = std::make_unique<LanguageManager>();
        MainWindow::Options options;
        options.server = QStringLiteral("dev");
        options.tokenStore = m_servers.store.get();
        options.languages = m_languages.get();
        m_ui.open(options);
        QVERIFY(QTest::qWaitForWindowActive(m_ui.window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.errorBanner()->isVisible() && m_ui.idle(), kWaitMs);
        QTRY_VERIFY(!g_alerts.isEmpty());
        QCOMPARE(g_alerts.last(), m_ui.errorBanner());
        QVERIFY(!m_ui.errorBanner()->isAncestorOf(QApplication::focusWidget()));

        m_ui.click(m_ui.errorBanner()->actionButton()); // Retry: loads now
        m_ui.waitLoaded();
        m_ui.flip(kPayment);
        g_alerts.clear();
        m_servers.dev->addFault(fault(QStringLiteral("status"), {{QStringLiteral("status"), 500}}));
        m_ui.applyButton()->setFocus();
        QTest::keyClick(m_ui.applyButton(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.errorBanner()->isVisible() && m_ui.idle(), kWaitMs);
        QTRY_VERIFY(!g_alerts.isEmpty());
        QCOMPARE(g_alerts.last(), m_ui.errorBanner());
        QCOMPARE(QApplication::focusWidget(), m_ui.errorBanner()->actionButton());
        QCOMPARE(m_ui.errorBanner()->actionButton()->text(), QStringLiteral("Retry"));
        // Space on it retries, as on any focused button.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        m_ui.waitIdle();
        QTRY_VERIFY_WITH_TIMEOUT(!m_ui.errorBanner()->isVisible(), kWaitMs);
        QVERIFY(!m_ui.model()->hasPending());
    }

    // With the master switch off, in the platform's light palette and in dark: a description is
    // drawn dimmer than its label, and an inactive row's description no darker than its label
    // (the light palette drew disabled labels paler than their descriptions, upside down).
    void inactiveRowsReadAsOne_data()
    {
        QTest::addColumn<uint>("portal");
        QTest::newRow("light") << 2u;
        QTest::newRow("dark") << 1u;
    }
    void inactiveRowsReadAsOne()
    {
        QFETCH(uint, portal);
        if (!m_scheme)
            m_scheme = std::make_unique<ColorScheme>();
        m_portal.change(portal);
        QTRY_COMPARE_WITH_TIMEOUT(applicationIsDark(), portal == 1, kWaitMs);
        QJsonObject settings = defaults();
        settings.insert(QStringLiteral("notifications"), false);
        m_servers.dev->setSettings(kUser, settings);
        open(QStringLiteral("dev"));
        const QColor window = m_ui.window->settingsForm()->palette().color(QPalette::Window);
        // The strongest text colour drawn: the pixel that stands out most from the window.
        const auto ink = [&window](QWidget *widget, const QRect &area) {
            return strongestContrast(widget->grab(area).toImage(), window);
        };
        const auto labelInk = [&ink](FieldRow *row) {
            auto *check = qobject_cast<QCheckBox *>(row->editor());
            QStyleOptionButton option;
            option.initFrom(check);
            return ink(check, check->style()->subElementRect(QStyle::SE_CheckBoxContents, &option, check));
        };
        FieldRow *active = m_ui.row(QStringLiteral("totalFundVisibility"));
        FieldRow *inactive = m_ui.row(kPayment);
        QVERIFY(active->description()->isEnabled() && !inactive->description()->isEnabled());
        const double activeLabel = labelInk(active);
        const double activeDescription = ink(active->description(), active->description()->rect());
        QVERIFY2(activeDescription < activeLabel,
                 qPrintable(QStringLiteral("%1 against %2").arg(activeDescription).arg(activeLabel)));
        const double inactiveLabel = labelInk(inactive);
        const double inactiveDescription = ink(inactive->description(), inactive->description()->rect());
        QVERIFY2(inactiveDescription <= inactiveLabel * 1.05,
                 qPrintable(QStringLiteral("%1 against %2").arg(inactiveDescription).arg(inactiveLabel)));
        QVERIFY(inactiveLabel < activeLabel);
    }

    // In Turkish: the sign-in's date and the request log's sizes are Turkish, every button shows
    // its whole text at the opening size, and the first change does not widen the window.
    void turkishWindow()
    {
        open(QStringLiteral("dev"), QStringLiteral("tr"));
        const QLocale turkish(QLocale::Turkish, QLocale::Turkey);
        const QDateTime expiry = m_ui.current()->account()->accessInfo().expiry.toLocalTime();
        QVERIFY(expiry.isValid());
        const QString date = turkish.toString(expiry, QLocale::ShortFormat);
        QVERIFY2(m_ui.accountStatus()->text().contains(date),
                 qPrintable(m_ui.accountStatus()->text() + QStringLiteral(" lacks ") + date));
        // Times are held together by no-break spaces; the words are the locale's.
        const QString freshness =
            m_ui.window->findChild<FreshnessLabel *>()->text().replace(QChar::Nbsp, QLatin1Char(' '));
        const QString updated =
            turkish.toString(m_ui.model()->updatedAt().toLocalTime(), QLocale::LongFormat);
        QVERIFY2(m_ui.model()->updatedAt().isValid() && freshness.contains(updated),
                 qPrintable(freshness + QStringLiteral(" lacks ") + updated));

        const RequestLogDock *log = m_ui.window->requestLog();
        const QAbstractItemModel *requests = log->findChild<QTableView *>()->model();
        QVERIFY(requests->rowCount() > 0);
        const QString size = requests->index(0, RequestLogModel::Size).data().toString();
        QVERIFY2(!size.contains(QStringLiteral("byte")), qPrintable(size));
        QVERIFY2(size.contains(QStringLiteral("bayt")) || size.contains(QStringLiteral("KiB")),
                 qPrintable(size));

        const int openedWidth = m_ui.window->width();
        for (QPushButton *button : m_ui.window->findChildren<QPushButton *>()) {
            if (!button->isVisible())
                continue;
            const int textWidth = button->fontMetrics().horizontalAdvance(button->text());
            const int needed = textWidth + (button->icon().isNull() ? 0 : button->iconSize().width());
            QVERIFY2(button->width() >= button->sizeHint().width() && button->width() > needed,
                     qPrintable(QStringLiteral("%1: %2 px for %3 px")
                                    .arg(button->text())
                                    .arg(button->width())
                                    .arg(button->sizeHint().width())));
        }
        m_ui.flip(kPayment);
        settleLayouts();
        QVERIFY(m_ui.shownAsChanged(kPayment) || m_ui.row(kPayment)->revertButton()->isVisible());
        QCOMPARE(m_ui.window->width(), openedWidth);
        QPushButton *revert = m_ui.window->applyBar()->revertButton();
        QVERIFY2(revert->width() >= revert->sizeHint().width(), qPrintable(revert->text()));
        QPushButton *apply = m_ui.applyButton();
        QVERIFY2(apply->width() >= apply->sizeHint().width(), qPrintable(apply->text()));
    }
};

QTEST_MAIN(TestLooks)
#include "tst_looks.moc"
