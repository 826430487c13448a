#include "AppStyle.h"

#include "AppIcons.h"

#include <QGroupBox>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QPainter>
#include <QStyleOption>
#include <QVersionNumber>
#include <QWidget>
#include <qdrawutil.h>

AppStyle::AppStyle(const QString &baseStyleName)
    : QProxyStyle(baseStyleName),
      // The frame goes where Qt 6.4's Fusion puts it; later Fusions compute its place elsewhere
      // (6.8 draws it at the rect it is given), so they draw their own.
      m_drawsGroupBoxFrame(baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0 &&
                           QLibraryInfo::version() < QVersionNumber(6, 5))
{
}

QIcon AppStyle::standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const
{
    if (icon == SP_ToolBarHorizontalExtensionButton) { // the menu bar's; vertical tool bars we have none
        const QPalette palette = widget ? widget->palette() : QGuiApplication::palette();
        const bool rightToLeft =
            (widget ? widget->layoutDirection() : QGuiApplication::layoutDirection()) == Qt::RightToLeft;
        return AppIcons::overflow(palette.color(QPalette::ButtonText), rightToLeft);
    }
    return QProxyStyle::standardIcon(icon, option, widget);
}

// Fusion's group box frame, as its fusion_groupbox.png draws it: a rounded grey line, a faint inner
// line and a faint fill, all translucent, below the title. Drawn once as the same nine-patch and
// stretched as Fusion stretches its PNG: drawing the rounded rectangles at full size each time
// cost twice as much.
void AppStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                             const QWidget *widget) const
{
    if (element != PE_FrameGroupBox || !m_drawsGroupBoxFrame)
        return QProxyStyle::drawPrimitive(element, option, painter, widget);
    constexpr int kTitleGap = 3; // Fusion's margin above the frame
    const auto *box = qobject_cast<const QGroupBox *>(widget);
    const int top =
        box && !box->isCheckable() && box->title().isEmpty()
            ? kTitleGap
            : qMax(pixelMetric(PM_ExclusiveIndicatorHeight), option->fontMetrics.height()) + kTitleGap;
    qDrawBorderPixmap(painter, option->rect.adjusted(0, top, 0, 0),
                      QMargins(kCorner, kCorner, kCorner, kCorner),
                      groupBoxFrame(painter->device()->devicePixelRatio()));
}

QPixmap AppStyle::groupBoxFrame(qreal scale) const
{
    if (!m_groupBoxFrame.isNull() && qFuzzyCompare(m_groupBoxFrame.devicePixelRatio(), scale))
        return m_groupBoxFrame;
    constexpr int side = 2 * kCorner + 1;
    QImage image(QSize(side, side) * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF outer = QRectF(0, 0, side, side).adjusted(1.5, 1.5, -0.5, -0.5);
    painter.setPen(QPen(QColor(0x75, 0x75, 0x75, 0x32), 1));
    painter.setBrush(QColor(0, 0, 0, 3));
    painter.drawRoundedRect(outer, 2, 2);
    painter.setPen(QPen(QColor(0, 0, 0, 5), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(outer.adjusted(1, 1, -1, -1), 1, 1);
    painter.end();
    m_groupBoxFrame = QPixmap::fromImage(image);
    return m_groupBoxFrame;
}
