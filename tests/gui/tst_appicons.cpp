// The drawn Apply, Revert and menu-bar overflow icons: sharp on HiDPI screens (a pixmap with as many device
// pixels as the scale asks for, not a stretched 16 px one), visible, and fainter when disabled.
#include "AppIcons.h"

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
    void drawnIcons_data()
    {
        QTest::addColumn<QIcon>("icon");
        QTest::newRow("apply") << AppIcons::apply();
        QTest::newRow("revert") << AppIcons::revert();
        QTest::newRow("overflow") << AppIcons::overflow(Qt::black);
        QTest::newRow("overflow, right to left") << AppIcons::overflow(Qt::black, true);
    }

    void drawnIcons()
    {
        QFETCH(QIcon, icon);
        for (const qreal scale : {1.0, 1.5, 2.0}) {
            const QPixmap pixmap = icon.pixmap(QSize(16, 16), scale);
            QCOMPARE(pixmap.size(), QSize(16, 16) * scale);
            QCOMPARE(pixmap.devicePixelRatio(), scale);
            QVERIFY2(maxAlpha(pixmap) > 200, "the strokes are drawn, opaque");
        }
        const int normal = maxAlpha(icon.pixmap(QSize(16, 16), 1.0, QIcon::Normal));
        const int disabled = maxAlpha(icon.pixmap(QSize(16, 16), 1.0, QIcon::Disabled));
        QVERIFY2(disabled > 0 && disabled < normal * 0.6,
                 qPrintable(QStringLiteral("%1 vs %2").arg(disabled).arg(normal)));
    }
};

QTEST_MAIN(AppIconsTest)
#include "tst_appicons.moc"
