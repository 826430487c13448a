#pragma once

#include <QObject>
#include <QPalette>
#if __has_include(<QDBusVariant>)
#include <QDBusVariant> // complete, so that the slot below can take the portal's signal
#else
class QDBusVariant;
#endif

// Follows the desktop's light or dark preference for the whole application: the freedesktop
// portal's org.freedesktop.appearance color-scheme (read over D-Bus without blocking, and followed
// when it changes), else the platform palette as Qt got it. ALLMINE_COLOR_SCHEME=dark or light
// overrides both (for screenshots and tests). A dark preference on a light platform palette gets
// the Fusion style with darkPalette(); a light one afterwards gets the platform's look back.
class ColorScheme : public QObject
{
    Q_OBJECT
public:
    enum class Scheme
    {
        Light,
        Dark
    };

    explicit ColorScheme(QObject *parent = nullptr);

    Scheme scheme() const { return m_scheme; }
    // Whether the override variable decided (the portal is then not asked).
    bool isFixed() const { return m_fixed; }

    static QPalette darkPalette();
    static bool isDark(const QPalette &palette);

Q_SIGNALS:
    void schemeChanged(ColorScheme::Scheme scheme);

private Q_SLOTS:
    void onSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void askPortal();
    void followPortal(uint value);
    void setScheme(Scheme scheme);

    Scheme m_scheme = Scheme::Light;
    bool m_fixed = false;
    bool m_platformDark = false; // the palette Qt got from the platform is dark already
    bool m_applied = false;      // our dark palette is the application's
    QString m_platformStyle;
};
