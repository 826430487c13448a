#pragma once

#include <thread>

// Fills Qt's font database on a second core while the window is being built. Loading
// fontconfig's configuration and font list takes about 5 ms, which the first text the window
// measures would otherwise spend on the GUI thread. QFontDatabase is thread-safe: the GUI thread's
// first font lookup waits for the fill under Qt's lock instead of doing it again.
// Construct after the QGuiApplication; the destructor waits for the thread.
class FontDatabaseWarmup
{
public:
    FontDatabaseWarmup();
    ~FontDatabaseWarmup();
    FontDatabaseWarmup(const FontDatabaseWarmup &) = delete;
    FontDatabaseWarmup &operator=(const FontDatabaseWarmup &) = delete;

private:
    std::thread m_thread;
};
