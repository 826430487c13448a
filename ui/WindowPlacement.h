#pragma once

#include <functional>

class QDockWidget;
class QMainWindow;

// The window's size and position and the request log's place and visibility, kept in the app's
// settings (AppSettings) from one run to the next.
class WindowPlacement
{
public:
    // When the user closes the window; `log` is null if the request log was never built.
    static void save(const QMainWindow *window, const QDockWidget *log);
    // Puts the window back where it was, and the request log as it was, building it through
    // `buildLog` if it was open (one built later: QMainWindow::restoreDockWidget). False if
    // nothing was kept (a first start).
    static bool restore(QMainWindow *window, const std::function<QDockWidget *()> &buildLog);

private:
    WindowPlacement() = delete;
};
