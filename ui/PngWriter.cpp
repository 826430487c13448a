#include "PngWriter.h"

#include "FileReplacer.h"
#include "HelperThread.h"
#include "PixelDeflater.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QImage>
#include <QThread>
#include <QtEndian>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <vector>
#include <zlib.h>

namespace {
constexpr int kChunkBytes = 64 * 1024;

// A PNG chunk: length, type, data, CRC of type and data.
void appendChunk(QByteArray &png, const char type[4], QByteArrayView data)
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
    const int width = image.width();
    // A pixel is 0xAARRGGBB: byte-swapped and shifted, its bytes stored least significant first
    // are R, G, B (and A), one store a pixel. An RGB store writes a fourth byte, which the next
    // pixel's overwrites.
    if (alpha) {
        for (int x = 0; x < width; ++x, out += 4) {
            const quint32 swapped = qbswap(quint32(pixels[x])); // 0xBBGGRRAA
            qToUnaligned(qToLittleEndian(swapped >> 8 | swapped << 24), out);
        }
        return;
    }
    for (int x = 0; x < width - 1; ++x, out += 3)
        qToUnaligned(qToLittleEndian(qbswap(quint32(pixels[x])) >> 8), out);
    const QRgb last = pixels[width - 1];
    out[0] = uchar(qRed(last));
    out[1] = uchar(qGreen(last));
    out[2] = uchar(qBlue(last));
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Rows [first, last) deflated as one part of the stream. It is primed with the rows just before
// (up to deflate's 32 KiB reach), so that it may refer to them as a stream deflated in one go would.
PixelDeflater::Part deflateRows(const QImage &image, bool alpha, int first, int last, bool isLast)
{
    const int pixelBytes = alpha ? 4 : 3;
    const int rowBytes = 1 + image.width() * pixelBytes;
    const size_t pixelsBytes = size_t(image.width()) * sizeof(QRgb);
    return PixelDeflater::deflatePart(
        rowBytes, pixelBytes, first, last, isLast, PixelDeflater::rowsToPrime(rowBytes),
        [&](int y, uchar *out) { packRow(image, y, alpha, out); },
        [&](int y) { // a window repeats most of its rows
            return std::memcmp(image.constScanLine(y), image.constScanLine(y - 1), pixelsBytes) == 0;
        });
}

// The parts of one image's rows, deflated by whichever threads are free: each claims the next part
// left. The thread that encodes takes part in it and waits only for parts another thread has
// claimed, never for a helper still to start: on a busy machine a new thread may wait
// milliseconds for a core, while this one does the rest.
struct PartDeflation
{
    PartDeflation(const QImage &rows, bool withAlpha, int partCount)
        : image(rows), alpha(withAlpha), count(partCount), parts(size_t(partCount))
    {
    }
    void claimParts() noexcept
    {
        for (int p = next++; p < count; p = next++) {
            std::optional<PixelDeflater::Part> part;
            try {
                part = deflateRows(image, alpha, rowOf(p), rowOf(p + 1), p + 1 == count);
            } catch (const std::bad_alloc &) { // its part stays empty
            }
            const std::lock_guard lock(mutex);
            parts[size_t(p)] = std::move(part);
            if (++finished == count)
                allFinished.notify_all();
        }
    }
    void waitForAll()
    {
        std::unique_lock lock(mutex);
        allFinished.wait(lock, [this] { return finished == count; });
    }
    int rowOf(int part) const { return int(qint64(image.height()) * part / count); }

    const QImage &image;
    const bool alpha;
    const int count;
    std::atomic<int> next{0};
    std::mutex mutex;
    std::condition_variable allFinished;
    int finished = 0; // parts deflated, under mutex
    std::vector<std::optional<PixelDeflater::Part>> parts;
};

// How many parts to cut the rows into: with several cores two per core, up to four, so that a helper
// that starts late leaves this thread parts to take rather than one to wait for; each of at least
// 256 KiB of pixels (a part re-reads up to 32 KiB of the rows before it).
int partsFor(const QImage &image)
{
    const qint64 bytes = qint64(image.width()) * image.height() * 3;
    const qint64 cores = QThread::idealThreadCount();
    return int(qBound(qint64(1), qMin(cores > 1 ? 2 * cores : 1, bytes / (256 * 1024)), qint64(4)));
}
} // namespace

QByteArray PngWriter::encode(const QImage &source, QString *error, int partCount)
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

        const int count = qMin(partCount > 0 ? partCount : partsFor(image), image.height());
        PartDeflation deflation(image, alpha, count);
        // Threads of their own rather than the pool's, which makes its first threads here, after
        // the window is painted: a new thread started beside a busy one can wait milliseconds for
        // a core, and HelperThread starts it on the other core. One that starts after the last
        // part was claimed finds none.
        std::vector<std::unique_ptr<HelperThread>> helpers;
        const int wanted = qMin(count, QThread::idealThreadCount()) - 1;
        for (int h = 0; h < wanted; ++h) {
            try {
                helpers.push_back(std::make_unique<HelperThread>([&deflation] { deflation.claimParts(); }));
            } catch (const std::exception &) { // no thread to be had: this thread takes the rest
                break;
            }
        }
        // Nothing from here to the joins throws: every part is deflated before `image` goes away.
        deflation.claimParts();
        deflation.waitForAll();
        helpers.clear(); // joined: every part is claimed, so each has finished or finds none

        std::vector<PixelDeflater::Part> deflated;
        deflated.reserve(deflation.parts.size());
        for (std::optional<PixelDeflater::Part> &part : deflation.parts) {
            if (!part)
                return outOfMemory();
            deflated.push_back(std::move(*part));
        }
        const QByteArray stream = PixelDeflater::zlibStream(deflated);

        QByteArray header(13, '\0');
        qToBigEndian(quint32(image.width()), header.data());
        qToBigEndian(quint32(image.height()), header.data() + 4);
        header[8] = 8;             // bits per channel
        header[9] = alpha ? 6 : 2; // colour type: RGBA or RGB; then deflate, filtering, no interlace
        QByteArray png("\x89PNG\r\n\x1a\n", 8);
        png.reserve(stream.size() + stream.size() / kChunkBytes * 12 + 64);
        appendChunk(png, "IHDR", header);
        for (qsizetype at = 0; at < stream.size(); at += kChunkBytes)
            appendChunk(png, "IDAT",
                        QByteArrayView(stream).sliced(at, qMin<qsizetype>(kChunkBytes, stream.size() - at)));
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
