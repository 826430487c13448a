#include "PngWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>
#include <QImage>
#include <QtEndian>
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
} // namespace

bool PngWriter::write(const QImage &source, QIODevice *device, QString *error)
{
    if (source.isNull())
        return fail(error, QCoreApplication::translate("PngWriter", "The image is empty."));
    const bool alpha = source.hasAlphaChannel();
    // Rows are read as 32-bit QRgb: a grabbed window already is, so this copies nothing.
    const QImage image = source.convertToFormat(alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    const int channels = alpha ? 4 : 3;
    const quint32 width = quint32(image.width());
    const quint32 height = quint32(image.height());

    ChunkStream out(device);
    static const uchar signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    uchar header[13];
    qToBigEndian(width, header);
    qToBigEndian(height, header + 4);
    header[8] = 8;                            // bits per channel
    header[9] = alpha ? 6 : 2;                // colour type: RGBA or RGB
    header[10] = header[11] = header[12] = 0; // deflate, adaptive filtering, no interlace
    bool ok = out.put(signature, 8) && out.chunk("IHDR", header, sizeof header);

    z_stream zs{};
    if (ok && deflateInit(&zs, Z_BEST_SPEED) != Z_OK)
        return fail(error,
                    QCoreApplication::translate("PngWriter", "Not enough memory to compress the image."));
    std::vector<uchar> row(1 + width * channels);
    std::vector<uchar> buffer(kChunkBytes);
    zs.next_out = buffer.data();
    zs.avail_out = kChunkBytes;
    for (quint32 y = 0; ok && y <= height; ++y) {
        const bool last = y == height;
        if (!last) {
            packRow(image, int(y), alpha, row.data());
            zs.next_in = row.data();
            zs.avail_in = uInt(row.size());
        }
        int status = Z_OK;
        do {
            status = deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
            if (zs.avail_out == 0 || (last && status == Z_STREAM_END)) {
                ok = out.chunk("IDAT", buffer.data(), quint32(kChunkBytes - zs.avail_out));
                zs.next_out = buffer.data();
                zs.avail_out = kChunkBytes;
            }
        } while (ok && (zs.avail_in > 0 || (last && status != Z_STREAM_END)));
    }
    deflateEnd(&zs);
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
