// OneLineLabel measures its text once, and must give exactly QLabel's sizes (a pixel off moves
// the whole form): for any text, font, direction, margin and minimum size, and for what it leaves
// to QLabel (wrapping, rich text, a mnemonic, an indent, a frame).
#include "OneLineLabel.h"

#include <QTest>

namespace {
void setUp(QLabel &label, const QString &text, const QFont &font, Qt::LayoutDirection direction, int margin,
           const QMargins &contents, QSize minimum)
{
    label.setText(text);
    label.setFont(font);
    label.setLayoutDirection(direction);
    label.setMargin(margin);
    label.setContentsMargins(contents);
    label.setMinimumSize(minimum);
}
} // namespace

class OneLineLabelTest : public QObject
{
    Q_OBJECT
private slots:
    void sameSizesAsQLabel_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("description") << QStringLiteral(
            "Master switch: when off, no notification of any kind is sent.");
        QTest::addRow("Turkish") << QStringLiteral("Takip ettiğiniz biri canlı yayına başladığında.");
        QTest::addRow("one letter") << QStringLiteral("x");
        QTest::addRow("tab (QLabel's)") << QStringLiteral("Name:\tvalue");
        QTest::addRow("two lines (QLabel's)") << QStringLiteral("First line\nsecond, longer line");
        QTest::addRow("right to left") << QStringLiteral("عندما يبدأ شخص تتابعه بثًا مباشرًا");
        QTest::addRow("ampersand, no buddy") << QStringLiteral("Terms & conditions");
        QTest::addRow("rich text (QLabel's)") << QStringLiteral("<b>All</b> settings are saved");
        QTest::addRow("empty (QLabel's)") << QString();
    }
    void sameSizesAsQLabel()
    {
        QFETCH(QString, text);
        QFont bigBold;
        bigBold.setBold(true);
        bigBold.setPointSizeF(bigBold.pointSizeF() * 1.25);
        for (const QFont &font : {QFont(), bigBold}) {
            for (const Qt::LayoutDirection direction : {Qt::LeftToRight, Qt::RightToLeft}) {
                for (const int margin : {0, 3}) {
                    for (const QSize minimum : {QSize(0, 0), QSize(500, 40)}) {
                        QLabel theirs;
                        OneLineLabel ours;
                        for (QLabel *label : {&theirs, static_cast<QLabel *>(&ours)})
                            setUp(*label, text, font, direction, margin, QMargins(1, 2, 3, 4), minimum);
                        QCOMPARE(ours.sizeHint(), theirs.sizeHint());
                        QCOMPARE(ours.minimumSizeHint(), theirs.minimumSizeHint());
                    }
                }
            }
        }
    }

    // Left to QLabel: what it lays out differently.
    void sameSizesWhenQLabelMeasures()
    {
        const QString text = QStringLiteral("&Server: a longer text that wraps when it has to");
        QLabel buddyTarget;
        QLabel theirs(text);
        OneLineLabel ours;
        ours.setText(text);
        for (QLabel *label : {&theirs, static_cast<QLabel *>(&ours)}) {
            label->setBuddy(&buddyTarget);
            label->setIndent(6);
            label->setFrameStyle(QFrame::Box);
        }
        QCOMPARE(ours.sizeHint(), theirs.sizeHint());
        QCOMPARE(ours.minimumSizeHint(), theirs.minimumSizeHint());
        for (QLabel *label : {&theirs, static_cast<QLabel *>(&ours)})
            label->setWordWrap(true);
        QCOMPARE(ours.sizeHint(), theirs.sizeHint());
        QCOMPARE(ours.minimumSizeHint(), theirs.minimumSizeHint());
    }

    // A new text or font is measured anew.
    void followsItsTextAndFont()
    {
        OneLineLabel ours;
        ours.setText(QStringLiteral("Short"));
        const QSize shortSize = ours.sizeHint();
        ours.setText(QStringLiteral("A much longer text than that"));
        QVERIFY(ours.sizeHint().width() > shortSize.width());
        QLabel theirs(ours.text());
        QFont big = ours.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        ours.setFont(big);
        theirs.setFont(big);
        QCOMPARE(ours.sizeHint(), theirs.sizeHint());
    }
};

QTEST_MAIN(OneLineLabelTest)
#include "tst_onelinelabel.moc"
