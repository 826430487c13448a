#include "WindowPlacement.h"

#include "servers/AppSettings.h"

#include <QDockWidget>
#include <QMainWindow>

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLogShown = QStringLiteral("window/requestLogShown");
} // namespace

void WindowPlacement::save(const QMainWindow *window, const QDockWidget *log)
{
    const auto settings = AppSettings::open();
    settings->setValue(kGeometry, window->saveGeometry());
    settings->setValue(kState, window->saveState());
    settings->setValue(kLogShown, log && log->isVisible());
}

bool WindowPlacement::restore(QMainWindow *window, const std::function<QDockWidget *()> &buildLog)
{
    const auto settings = AppSettings::open();
    const QByteArray geometry = settings->value(kGeometry).toByteArray();
    if (geometry.isEmpty() || !window->restoreGeometry(geometry))
        return false;
    // The dock must exist for restoreState() to show it.
    if (settings->value(kLogShown).toBool())
        buildLog();
    window->restoreState(settings->value(kState).toByteArray());
    return true;
}
