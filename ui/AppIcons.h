#pragma once

#include <QColor>
#include <QIcon>

// The app's own icons. Apply and Revert are drawn (StrokeIconEngine), the window's icon is the
// app's PNG at 1× and @2×: decoding it takes a couple of milliseconds, so it is set once the
// window is up.
namespace AppIcons {
QIcon apply();
QIcon revert();
// The menu bar's "more" button (», « right to left), for AppStyle: Qt's own is a PNG.
QIcon overflow(const QColor &color, bool rightToLeft = false);
QIcon window();
} // namespace AppIcons
