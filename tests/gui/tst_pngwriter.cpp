// The screenshot's PNG encoder: what it writes must read back pixel for pixel in any PNG reader
// (here libpng through QImage, which checks every chunk's CRC and the zlib checksum), and a
// failed write must say why and leave no file behind.
#include "PngWriter.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {
QImage noise(int width, int height, QImage::Format format, quint32 seed)
{
    QImage image(width, height, format);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = random.generate();
    }
    return image;
}

QImage readBack(const QByteArray &png)
{
    QImage image;
    image.loadFromData(png, "PNG");
    return image;
}
} // namespace

class PngWriterTest : public QObject
{
    Q_OBJECT
private slots:
    void opaqueImagesReadBackExactly_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::newRow("1x1") << noise(1, 1, QImage::Format_RGB32, 1);
        QTest::newRow("odd width") << noise(333, 17, QImage::Format_RGB32, 2);
        // Noise does not compress: several 64 KiB IDAT chunks.
        QTest::newRow("many chunks") << noise(400, 300, QImage::Format_RGB32, 3);
        QImage flat(600, 700, QImage::Format_RGB32);
        flat.fill(QColor(0x00, 0x69, 0x5c));
        QTest::newRow("window-like flat colour") << flat;
    }
    void opaqueImagesReadBackExactly()
    {
        QFETCH(QImage, image);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY2(PngWriter::write(image, &buffer, &error), qPrintable(error));
        const QImage back = readBack(buffer.data());
        QVERIFY(!back.isNull());
        QVERIFY(!back.hasAlphaChannel()); // written as RGB, not RGBA
        QCOMPARE(back.convertToFormat(QImage::Format_RGB32), image);
    }

    void transparencyIsKept()
    {
        QImage image = noise(70, 40, QImage::Format_ARGB32, 4);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(PngWriter::write(image, &buffer));
        const QImage back = readBack(buffer.data());
        QVERIFY(back.hasAlphaChannel());
        QCOMPARE(back.convertToFormat(QImage::Format_ARGB32), image);
    }

    void flatColoursCompressWell()
    {
        QImage flat(600, 700, QImage::Format_RGB32);
        flat.fill(Qt::white);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(PngWriter::write(flat, &buffer));
        QVERIFY2(buffer.size() < 20 * 1024, qPrintable(QString::number(buffer.size())));
    }

    void writesAFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("window.png"));
        const QImage image = noise(50, 50, QImage::Format_RGB32, 5);
        QVERIFY(PngWriter::write(image, file));
        QCOMPARE(QImage(file).convertToFormat(QImage::Format_RGB32), image);
    }

    void anUnwritablePlaceSaysWhyAndLeavesNothing()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("missing/window.png"));
        QString error;
        QVERIFY(!PngWriter::write(noise(10, 10, QImage::Format_RGB32, 6), file, &error));
        QVERIFY2(error.contains(QStringLiteral("No such file or directory")), qPrintable(error));
        QVERIFY(!QFile::exists(file));
    }

    void aDeviceThatRefusesWritesFails()
    {
        QByteArray bytes;
        QBuffer readOnly(&bytes);
        readOnly.open(QIODevice::ReadOnly);
        QString error;
        QVERIFY(!PngWriter::write(noise(10, 10, QImage::Format_RGB32, 7), &readOnly, &error));
        QVERIFY(!error.isEmpty());
    }

    void anEmptyImageIsRefused()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(!PngWriter::write(QImage(), &buffer, &error));
        QCOMPARE(error, QStringLiteral("The image is empty."));
    }
};

QTEST_GUILESS_MAIN(PngWriterTest)
#include "tst_pngwriter.moc"
