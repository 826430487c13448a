// The app's icons (Apply, Revert, the window's), from the SVGs in resources/icons: Qt SVG is found
// and draws them, visible at the sizes toolbars, buttons and menus use, sharp on HiDPI screens, and
// greyed when disabled.
#include "AppIcons.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QTest>

namespace {
int maxAlpha(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    int most = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            most = qMax(most, qAlpha(image.pixel(x, y)));
    }
    return most;
}
} // namespace

class AppIconsTest : public QObject
{
    Q_OBJECT
private slots:
    void iconsRender_data()
    {
        QTest::addColumn<QIcon>("icon");
        QTest::newRow("apply") << AppIcons::apply();
        QTest::newRow("revert") << AppIcons::revert();
        QTest::newRow("window") << AppIcons::window();
    }
    void iconsRender()
    {
        QFETCH(QIcon, icon);
        QVERIFY(!icon.isNull());
        for (const int side : {16, 24, 32}) {
            for (const qreal scale : {1.0, 2.0}) {
                const QPixmap pixmap = icon.pixmap(QSize(side, side), scale);
                QCOMPARE(pixmap.size(), QSize(side, side) * scale); // drawn at the size, not stretched
                QVERIFY2(maxAlpha(pixmap) > 200,
                         qPrintable(QStringLiteral("%1 px at %2x").arg(side).arg(scale)));
            }
        }
        const QImage normal = icon.pixmap(QSize(16, 16), 1.0, QIcon::Normal).toImage();
        const QImage disabled = icon.pixmap(QSize(16, 16), 1.0, QIcon::Disabled).toImage();
        QVERIFY2(!disabled.isNull() && disabled != normal, "a disabled icon looks different");
    }
};

QTEST_MAIN(AppIconsTest)
#include "tst_appicons.moc"
