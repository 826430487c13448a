// The screenshot's deflate encoder: whatever rows it is given, zlib (the reference inflater, which
// also checks the stream's Adler-32) must give back exactly those bytes, and the stream must
// stay small where a window's pixels repeat and bounded where nothing does.
#include "PixelDeflater.h"

#include <QRandomGenerator>
#include <QTest>
#include <zlib.h>

namespace {
struct Rows
{
    int rowBytes = 0;
    int pixelBytes = 0;
    QByteArray bytes;
    QList<bool> repeated; // rows given as repeatRow()
};

// The rows as one zlib stream, deflated in `parts` parts as PngWriter does on several cores: each
// part primed with the rows before it, the parts joined, their Adler-32s combined.
QByteArray deflate(const Rows &rows, int parts = 1)
{
    const qsizetype height = rows.bytes.size() / rows.rowBytes;
    const auto row = [&rows](qsizetype y) { return rows.bytes.constData() + y * rows.rowBytes; };
    std::vector<PixelDeflater::Part> deflated;
    for (int part = 0; part < parts; ++part) {
        deflated.push_back(PixelDeflater::deflatePart(
            rows.rowBytes, rows.pixelBytes, int(height * part / parts), int(height * (part + 1) / parts),
            part + 1 == parts, PixelDeflater::rowsToPrime(rows.rowBytes),
            [&](int y, uchar *out) { std::memcpy(out, row(y), size_t(rows.rowBytes)); },
            [&rows](int y) { return rows.repeated.value(y); }));
    }
    return PixelDeflater::zlibStream(deflated);
}

QByteArray inflate(const QByteArray &stream, qsizetype expected)
{
    QByteArray out(expected + 1, Qt::Uninitialized); // one more: a longer result shows
    uLongf size = uLongf(out.size());
    const int status = uncompress(reinterpret_cast<Bytef *>(out.data()), &size,
                                  reinterpret_cast<const Bytef *>(stream.constData()), uLong(stream.size()));
    if (status != Z_OK)
        return QByteArray("zlib error ") + QByteArray::number(status);
    out.truncate(qsizetype(size));
    return out;
}

// Rows built by rule: each row's bytes are chosen, or the row above's, a run, or noise.
Rows build(int width, int pixelBytes, int height, quint32 seed, double repeatShare)
{
    Rows rows;
    rows.pixelBytes = pixelBytes;
    rows.rowBytes = 1 + width * pixelBytes;
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        if (y > 0 && random.generateDouble() < repeatShare) {
            rows.bytes += rows.bytes.right(rows.rowBytes);
            rows.repeated.append(true);
            continue;
        }
        QByteArray row(1, '\0');
        while (row.size() < rows.rowBytes) {
            const int kind = int(random.bounded(5));
            const qsizetype at = rows.bytes.size() + row.size();
            if (kind == 4 && at > 32768) { // bytes seen up to 32 KiB before (a glyph, say)
                const qsizetype from = at - 32768 + qsizetype(random.bounded(2000));
                row += (rows.bytes + row).mid(from, 4 + int(random.bounded(60)));
                continue;
            }
            const int pixels = 1 + int(random.bounded(40));
            QByteArray pixel(pixelBytes, '\0');
            for (char &byte : pixel)
                byte = char(random.bounded(256));
            for (int i = 0; i < pixels; ++i) {
                if (kind == 3) // noise
                    for (char &byte : pixel)
                        byte = char(random.bounded(256));
                row += kind == 2 && y > 0
                           ? rows.bytes.mid(rows.bytes.size() - rows.rowBytes + row.size(), pixelBytes)
                           : pixel;
            }
        }
        row.truncate(rows.rowBytes);
        rows.bytes += row;
        rows.repeated.append(false);
    }
    return rows;
}
} // namespace

