#include "AppStyle.h"

#include "AppIcons.h"

#include <QGroupBox>
#include <QGuiApplication>
#include <QPainter>
#include <QStyleOption>
#include <QWidget>

AppStyle::AppStyle(const QString &baseStyleName)
    : QProxyStyle(baseStyleName),
      m_fusion(baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
{
}

QIcon AppStyle::standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const
{
    if (icon == SP_ToolBarHorizontalExtensionButton) { // the menu bar's; vertical tool bars we have none
        const QPalette palette = widget ? widget->palette() : QGuiApplication::palette();
        return AppIcons::overflow(palette.color(QPalette::ButtonText));
    }
    return QProxyStyle::standardIcon(icon, option, widget);
}

// Fusion's group box frame, as its fusion_groupbox.png draws it: a rounded grey line, a faint inner
// line and a faint fill, all translucent, below the title.
void AppStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                             const QWidget *widget) const
{
    if (element != PE_FrameGroupBox || !m_fusion)
        return QProxyStyle::drawPrimitive(element, option, painter, widget);
    constexpr int kTitleGap = 3; // Fusion's margin above the frame
    const auto *box = qobject_cast<const QGroupBox *>(widget);
    const int top =
        box && !box->isCheckable() && box->title().isEmpty()
            ? kTitleGap
            : qMax(pixelMetric(PM_ExclusiveIndicatorHeight), option->fontMetrics.height()) + kTitleGap;
    const QRectF outer = QRectF(option->rect.adjusted(0, top, 0, 0)).adjusted(1.5, 1.5, -0.5, -0.5);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0x75, 0x75, 0x75, 0x32), 1));
    painter->setBrush(QColor(0, 0, 0, 3));
    painter->drawRoundedRect(outer, 2, 2);
    painter->setPen(QPen(QColor(0, 0, 0, 5), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(outer.adjusted(1, 1, -1, -1), 1, 1);
    painter->restore();
}
