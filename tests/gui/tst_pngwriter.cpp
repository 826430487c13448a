// The screenshot's PNG encoder: what it writes must read back pixel for pixel in any PNG reader
// (here libpng through QImage, which checks every chunk's CRC and the zlib checksum), whatever
// the image repeats and however many parts it was deflated in at once, and a failed write must
// say why and leave an existing file alone.
#include "PngWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>
#include <vector>

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

// What a window is made of: flat backgrounds (rows repeated), a frame, runs of one colour, text
// and its anti-aliasing, a gradient; translucent where the format has alpha.
QImage windowLike(QImage::Format format)
{
    QImage image(480, 300, format);
    image.fill(format == QImage::Format_ARGB32 ? QColor(239, 239, 239, 200) : QColor(239, 239, 239));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0x80, 0x80, 0x80));
    painter.setBrush(QColor(0x00, 0x69, 0x5c, 230));
    painter.drawRoundedRect(QRectF(8.5, 8.5, 460, 60), 6, 6);
    QLinearGradient gradient(0, 100, 0, 140);
    gradient.setColorAt(0, Qt::white);
    gradient.setColorAt(1, QColor(200, 200, 220));
    painter.fillRect(QRect(20, 100, 200, 40), gradient);
    painter.setPen(Qt::black);
    for (int line = 0; line < 5; ++line)
        painter.drawText(QPointF(24, 170 + 22 * line),
                         QStringLiteral("Notifications: when someone you follow goes live"));
    return image;
}

QImage readBack(const QByteArray &png)
{
    QImage image;
    image.loadFromData(png, "PNG");
    return image;
}

// A disk that fills up: refuses every write.
class FullDevice : public QIODevice
{
public:
    FullDevice() { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64) override
    {
        setErrorString(QStringLiteral("No space left on device"));
        return -1;
    }
};
} // namespace

