#pragma once

#include "HelperThread.h"

// Fills Qt's font database on a thread of its own, from when it is made; the destructor waits
// for it. Qt reads the system's font configuration (fontconfig: a few milliseconds of XML) when
// a window first measures a text; made right after QApplication, this reads it on the other core
// while the window is built, and the first measurement waits for it (QFontDatabase is
// thread-safe) instead of reading it a second time.
class FontWarmer
{
public:
    FontWarmer();

private:
    HelperThread m_thread;
};
