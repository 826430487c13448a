#pragma once

#include <QColor>
#include <QList>
#include <QPixmap>
#include <QProxyStyle>

// The style the user's Qt would pick (Fusion, Breeze, or whatever -style or QT_STYLE_OVERRIDE
// chose), with what it reads from PNG files at start drawn instead: the menu bar's "more" button
// and, in Qt 6.4's Fusion, the group boxes' frames. The first image file read loads every
// image-format plugin Qt has (SVG, GIF, ICO, JPEG and the libraries they need) before the window
// can open.
class AppStyle : public QProxyStyle
{
    Q_OBJECT
public:
    explicit AppStyle(const QString &baseStyleName);

    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;

private:
    static constexpr int kCorner = 6; // the nine-patch's corner, as in Fusion's PNG
    // Fusion's group box frame as a nine-patch, with the colours of its edges' lines and inside.
    struct NinePatch
    {
        QPixmap pixmap;
        QList<QColor> edges; // per line from the outside in: top, bottom, left, right
        QColor inside;
    };
    const NinePatch &groupBoxFrame(qreal scale) const;

    bool m_drawsGroupBoxFrame;
    mutable NinePatch m_groupBoxFrame; // drawn on first use, at the scale asked for
};
