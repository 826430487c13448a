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
    mutable QString m_measuredText; // the text the heights are for
    mutable QHash<int, int> m_heights;
};
