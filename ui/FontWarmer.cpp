#include "FontWarmer.h"

#ifdef ALLMINE_HAS_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

// Where Qt does not use fontconfig (Windows, macOS) there is nothing to read ahead.
FontWarmer::FontWarmer()
    : m_thread([] {
#ifdef ALLMINE_HAS_FONTCONFIG
          FcInit(); // the configuration Qt's font database then uses (fontconfig keeps one per process)
#endif
      })
{
}

void FontWarmer::waitUntilRead()
{
    m_thread.wait();
}
