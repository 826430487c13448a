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
// line and a faint fill, all translucent, below the title. Drawn once as the same nine-patch, and
// laid out as Fusion stretches its PNG: drawing the rounded rectangles at full size each time
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
    const QRect frame = option->rect.adjusted(0, top, 0, 0);
    const NinePatch &nine = groupBoxFrame(painter->device()->devicePixelRatio());
    const QRect inside = frame.adjusted(kCorner, kCorner, -kCorner, -kCorner);
    if (!inside.isValid() || nine.edges.isEmpty()) { // too small, or a scale of no whole pixels
        const int corner = qRound(kCorner * nine.pixmap.devicePixelRatio()); // in the pixmap's pixels
        qDrawBorderPixmap(painter, frame, QMargins(kCorner, kCorner, kCorner, kCorner), nine.pixmap,
                          nine.pixmap.rect(), QMargins(corner, corner, corner, corner));
        return;
    }
    // The corners as they are; the edges and the inside, whose every line is one colour along its
    // length, filled line by line: stretching the pixmap's pixels over them (qDrawBorderPixmap)
    // took a seventh of the window's paint.
    const qreal scale = nine.pixmap.devicePixelRatio();
    const qreal corner = kCorner * scale;
    const auto cornerAt = [&](QPoint at, QPointF from) {
        painter->drawPixmap(QRectF(at, QSizeF(kCorner, kCorner)), nine.pixmap,
                            QRectF(from * scale, QSizeF(corner, corner)));
    };
    const int right = inside.right() + 1;
    const int bottom = inside.bottom() + 1;
    cornerAt(frame.topLeft(), QPointF(0, 0));
    cornerAt(QPoint(right, frame.top()), QPointF(kCorner + 1, 0));
    cornerAt(QPoint(frame.left(), bottom), QPointF(0, kCorner + 1));
    cornerAt(QPoint(right, bottom), QPointF(kCorner + 1, kCorner + 1));
    const qreal line = 1 / scale;
    const int lines = int(nine.edges.size() / 4);
    for (int i = 0; i < lines; ++i) {
        const qreal inward = i * line;
        painter->fillRect(QRectF(inside.left(), frame.top() + inward, inside.width(), line),
                          nine.edges[4 * i]);
        painter->fillRect(QRectF(inside.left(), frame.bottom() + 1 - inward - line, inside.width(), line),
                          nine.edges[4 * i + 1]);
    }
    // The sides and the inside, a band of rows at a time: Qt 6.4's raster engine hands a fill of
    // 96 rows or more to its thread pool in pieces and waits for them, which costs more than these
    // fills (and far more when the other core is busy).
    const qreal band = 64 * line;
    for (qreal top = inside.top(); top < bottom; top += band) {
        const qreal height = qMin(band, bottom - top);
        for (int i = 0; i < lines; ++i) {
            const qreal inward = i * line;
            painter->fillRect(QRectF(frame.left() + inward, top, line, height), nine.edges[4 * i + 2]);
            painter->fillRect(QRectF(frame.right() + 1 - inward - line, top, line, height),
                              nine.edges[4 * i + 3]);
        }
        painter->fillRect(QRectF(inside.left(), top, inside.width(), height), nine.inside);
    }
}

const AppStyle::NinePatch &AppStyle::groupBoxFrame(qreal scale) const
{
    if (!m_groupBoxFrame.pixmap.isNull() && qFuzzyCompare(m_groupBoxFrame.pixmap.devicePixelRatio(), scale))
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

    // The colour of each line of the edges, outermost first (top, bottom, left, right), and of the
    // inside: where a point has whole pixels.
    const auto colourAt = [&image](int x, int y) {
        return QColor::fromRgba64(QRgba64::fromArgb32(image.pixel(x, y)).unpremultiplied());
    };
    m_groupBoxFrame.edges.clear();
    const int corner = qRound(kCorner * scale);
    const int middle = image.width() / 2;
    if (qFuzzyCompare(scale, qreal(qRound(scale)))) {
        for (int i = 0; i < corner; ++i) {
            m_groupBoxFrame.edges << colourAt(middle, i) << colourAt(middle, image.height() - 1 - i)
                                  << colourAt(i, middle) << colourAt(image.width() - 1 - i, middle);
        }
    }
    m_groupBoxFrame.inside = colourAt(middle, middle);
    m_groupBoxFrame.pixmap = QPixmap::fromImage(image);
    return m_groupBoxFrame;
}
