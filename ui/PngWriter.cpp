#include "PngWriter.h"

#include "FileReplacer.h"
#include "PixelDeflater.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QImage>
#include <QtEndian>
#include <cstring>
#include <new>
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

} // namespace

QByteArray PngWriter::encode(const QImage &source, QString *error)
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
        const int pixelBytes = alpha ? 4 : 3;
        const int rowBytes = 1 + image.width() * pixelBytes;
        PixelDeflater deflater(rowBytes, pixelBytes);
        const qsizetype pixelsBytes = qsizetype(image.width()) * 4;
        for (int y = 0; y < image.height(); ++y) {
            if (y > 0 &&
                std::memcmp(image.constScanLine(y), image.constScanLine(y - 1), size_t(pixelsBytes)) == 0) {
                deflater.repeatRow(); // a window repeats most of its rows
                continue;
            }
            packRow(image, y, alpha, deflater.nextRow());
            deflater.deflateRow();
        }
        const QByteArray stream = deflater.finish();

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
