#pragma once

#include "HelperThread.h"

// Reads the system's font configuration on a helper thread from when it is made, which may be
// before QApplication exists. Qt reads it (fontconfig: ~3 ms of XML here, most of its font
// set-up) when a window first measures a text; read beside QApplication's own start and the
// window's first widgets, it is ready by then. waitUntilRead() must come before the first text is
// measured: Qt then finds it read, where it would otherwise read it a second time beside this one.
class FontWarmer
{
public:
    FontWarmer();
    void waitUntilRead();

private:
    HelperThread m_thread;
};
