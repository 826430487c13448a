#include "AppIcons.h"

#include "StrokeIconEngine.h"

#include <QTransform>

// Outside any namespace, as Q_INIT_RESOURCE requires; keeps the icons in a static link.
static void initIcons()
{
    Q_INIT_RESOURCE(icons);
}

// The paths are those of resources/icons/apply.svg and revert.svg, which stay the artwork.
QIcon AppIcons::apply()
{
    QPainterPath check(QPointF(2.5, 8.5));
    check.lineTo(6.5, 12.5);
    check.lineTo(13.5, 3.5);
    return QIcon(new StrokeIconEngine(check, QColor(0x2e, 0x7d, 0x32), 2));
}

QIcon AppIcons::revert()
{
    QPainterPath arrow(QPointF(4, 3));
    arrow.lineTo(1, 6);
    arrow.lineTo(4, 9);
    arrow.moveTo(1.5, 6);
    arrow.lineTo(10, 6);
    arrow.arcTo(QRectF(6, 6, 8, 8), 90, -180); // the SVG's "a4 4 0 0 1 0 8": right half-circle down
    arrow.lineTo(6, 14);
    return QIcon(new StrokeIconEngine(arrow, QColor(0x5f, 0x6b, 0x7a), 1.6));
}

QIcon AppIcons::overflow(const QColor &color, bool rightToLeft)
{
    QPainterPath chevrons(QPointF(3.5, 4));
    chevrons.lineTo(7.5, 8);
    chevrons.lineTo(3.5, 12);
    chevrons.moveTo(8.5, 4);
    chevrons.lineTo(12.5, 8);
    chevrons.lineTo(8.5, 12);
    if (rightToLeft)
        chevrons = QTransform(-1, 0, 0, 1, 16, 0).map(chevrons);
    return QIcon(new StrokeIconEngine(chevrons, color, 1.6));
}

QIcon AppIcons::window()
{
    initIcons();
    QIcon icon(QStringLiteral(":/icons/" ALLMINE_APP_ID ".png"));
    icon.addFile(QStringLiteral(":/icons/" ALLMINE_APP_ID "@2x.png"));
    return icon;
}
