#pragma once

#include "HelperThread.h"

#include <memory>

// Reads the system's font configuration on a helper thread, from before QApplication exists where
// that is safe. Qt reads it (fontconfig: ~3 ms of XML here, most of its font set-up) when a window
// first measures a text; read beside QApplication's own start and the window's first widgets, it
// is ready by then. waitUntilRead() must come before the first text is measured: Qt then finds it
// read, where it would otherwise read it a second time beside this one.
class FontWarmer
{
public:
    // Before QApplication: starts reading unless QApplication's start may change the environment
    // the reading looks at (startup notification variables are set).
    void startBeforeApplication();
    // Once QApplication exists: starts reading if it has not started.
    void start();
    void waitUntilRead();

private:
    std::unique_ptr<HelperThread> m_thread; // null: not started, or no thread to be had
};
