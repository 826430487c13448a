#include "WindowFit.h"

#include <QLayout>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <algorithm>

QSize WindowFit::preferred(const QMainWindow *window, const QScrollArea *scroll, const QWidget *form)
{
    const QLayout *layout = window->centralWidget()->layout();
    const QMargins margins = layout->contentsMargins();
    const int width = std::max({window->sizeHint().width(), window->fontMetrics().averageCharWidth() * 100,
                                form->sizeHint().width() + margins.left() + margins.right()});
    const int formWidth = width - margins.left() - margins.right();
    // Each shown part at that width, asked directly (the layout's cached hints may predate the
    // loaded form or the final account line); wrapping labels are asked their height at it. The
    // scroll area gets its form's full height at the width left beside a vertical scroll bar: a
    // bar shown for a moment while the form loads narrows the form, its labels wrap, and it would
    // then never fit again.
    const int besideBar =
        formWidth - window->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, scroll);
    int height = window->menuBar()->sizeHint().height() + margins.top() + margins.bottom();
    int shown = 0;
    for (int i = 0; i < layout->count(); ++i) {
        const QWidget *part = layout->itemAt(i)->widget();
        if (!part || part->isHidden())
            continue;
        const QWidget *measured = part == scroll ? form : part;
        const int atWidth = part == scroll ? besideBar : formWidth;
        height +=
            measured->hasHeightForWidth() ? measured->heightForWidth(atWidth) : measured->sizeHint().height();
        ++shown;
    }
    height += layout->spacing() * std::max(0, shown - 1);
    const QScreen *screen = window->screen();
    if (!screen)
        return {width, height};
    const QRect available = screen->availableGeometry();
    const int titleBar = window->style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, window);
    return QSize(width, height).boundedTo(QSize(available.width(), available.height() - titleBar));
}

void WindowFit::resizeOnScreen(QMainWindow *window, const QSize &size)
{
    window->resize(size);
    const QScreen *screen = window->screen();
    if (!window->isVisible() || !screen)
        return;
    const QRect available = screen->availableGeometry();
    const int overflow = window->frameGeometry().bottom() - available.bottom();
    if (overflow > 0)
        window->move(window->x(), qMax(available.top(), window->y() - overflow));
}
