#include "FontWarmer.h"

#ifdef ALLMINE_HAS_FONTCONFIG
#include <QtGui/qtguiglobal.h>
#if QT_CONFIG(fontconfig) // Qt's own font database reads it (not on Windows or macOS)
#define ALLMINE_READS_FONTCONFIG
#include <QtGlobal>
#include <exception>
#include <fontconfig/fontconfig.h>
#include <locale.h>
#endif
#endif

namespace {
#ifdef ALLMINE_READS_FONTCONFIG
void readConfiguration()
{
    // In a C locale of its own: QApplication sets the process's locale as it starts, which is not
    // safe beside a thread parsing numbers in it (fontconfig reads the C notation in any locale).
    const locale_t c = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    const locale_t previous = c ? uselocale(c) : locale_t(nullptr);
    FcInit(); // the configuration Qt's font database then uses (fontconfig keeps one per process)
    if (c) {
        uselocale(previous);
        freelocale(c);
    }
}
#endif
} // namespace

void FontWarmer::startBeforeApplication()
{
#ifdef ALLMINE_READS_FONTCONFIG
    // Startup notification: Qt's X11 and Wayland integrations (and GTK, under a GTK platform theme)
    // take these out of the environment as they start, and reading the environment is not safe
    // beside that. Launched from a menu with one of them, the reading starts after QApplication.
    if (qEnvironmentVariableIsSet("DESKTOP_STARTUP_ID") || qEnvironmentVariableIsSet("XDG_ACTIVATION_TOKEN"))
        return;
    start();
#endif
}

void FontWarmer::start()
{
#ifdef ALLMINE_READS_FONTCONFIG
    if (m_thread)
        return;
    try {
        m_thread = std::make_unique<HelperThread>(readConfiguration);
    } catch (const std::exception &) { // no thread to be had: Qt reads it when it first needs it
    }
#endif
}

void FontWarmer::waitUntilRead()
{
    if (m_thread)
        m_thread->wait();
}
