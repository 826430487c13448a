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
    const Measured now = current();
    if (!(m_measured == now) || m_heights.size() >= kRemembered) {
        m_heights.clear();
        m_measured = now;
    }
    const auto known = m_heights.constFind(width);
    if (known != m_heights.constEnd())
        return *known;
    const int height = QLabel::heightForWidth(width);
    m_heights.insert(width, height);
    return height;
}

WrappingLabel::Measured WrappingLabel::current() const
{
    return {text(), textFormat(), wordWrap(), indent(), margin()};
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
