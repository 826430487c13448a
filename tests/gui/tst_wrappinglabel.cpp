// WrappingLabel answers a layout's height questions as QLabel does, from memory when it can: the
// heights follow a new text and a new font.
#include "WrappingLabel.h"

#include <QTest>
#include <functional>

namespace {
const QString kShort = QStringLiteral("Signed in as someone");
const QString kLong = QStringLiteral("Using the token from ALLMINE_TOKEN (not stored) — signed in as "
                                     "637584a9fac1e870d7c0e85d on Development, until tomorrow");

// What a plain word-wrapped QLabel says, for comparison, after `setUp` if given.
int qlabelHeight(const QString &text, const QFont &font, int width,
                 const std::function<void(QLabel &)> &setUp = {})
{
    QLabel label(text);
    label.setWordWrap(true);
    label.setFont(font);
    if (setUp)
        setUp(label);
    return label.heightForWidth(width);
}
} // namespace

class WrappingLabelTest : public QObject
{
    Q_OBJECT
private slots:
    void answersAsQLabelDoes()
    {
        WrappingLabel label;
        QVERIFY(label.wordWrap());
        label.setText(kLong);
        for (int round = 0; round < 2; ++round) { // measured, then remembered
            for (const int width : {120, 300, 600, 2000})
                QCOMPARE(label.heightForWidth(width), qlabelHeight(kLong, label.font(), width));
        }
        QVERIFY(label.heightForWidth(120) > label.heightForWidth(2000)); // it does wrap
    }

    void followsANewText()
    {
        WrappingLabel label;
        label.setText(kLong);
        const int wrapped = label.heightForWidth(200);
        label.setText(kShort);
        QCOMPARE(label.heightForWidth(200), qlabelHeight(kShort, label.font(), 200));
        QVERIFY(label.heightForWidth(200) < wrapped);
    }

    void followsANewFont()
    {
        WrappingLabel label;
        label.setText(kLong);
        const int before = label.heightForWidth(300);
        QFont big = label.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        label.setFont(big);
        QCOMPARE(label.heightForWidth(300), qlabelHeight(kLong, big, 300));
        QVERIFY(label.heightForWidth(300) > before);
    }

    // Margin, indent, wrapping and format have setters a subclass cannot see: each still counts.
    void followsItsOtherSettings()
    {
        const std::function<void(QLabel &)> changes[] = {
            [](QLabel &label) { label.setMargin(30); },
            [](QLabel &label) { label.setIndent(80); },
            [](QLabel &label) { label.setWordWrap(false); },
            [](QLabel &label) { label.setTextFormat(Qt::RichText); },
        };
        for (const auto &change : changes) {
            WrappingLabel label;
            label.setText(kLong);
            QCOMPARE(label.heightForWidth(200), qlabelHeight(kLong, label.font(), 200));
            change(label);
            QCOMPARE(label.heightForWidth(200), qlabelHeight(kLong, label.font(), 200, change));
        }
    }
};

QTEST_MAIN(WrappingLabelTest)
#include "tst_wrappinglabel.moc"