class PngWriterTest : public QObject
{
    Q_OBJECT
private slots:
    void opaqueImagesReadBackExactly_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<int>("parts");
        QImage flat(600, 700, QImage::Format_RGB32);
        flat.fill(QColor(0x00, 0x69, 0x5c));
        const QList<QPair<const char *, QImage>> images = {
            {"1x1", noise(1, 1, QImage::Format_RGB32, 1)},
            {"odd width", noise(333, 17, QImage::Format_RGB32, 2)},
            // Noise does not compress: several 64 KiB IDAT chunks.
            {"many chunks", noise(400, 300, QImage::Format_RGB32, 3)},
            {"window-like flat colour", flat},
            {"a window's rows", windowLike(QImage::Format_RGB32)},
            {"one pixel wide", windowLike(QImage::Format_RGB32).copy(5, 0, 1, 300)},
            {"fewer rows than parts", noise(50, 3, QImage::Format_RGB32, 8)},
        };
        for (const auto &[name, image] : images) {
            for (int parts : {0, 1, 2, 3, 4})
                QTest::addRow("%s, %d parts", name, parts) << image << parts;
        }
    }
    void opaqueImagesReadBackExactly()
    {
        QFETCH(QImage, image);
        QFETCH(int, parts);
        QString error;
        const QByteArray png = PngWriter::encode(image, &error, parts);
        QVERIFY2(!png.isEmpty(), qPrintable(error));
        const QImage back = readBack(png);
        QVERIFY(!back.isNull());
        QVERIFY(!back.hasAlphaChannel()); // written as RGB, not RGBA
        QCOMPARE(back.convertToFormat(QImage::Format_RGB32), image);
    }

    void transparencyIsKept_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<int>("parts");
        QTest::addRow("noise") << noise(70, 40, QImage::Format_ARGB32, 4) << 1;
        QTest::addRow("a window's rows") << windowLike(QImage::Format_ARGB32) << 1;
        QTest::addRow("a window's rows, 3 parts") << windowLike(QImage::Format_ARGB32) << 3;
    }
    void transparencyIsKept()
    {
        QFETCH(QImage, image);
        QFETCH(int, parts);
        const QImage back = readBack(PngWriter::encode(image, nullptr, parts));
        QVERIFY(back.hasAlphaChannel());
        QCOMPARE(back.convertToFormat(QImage::Format_ARGB32), image);
    }

    // A busy machine: every core is kept busy by another thread, so the helpers, which start on the
    // other cores, start late. The PNG is still written byte for byte the same, and no helper holds
    // on to the pixels once encode() returns (the sanitizer stage would see one touch the freed
    // image).
    void aHelperThatStartsLateChangesNothing()
    {
        const QImage image = windowLike(QImage::Format_RGB32);
        const QByteArray unhurried = PngWriter::encode(image, nullptr, 4);
        QVERIFY(!unhurried.isEmpty());

        std::atomic<bool> spinning{true};
        std::vector<std::thread> spinners;
        for (int t = 0; t < QThread::idealThreadCount(); ++t)
            spinners.emplace_back([&spinning] {
                while (spinning.load(std::memory_order_relaxed)) {
                }
            });
        const auto stop = qScopeGuard([&] {
            spinning = false;
            for (std::thread &spinner : spinners)
                spinner.join();
        });
        QByteArray busy;
        {
            QImage copy = image.copy();
            busy = PngWriter::encode(copy, nullptr, 4);
            QVERIFY(copy.isDetached()); // no helper keeps its pixels
        }
        QCOMPARE(busy, unhurried);
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

    void anUnwritablePlaceSaysWhy()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("missing/window.png"));
        QString error;
        QVERIFY(!PngWriter::write(noise(10, 10, QImage::Format_RGB32, 6), file, &error));
        QVERIFY2(error.contains(QStringLiteral("No such file or directory")), qPrintable(error));
    }

    void aFailedWriteLeavesTheOldFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("window.png"));
        const QImage old = noise(20, 20, QImage::Format_RGB32, 9);
        QVERIFY(PngWriter::write(old, file));
        QString error;
        QVERIFY(!PngWriter::write(QImage(), file, &error));
        QCOMPARE(QImage(file).convertToFormat(QImage::Format_RGB32), old);
    }

    // Writing replaces the file in one step, keeps its permissions, writes through a symbolic link,
    // and leaves no temporary file behind, whether it succeeded or not.
    void replacingKeepsPermissionsAndLeavesNothingBehind()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("window.png"));
        QVERIFY(PngWriter::write(noise(20, 20, QImage::Format_RGB32, 10), file));
        const auto privateOnly = QFile::ReadOwner | QFile::WriteOwner;
        QVERIFY(QFile::setPermissions(file, privateOnly));
        const QImage image = noise(30, 30, QImage::Format_RGB32, 11);
        QVERIFY(PngWriter::write(image, file));
        QCOMPARE(QImage(file).convertToFormat(QImage::Format_RGB32), image);
        QCOMPARE(QFile::permissions(file) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
                 privateOnly);

        QString error; // a directory is in the way: nothing is replaced, and nothing is left
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.png")));
        QVERIFY(!PngWriter::write(image, dir.filePath(QStringLiteral("taken.png")), &error));
        QVERIFY2(!error.isEmpty(), "says why");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList({QStringLiteral("taken.png"), QStringLiteral("window.png")}));
    }

    void aNewFileGetsTheUsersDefaultPermissions()
    {
        QTemporaryDir dir;
        QFile plain(dir.filePath(QStringLiteral("plain")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        const QString file = dir.filePath(QStringLiteral("window.png"));
        QVERIFY(PngWriter::write(noise(10, 10, QImage::Format_RGB32, 12), file));
        QCOMPARE(QFile::permissions(file), QFile::permissions(plain.fileName()));
    }

    void writesThroughASymbolicLink()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("real.png"));
        const QString link = dir.filePath(QStringLiteral("latest.png"));
        QVERIFY(PngWriter::write(noise(10, 10, QImage::Format_RGB32, 13), target));
        QVERIFY(QFile::link(target, link));
        const QString linkToLink = dir.filePath(QStringLiteral("shown.png"));
        QVERIFY(QFile::link(link, linkToLink));
        const QImage image = noise(12, 12, QImage::Format_RGB32, 14);
        QVERIFY(PngWriter::write(image, linkToLink));
        QVERIFY(QFileInfo(link).isSymLink());
        QVERIFY(QFileInfo(linkToLink).isSymLink());
        QCOMPARE(QImage(target).convertToFormat(QImage::Format_RGB32), image);
    }

    void aReadOnlyFileIsRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("window.png"));
        const QImage old = noise(10, 10, QImage::Format_RGB32, 15);
        QVERIFY(PngWriter::write(old, file));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner));
        if (QFileInfo(file).isWritable())
            QSKIP("this user may write any file (root)");
        QString error;
        QVERIFY(!PngWriter::write(noise(10, 10, QImage::Format_RGB32, 16), file, &error));
        QVERIFY2(error.contains(QStringLiteral("is not writable")), qPrintable(error));
        QCOMPARE(QImage(file).convertToFormat(QImage::Format_RGB32), old);
    }

    void aFullDiskIsReported()
    {
        FullDevice full;
        QString error;
        QVERIFY(!PngWriter::write(noise(10, 10, QImage::Format_RGB32, 7), &full, &error));
        QCOMPARE(error, QStringLiteral("No space left on device"));
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

QTEST_MAIN(PngWriterTest)
#include "tst_pngwriter.moc"
