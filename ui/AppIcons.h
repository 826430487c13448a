#pragma once

#include <QIcon>

// The app's icons: the SVGs in resources/icons, drawn by Qt SVG's icon engine, sharp at every size
// and scale, the same on every desktop. Not looked up in the desktop's icon theme: that would
// match Breeze's look on KDE, but Adwaita has no dialog-ok-apply, the window's theme entry is this
// same SVG once installed, and the first lookup reads the theme's whole index (4-5 ms at start-up,
// docs/benchmarks.md).
namespace AppIcons {
QIcon apply();
QIcon revert();
QIcon window();
} // namespace AppIcons
