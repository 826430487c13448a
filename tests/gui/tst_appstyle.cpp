// AppStyle: the user's style, with what Fusion would read from PNG files drawn instead. Its group
// box frame must look like Fusion's own (compared pixel by pixel), other styles are left alone,
// and the menu bar's "more" button gets the drawn icon.
#include "AppIcons.h"
#include "AppStyle.h"

#include <QGroupBox>
#include <QImage>
#include <QPixmap>
#include <QStyleFactory>
#include <QTest>
#include <QVBoxLayout>
#include <memory>

namespace {
// Fusion without group box frames.
class NoFrameStyle : public QProxyStyle
{
public:
    NoFrameStyle() : QProxyStyle(QStringLiteral("Fusion")) {}
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element != PE_FrameGroupBox)
            QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
};

// A titled group box drawn with the style, on its own, as an image of `scale` pixels a point.
QImage drawGroupBox(QStyle *style, qreal scale = 1)
{
    QWidget window;
    window.setStyle(style);
    auto *layout = new QVBoxLayout(&window);
    auto *box = new QGroupBox(QStringLiteral("Notifications"));
    box->setStyle(style);
    box->setMinimumSize(240, 120);
    layout->addWidget(box);
    window.resize(280, 170);
    QPixmap picture(window.size() * scale);
    picture.setDevicePixelRatio(scale);
    window.render(&picture);
    return picture.toImage().convertToFormat(QImage::Format_RGB32);
}

QImage iconImage(const QIcon &icon)
{
    return icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
}

int largestDifference(const QImage &a, const QImage &b, int *differing)
{
    int largest = 0;
    *differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            const int d =
                qMax(qAbs(qRed(p) - qRed(q)), qMax(qAbs(qGreen(p) - qGreen(q)), qAbs(qBlue(p) - qBlue(q))));
            largest = qMax(largest, d);
            *differing += d > 0 ? 1 : 0;
        }
    }
    return largest;
}
} // namespace

class AppStyleTest : public QObject
{
    Q_OBJECT
private slots:
    void groupBoxLooksLikeFusions_data()
    {
        QTest::addColumn<qreal>("scale");
        QTest::addRow("1x") << qreal(1);
        QTest::addRow("2x") << qreal(2); // HiDPI: Fusion's PNG has a 2x version
    }
    void groupBoxLooksLikeFusions()
    {
        QFETCH(qreal, scale);
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        AppStyle ours(QStringLiteral("Fusion"));
        const QImage theirs = drawGroupBox(fusion.get(), scale);
        const QImage drawn = drawGroupBox(&ours, scale);
        QCOMPARE(drawn.size(), theirs.size());
        int differing = 0;
        const int largest = largestDifference(theirs, drawn, &differing);
        // Fusion's PNG and the drawn line round their corners a little differently; the frame is
        // where Fusion puts it (a frame one pixel off differs by far more, along its whole length).
        QVERIFY2(largest <= 24, qPrintable(QString::number(largest)));
        QVERIFY2(differing < drawn.width() * drawn.height() / 4, qPrintable(QString::number(differing)));
        // And it draws a frame: without one, the picture differs by more than that.
        NoFrameStyle frameless;
        QVERIFY(largestDifference(drawGroupBox(&frameless, scale), drawn, &differing) > largest);
    }

    void keepsTheStyleItIsGiven()
    {
        AppStyle windows(QStringLiteral("Windows"));
        QCOMPARE(windows.baseStyle()->name().toLower(), QStringLiteral("windows"));
        const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Windows")));
        int differing = 0;
        QCOMPARE(largestDifference(drawGroupBox(plain.get()), drawGroupBox(&windows), &differing), 0);
    }

    // The menu bar's "more" button gets the drawn icon (tst_appicons checks it is drawn), in the
    // menu bar's text colour, pointing the other way right to left, as Qt's own does.
    void menuBarMoreButtonIsDrawn()
    {
        AppStyle style(QStringLiteral("Fusion"));
        QWidget leftToRight;
        const QColor text = leftToRight.palette().color(QPalette::ButtonText);
        const QImage image =
            iconImage(style.standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, nullptr, &leftToRight));
        QCOMPARE(image, iconImage(AppIcons::overflow(text)));

        QWidget rightToLeft;
        rightToLeft.setLayoutDirection(Qt::RightToLeft);
        const QImage mirrored =
            iconImage(style.standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, nullptr, &rightToLeft));
        QCOMPARE(mirrored, image.mirrored(true, false));
        QVERIFY(mirrored != image);
    }
};

QTEST_MAIN(AppStyleTest)
#include "tst_appstyle.moc"
