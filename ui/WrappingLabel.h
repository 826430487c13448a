#pragma once

#include <QHash>
#include <QLabel>

// A word-wrapped label that remembers its height at the widths it was asked about. Layouts ask a
// wrapping label its height several times for one width (for the minimum and for the size, in
// each pass), and QLabel lays its text out anew every time: the account line was laid out 13
// times before the window first showed.
class WrappingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // What the heights depend on besides the font and frame (whose changes come as events);
    // QLabel's setters for these are not virtual, so they are compared at each question.
    struct Measured
    {
        QString text;
        Qt::TextFormat format = Qt::AutoText;
        bool wordWrap = true;
        int indent = -1;
        int margin = 0;
        bool operator==(const Measured &other) const
        {
            return text == other.text && format == other.format && wordWrap == other.wordWrap &&
                   indent == other.indent && margin == other.margin;
        }
    };
    Measured current() const;

    mutable Measured m_measured; // what the heights are for
    mutable QHash<int, int> m_heights;
};
