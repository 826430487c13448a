#include "OneLineLabel.h"

#include <QEvent>
#include <QStyle>
#include <QTextDocument>

OneLineLabel::OneLineLabel(QWidget *parent) : QLabel(parent) {}

bool OneLineLabel::measuresItself() const
{
    const QString shown = text();
    const bool plain =
        textFormat() == Qt::PlainText || (textFormat() == Qt::AutoText && !Qt::mightBeRichText(shown));
    const bool oneLine = !shown.isEmpty() && !shown.contains(QLatin1Char('\n')) &&
                         !shown.contains(QChar::LineSeparator) && !shown.contains(QLatin1Char('\t'));
    return plain && oneLine && !wordWrap() && !buddy() && indent() <= 0 && frameWidth() == 0 &&
           pixmap().isNull() && !movie();
}

QSize OneLineLabel::sizeHint() const
{
    return measuresItself() ? measured() : QLabel::sizeHint();
}

QSize OneLineLabel::minimumSizeHint() const
{
    // One line that does not wrap needs all of its width and its height.
    return measuresItself() ? measured() : QLabel::minimumSizeHint();
}

QSize OneLineLabel::measured() const
{
    const QString shown = text();
    const QMargins margins = contentsMargins();
    const QSize around(margins.left() + margins.right() + 2 * margin(),
                       margins.top() + margins.bottom() + 2 * margin());
    if (!m_textSize.isValid() || shown != m_measuredText) {
        // As QLabel measures text it does not wrap: in a box 2000 wide, aligned as it is shown
        // but not centred (which only moves the text).
        const int flags = int(QStyle::visualAlignment(layoutDirection(), alignment()) &
                              ~(Qt::AlignVCenter | Qt::AlignHCenter));
        m_textSize = fontMetrics().boundingRect(0, 0, 2000 - around.width(), 2000, flags, shown).size();
        m_measuredText = shown;
    }
    return (m_textSize + around).expandedTo(minimumSize());
}

void OneLineLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        m_textSize = QSize();
    QLabel::changeEvent(event);
}