class PixelDeflaterTest : public QObject
{
    Q_OBJECT
private slots:
    void inflatesToTheSameBytes_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("pixelBytes");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("repeatShare");
        QTest::addRow("one pixel") << 1 << 3 << 1 << 0.0;
        QTest::addRow("one byte a pixel, rows of two bytes") << 1 << 1 << 50 << 0.5;
        QTest::addRow("RGB, a window's width") << 600 << 3 << 200 << 0.4;
        QTest::addRow("RGBA") << 333 << 4 << 120 << 0.4;
        QTest::addRow("grey and alpha") << 97 << 2 << 80 << 0.3;
        // Many rows: the 32 KiB window slides many times, matches reach back across it.
        QTest::addRow("window slides") << 700 << 3 << 900 << 0.5;
        // Rows longer than deflate's 32 KiB window: the row above is out of reach.
        QTest::addRow("rows wider than the window") << 12000 << 3 << 6 << 0.5;
        QTest::addRow("rows exactly the window") << 32767 << 1 << 5 << 0.5; // 1 + 32767 = 32768
        // Rows of 16 to 32 KiB: the buffer grows past 96 KiB to hold the window and four rows.
        QTest::addRow("rows of 16 KiB") << 5461 << 3 << 40 << 0.5; // 1 + 5461 * 3 = 16384
        QTest::addRow("rows of 20 KiB") << 5000 << 4 << 40 << 0.5;
        QTest::addRow("nothing repeats") << 256 << 4 << 64 << 0.0;
    }
    void inflatesToTheSameBytes()
    {
        QFETCH(int, width);
        QFETCH(int, pixelBytes);
        QFETCH(int, height);
        QFETCH(double, repeatShare);
        for (quint32 seed = 1; seed <= 4; ++seed) {
            const Rows rows = build(width, pixelBytes, height, seed, repeatShare);
            for (int parts = 1; parts <= qMin(height, 3); ++parts) {
                const QByteArray stream = deflate(rows, parts);
                QVERIFY2(inflate(stream, rows.bytes.size()) == rows.bytes,
                         qPrintable(QStringLiteral("seed %1, %2 parts").arg(seed).arg(parts)));
            }
        }
    }

    void flatRowsTakeAlmostNothing()
    {
        Rows rows;
        rows.pixelBytes = 3;
        rows.rowBytes = 1 + 600 * 3;
        rows.bytes = QByteArray(rows.rowBytes * 700, char(0xef));
        for (int y = 0; y < 700; ++y)
            rows.bytes[y * rows.rowBytes] = 0;     // each row's filter byte
        const QByteArray searched = deflate(rows); // every row searched
        rows.repeated = QList<bool>(700, true);
        rows.repeated[0] = false;
        const QByteArray repeated = deflate(rows); // rows given as repeats
        QCOMPARE(inflate(searched, rows.bytes.size()), rows.bytes);
        QCOMPARE(inflate(repeated, rows.bytes.size()), rows.bytes);
        // Fixed codes take at least 13 bits for deflate's longest match, 258 bytes: 1/160.
        QVERIFY2(searched.size() < rows.bytes.size() / 100, QByteArray::number(searched.size()));
        QVERIFY2(repeated.size() < rows.bytes.size() / 64, QByteArray::number(repeated.size()));
    }

    // Noise cannot be compressed: it may grow by no more than an eighth (9-bit literals).
    void noiseGrowsByAnEighthAtMost()
    {
        const Rows rows = build(500, 4, 100, 7, 0.0);
        Rows noise = rows;
        QRandomGenerator random(11);
        for (char &byte : noise.bytes)
            byte = char(random.bounded(256));
        const QByteArray stream = deflate(noise);
        QCOMPARE(inflate(stream, noise.bytes.size()), noise.bytes);
        QVERIFY2(stream.size() <= noise.bytes.size() + noise.bytes.size() / 8 + 16,
                 QByteArray::number(stream.size()));
    }
};

QTEST_GUILESS_MAIN(PixelDeflaterTest)
#include "tst_pixeldeflater.moc"
