#include "PngWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>
#include <QImage>
#include <QThread>
#include <QtEndian>
#include <system_error>
#include <thread>
#include <vector>
#include <zlib.h>

namespace {
constexpr int kChunkBytes = 64 * 1024;

class ChunkStream
{
public:
    explicit ChunkStream(QIODevice *device) : m_device(device) {}

    bool chunk(const char type[4], const uchar *data, quint32 size)
    {
        uchar head[8];
        qToBigEndian(size, head);
        memcpy(head + 4, type, 4);
        uLong crc = crc32(0, head + 4, 4);
        if (size > 0) // crc32() with no data restarts
            crc = crc32(crc, data, size);
        uchar tail[4];
        qToBigEndian(quint32(crc), tail);
        return put(head, 8) && put(data, size) && put(tail, 4);
    }
    bool put(const uchar *data, qint64 size)
    {
        return size == 0 || m_device->write(reinterpret_cast<const char *>(data), size) == size;
    }

private:
    QIODevice *m_device;
};

// One row as PNG wants it: a filter byte (0, none) and then R, G, B[, A] per pixel.
void packRow(const QImage &image, int y, bool alpha, uchar *out)
{
    *out++ = 0;
    const auto *pixels = reinterpret_cast<const QRgb *>(image.constScanLine(y));
    for (int x = 0, width = image.width(); x < width; ++x) {
        const QRgb pixel = pixels[x];
        *out++ = uchar(qRed(pixel));
        *out++ = uchar(qGreen(pixel));
        *out++ = uchar(qBlue(pixel));
        if (alpha)
            *out++ = uchar(qAlpha(pixel));
    }
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Rows [first, last) deflated on their own as raw deflate blocks, with the Adler-32 of what went
// in. A band that is not the last ends on a byte boundary (a sync flush), so the bands, one after
// another, are one deflate stream: each core can compress its own band.
struct Band
{
    QByteArray deflated;
    uLong adler = adler32(0, nullptr, 0);
    uLong rawBytes = 0;
    bool ok = false;
};

Band deflateRows(const QImage &image, bool alpha, int first, int last, bool isLast)
{
    Band band;
    z_stream zs{};
    if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return band;
    std::vector<uchar> row(1 + size_t(image.width()) * (alpha ? 4 : 3));
    band.deflated.resize(kChunkBytes);
    zs.next_out = reinterpret_cast<Bytef *>(band.deflated.data());
    zs.avail_out = uInt(band.deflated.size());
    bool ok = true;
    for (int y = first; ok && y < last; ++y) {
        packRow(image, y, alpha, row.data());
        band.adler = adler32(band.adler, row.data(), uInt(row.size()));
        band.rawBytes += uLong(row.size());
        zs.next_in = row.data();
        zs.avail_in = uInt(row.size());
        const int flush = y + 1 < last ? Z_NO_FLUSH : (isLast ? Z_FINISH : Z_SYNC_FLUSH);
        for (;;) {
            if (zs.avail_out == 0) { // twice the room
                const qsizetype used = band.deflated.size();
                band.deflated.resize(2 * used);
                zs.next_out = reinterpret_cast<Bytef *>(band.deflated.data() + used);
                zs.avail_out = uInt(used);
            }
            const int status = deflate(&zs, flush);
            if (status == Z_STREAM_ERROR) {
                ok = false;
                break;
            }
            if (flush == Z_FINISH ? status == Z_STREAM_END : zs.avail_in == 0 && zs.avail_out > 0)
                break;
        }
    }
    band.deflated.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    band.ok = ok;
    return band;
}

// How many bands to compress at once: one per core, each of at least 128 KiB of pixels.
int bandCount(const QImage &image)
{
    const qint64 bytes = qint64(image.width()) * image.height() * 3;
    const qint64 cores = QThread::idealThreadCount();
    return int(qBound(qint64(1), qMin(cores, bytes / (128 * 1024)), qint64(4)));
}
} // namespace

bool PngWriter::write(const QImage &source, QIODevice *device, QString *error)
{
    if (source.isNull())
        return fail(error, QCoreApplication::translate("PngWriter", "The image is empty."));
    const bool alpha = source.hasAlphaChannel();
    // Rows are read as 32-bit QRgb: a grabbed window already is, so this copies nothing.
    const QImage image = source.convertToFormat(alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);

    const int count = bandCount(image);
    std::vector<Band> bands(static_cast<size_t>(count));
    std::vector<std::thread> helpers;
    const auto rowOf = [&image, count](int band) { return int(qint64(image.height()) * band / count); };
    const auto compress = [&](int b) {
        bands[size_t(b)] = deflateRows(image, alpha, rowOf(b), rowOf(b + 1), b + 1 == count);
    };
    for (int b = 1; b < count; ++b) {
        try {
            helpers.emplace_back(compress, b);
        } catch (const std::system_error &) { // no thread to be had: this one does it
            compress(b);
        }
    }
    compress(0);
    for (std::thread &helper : helpers)
        helper.join();

    // One zlib stream: header (deflate, 32 KiB window, fastest), the bands, Adler-32 of all rows.
    QByteArray stream("\x78\x01", 2);
    uLong adler = bands[0].adler;
    for (const Band &band : bands) {
        if (!band.ok)
            return fail(error,
                        QCoreApplication::translate("PngWriter", "Not enough memory to compress the image."));
        stream += band.deflated;
        if (&band != &bands[0])
            adler = adler32_combine(adler, band.adler, z_off_t(band.rawBytes));
    }
    uchar trailer[4];
    qToBigEndian(quint32(adler), trailer);
    stream.append(reinterpret_cast<const char *>(trailer), 4);

    ChunkStream out(device);
    static const uchar signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    uchar header[13];
    qToBigEndian(quint32(image.width()), header);
    qToBigEndian(quint32(image.height()), header + 4);
    header[8] = 8;                            // bits per channel
    header[9] = alpha ? 6 : 2;                // colour type: RGBA or RGB
    header[10] = header[11] = header[12] = 0; // deflate, adaptive filtering, no interlace
    bool ok = out.put(signature, 8) && out.chunk("IHDR", header, sizeof header);
    const auto *data = reinterpret_cast<const uchar *>(stream.constData());
    for (qsizetype at = 0; ok && at < stream.size(); at += kChunkBytes)
        ok = out.chunk("IDAT", data + at, quint32(qMin<qsizetype>(kChunkBytes, stream.size() - at)));
    ok = ok && out.chunk("IEND", nullptr, 0);
    if (!ok)
        return fail(error, device->errorString());
    return true;
}

bool PngWriter::write(const QImage &image, const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, file.errorString());
    if (write(image, &file, error) && file.flush())
        return true;
    if (error && error->isEmpty())
        *error = file.errorString();
    file.remove(); // no half-written image
    return false;
}
