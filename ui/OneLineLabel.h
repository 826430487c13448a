#pragma once

#include <QLabel>

// A label of one line of plain text that measures it once per text and font. For text it does
// not wrap, QLabel lays its text out three times to answer the layout (its size, its minimum's
// width and its minimum's height), each as costly as the first: the window's labels cost a tenth
// of its start-up so. Anything else (wrapping, several lines, tabs, rich text, a mnemonic, an
// indent or a frame) is QLabel's to measure; gui_onelinelabel checks both always agree.
class OneLineLabel : public QLabel
{
    Q_OBJECT
public:
    explicit OneLineLabel(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    bool measuresItself() const;
    // The size of its one line, measured once per text and font (for a label measuresItself()).
    QSize measured() const;

    mutable QString m_measuredText;
    mutable QSize m_textSize; // invalid until measured, and after a font or style change
};
