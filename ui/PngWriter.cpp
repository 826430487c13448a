#include "PngWriter.h"

#include "FileReplacer.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QImage>
#include <QThread>
#include <QtEndian>
#include <new>
#include <system_error>
#include <thread>
#include <vector>
#include <zlib.h>

namespace {
constexpr int kChunkBytes = 64 * 1024;

// A PNG chunk: length, type, data, CRC of type and data.
void appendChunk(QByteArray &png, const char type[4], const QByteArray &data)
{
    uchar length[4];
    qToBigEndian(quint32(data.size()), length);
    png.append(reinterpret_cast<const char *>(length), 4);
    const qsizetype typeAt = png.size();
    png.append(type, 4);
    png.append(data);
    const auto *crcd = reinterpret_cast<const Bytef *>(png.constData() + typeAt);
    uchar crc[4];
    qToBigEndian(quint32(crc32(0, crcd, uInt(4 + data.size()))), crc);
    png.append(reinterpret_cast<const char *>(crc), 4);
}

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
int bandsFor(const QImage &image)
{
    const qint64 bytes = qint64(image.width()) * image.height() * 3;
    const qint64 cores = QThread::idealThreadCount();
    return int(qBound(qint64(1), qMin(cores, bytes / (128 * 1024)), qint64(4)));
}
} // namespace

QByteArray PngWriter::encode(const QImage &source, QString *error, int bandCount)
{
    if (source.isNull()) {
        fail(error, QCoreApplication::translate("PngWriter", "The image is empty."));
        return {};
    }
    const auto outOfMemory = [error] {
        fail(error, QCoreApplication::translate("PngWriter", "Not enough memory to compress the image."));
        return QByteArray();
    };
    try {
        const bool alpha = source.hasAlphaChannel();
        // Rows are read as 32-bit QRgb: a grabbed window already is, so this copies nothing.
        const QImage image = source.convertToFormat(alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);

        const int count = bandCount > 0 ? bandCount : bandsFor(image);
        std::vector<Band> bands(static_cast<size_t>(count));
        std::vector<std::thread> helpers;
        helpers.reserve(size_t(count));
        const auto rowOf = [&image, count](int band) { return int(qint64(image.height()) * band / count); };
        const auto compress = [&](int b) noexcept {
            try {
                bands[size_t(b)] = deflateRows(image, alpha, rowOf(b), rowOf(b + 1), b + 1 == count);
            } catch (const std::bad_alloc &) { // its band stays not ok
            }
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
                return outOfMemory();
            stream += band.deflated;
            if (&band != &bands[0])
                adler = adler32_combine(adler, band.adler, z_off_t(band.rawBytes));
        }
        uchar trailer[4];
        qToBigEndian(quint32(adler), trailer);
        stream.append(reinterpret_cast<const char *>(trailer), 4);

        QByteArray header(13, '\0');
        qToBigEndian(quint32(image.width()), header.data());
        qToBigEndian(quint32(image.height()), header.data() + 4);
        header[8] = 8;             // bits per channel
        header[9] = alpha ? 6 : 2; // colour type: RGBA or RGB; then deflate, filtering, no interlace
        QByteArray png("\x89PNG\r\n\x1a\n", 8);
        png.reserve(stream.size() + stream.size() / kChunkBytes * 12 + 64);
        appendChunk(png, "IHDR", header);
        for (qsizetype at = 0; at < stream.size(); at += kChunkBytes)
            appendChunk(png, "IDAT", stream.mid(at, kChunkBytes));
        appendChunk(png, "IEND", {});
        return png;
    } catch (const std::bad_alloc &) {
        return outOfMemory();
    }
}

bool PngWriter::write(const QImage &image, QIODevice *device, QString *error)
{
    const QByteArray png = encode(image, error);
    if (png.isEmpty())
        return false;
    if (device->write(png) != png.size())
        return fail(error, device->errorString());
    return true;
}

bool PngWriter::write(const QImage &image, const QString &fileName, QString *error)
{
    const QByteArray png = encode(image, error);
    return !png.isEmpty() && FileReplacer::replace(fileName, png, error);
}
