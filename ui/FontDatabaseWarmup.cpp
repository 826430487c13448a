#include "FontDatabaseWarmup.h"

#include <QFontDatabase>
#include <QStringList>

FontDatabaseWarmup::FontDatabaseWarmup() : m_thread([] { QFontDatabase::families(); }) {}

FontDatabaseWarmup::~FontDatabaseWarmup()
{
    m_thread.join();
}
