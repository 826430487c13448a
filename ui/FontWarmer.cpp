#include "FontWarmer.h"

#include <QFontDatabase>
#include <QStringList>

FontWarmer::FontWarmer() : m_thread([] { (void)QFontDatabase::families(); }) {}
