#pragma once

#include <QIcon>

// The app's icons: the desktop's icon theme's where it has them, else the SVGs in resources/icons
// (drawn by Qt SVG's icon engine, sharp at every size and scale).
namespace AppIcons {
QIcon apply();
QIcon revert();
QIcon window();
} // namespace AppIcons
