#pragma once

#include <QSize>

class QMainWindow;
class QScrollArea;
class QWidget;

// The size a main window opens at: wide enough for its banner's sentence and every field on one
// line, tall enough to show every field of the scrolled form without scrolling, within the
// screen with room for the title bar.
class WindowFit
{
public:
    // `scroll` is one part of the central widget's layout and shows `form`.
    static QSize preferred(const QMainWindow *window, const QScrollArea *scroll, const QWidget *form);
    // Resizes `window` to `size`; grown downwards past the screen's end, moves it up to end there.
    static void resizeOnScreen(QMainWindow *window, const QSize &size);
};
