#include "WrappingLabel.h"

#include <QEvent>

namespace {
constexpr int kRemembered = 16; // widths; a window being resized asks about a new one each step
} // namespace

WrappingLabel::WrappingLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
}

int WrappingLabel::heightForWidth(int width) const
{
    // setText() is not virtual: a changed text is noticed here.
    if (m_measuredText != text() || m_heights.size() >= kRemembered) {
        m_heights.clear();
        m_measuredText = text();
    }
    const auto known = m_heights.constFind(width);
    if (known != m_heights.constEnd())
        return *known;
    const int height = QLabel::heightForWidth(width);
    m_heights.insert(width, height);
    return height;
}

void WrappingLabel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::ContentsRectChange:
    case QEvent::LayoutDirectionChange:
        m_heights.clear();
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}
