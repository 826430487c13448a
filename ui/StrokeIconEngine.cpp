#include "StrokeIconEngine.h"

#include <QPainter>
#include <QPixmap>

namespace {
constexpr qreal kGrid = 16;
constexpr qreal kDisabledOpacity = 0.4;
} // namespace

StrokeIconEngine::StrokeIconEngine(const QPainterPath &path, const QColor &color, qreal width)
    : m_path(path), m_color(color), m_width(width)
{
}

void StrokeIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const qreal side = qMin(rect.width(), rect.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2);
    painter->scale(side / kGrid, side / kGrid);
    if (mode == QIcon::Disabled)
        painter->setOpacity(kDisabledOpacity);
    painter->setPen(QPen(m_color, m_width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->restore();
}

// Qt asks for HiDPI pixmaps at their size in device pixels, so one drawing at the size asked for
// serves every scale.
QPixmap StrokeIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRect(QPoint(), size), mode, state);
    return pixmap;
}

QIconEngine *StrokeIconEngine::clone() const
{
    return new StrokeIconEngine(m_path, m_color, m_width);
}

QString StrokeIconEngine::key() const
{
    return QStringLiteral("StrokeIconEngine");
}
