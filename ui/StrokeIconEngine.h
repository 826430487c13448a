#pragma once

#include <QColor>
#include <QIconEngine>
#include <QPainterPath>

// An icon drawn from a path of strokes on a 16×16 grid, in one colour: sharp at every size and
// scale, and nothing to decode or load when the window starts (an image icon reads its files
// and looks up Qt's image-format plugins first). Disabled icons are drawn faded.
class StrokeIconEngine : public QIconEngine
{
public:
    StrokeIconEngine(const QPainterPath &path, const QColor &color, qreal width);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    QPainterPath m_path;
    QColor m_color;
    qreal m_width;
};
