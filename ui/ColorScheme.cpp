#include "ColorScheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#ifdef ALLMINE_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace {
const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kSettingsInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString kAppearance = QStringLiteral("org.freedesktop.appearance");
const QString kColorScheme = QStringLiteral("color-scheme");
// The portal's color-scheme values.
constexpr uint kPreferDark = 1;
constexpr uint kPreferLight = 2;

#ifdef ALLMINE_HAVE_DBUS
// Read() wraps the value in one variant more than the specification says; unwrap them all.
QVariant unwrapped(QVariant value)
{
    while (value.metaType() == QMetaType::fromType<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    return value;
}
#endif
} // namespace

ColorScheme::ColorScheme(QObject *parent) : QObject(parent), m_platformStyle(QApplication::style()->name())
{
    m_platformDark = isDark(QApplication::palette());
    m_scheme = m_platformDark ? Scheme::Dark : Scheme::Light;
    const QString forced = qEnvironmentVariable("ALLMINE_COLOR_SCHEME").trimmed().toLower();
    if (forced == QLatin1String("dark") || forced == QLatin1String("light")) {
        m_fixed = true;
        setScheme(forced == QLatin1String("dark") ? Scheme::Dark : Scheme::Light);
        return;
    }
    askPortal();
}

bool ColorScheme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QPalette ColorScheme::darkPalette()
{
    const QColor window(0x2b, 0x2b, 0x2b);
    // Lighter than the window, as dark themes draw fields: Fusion fills check boxes with it, and on a
    // darker fill an unchecked box could not be told from the window behind it.
    const QColor base(0x4c, 0x4c, 0x4c);
    const QColor text(0xee, 0xee, 0xee);
    const QColor dimmed(0x8a, 0x8a, 0x8a);
    const QColor accent(0x3d, 0x8e, 0xe6);
    QPalette palette(text, window);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, base.darker(115));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Button, window.lighter(115));
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, dimmed);
    palette.setColor(QPalette::Link, accent.lighter(130));
    palette.setColor(QPalette::LinkVisited, accent.lighter(110));
    palette.setColor(QPalette::Highlight, accent.darker(130));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, dimmed);
    palette.setColor(QPalette::Disabled, QPalette::Base, window.lighter(140)); // still a visible box
    return palette;
}

void ColorScheme::setScheme(Scheme scheme)
{
    const bool wantDark = scheme == Scheme::Dark && !m_platformDark;
    if (wantDark && !m_applied) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        m_applied = true;
    } else if (!wantDark && m_applied) {
        QApplication::setStyle(QStyleFactory::create(m_platformStyle));
        // An empty palette unsets ours: Qt's own (the platform theme's, else the style's) is back,
        // and follows the platform's later changes again.
        QApplication::setPalette(QPalette());
        m_applied = false;
    }
    if (scheme == m_scheme)
        return;
    m_scheme = scheme;
    Q_EMIT schemeChanged(scheme);
}

void ColorScheme::followPortal(uint value)
{
    if (value == kPreferDark)
        setScheme(Scheme::Dark);
    else if (value == kPreferLight)
        setScheme(Scheme::Light);
    else // no preference: the platform's palette
        setScheme(m_platformDark ? Scheme::Dark : Scheme::Light);
}

void ColorScheme::askPortal()
{
#ifdef ALLMINE_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    // QtDBus looks the slot's parameter types up by name, and Qt 6 knows QDBusVariant by name only
    // once it is registered: without this, connect() fails and changes are never seen.
    qRegisterMetaType<QDBusVariant>();
    // QDBusConnection matches the slot by its normalised text (no spaces).
    // clang-format off
    const bool following = bus.connect(kPortalService, kPortalPath, kSettingsInterface,
                                       QStringLiteral("SettingChanged"), this,
                                       SLOT(onSettingChanged(QString,QString,QDBusVariant)));
    // clang-format on
    if (!following)
        qWarning("allmine-settings: cannot follow changes of the desktop's colour scheme");
    QDBusMessage read = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kSettingsInterface,
                                                       QStringLiteral("Read"));
    read << kAppearance << kColorScheme;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *call;
        if (reply.isError()) // no portal, or one without this setting: the platform palette stays
            return;
        bool ok = false;
        const uint value = unwrapped(reply.value().variant()).toUInt(&ok);
        if (ok)
            followPortal(value);
    });
#endif
}

void ColorScheme::onSettingChanged(const QString &group, const QString &key, const QDBusVariant &value)
{
#ifdef ALLMINE_HAVE_DBUS
    if (group != kAppearance || key != kColorScheme)
        return;
    bool ok = false;
    const uint scheme = unwrapped(value.variant()).toUInt(&ok);
    if (ok)
        followPortal(scheme);
#else
    Q_UNUSED(group)
    Q_UNUSED(key)
    Q_UNUSED(value)
#endif
}
