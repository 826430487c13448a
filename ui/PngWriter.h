#pragma once

#include <QByteArray>
#include <QString>

class QImage;
class QIODevice;

// Writes an image as PNG, fast: unfiltered rows, deflated by PixelDeflater, which looks for
// repeats only where a window has them. Qt's writer (libpng) tries every row filter on every row
// and then zlib searches every byte, which made saving a 780×760 screenshot take a quarter of the
// app's start-up; this takes a third of the work of zlib's fastest level alone, split in a part of
// the rows per core. Rows the same as the one above, most of a window's, are compared as they are
// and not packed or searched again.
// Opaque images are written as RGB, others as RGBA (not premultiplied).
class PngWriter
{
public:
    // The file's bytes; empty when the image is empty or memory ran out, and *error says which.
    // partCount: how many parts to cut the rows into, deflated by whichever of this thread and a
    // helper per further core is free; 0 takes two per core, up to four.
    static QByteArray encode(const QImage &image, QString *error = nullptr, int partCount = 0);
    // False when the image cannot be encoded or the device refuses the bytes; *error says why.
    static bool write(const QImage &image, QIODevice *device, QString *error = nullptr);
    // Replaces the file only once it is written in full (FileReplacer).
    static bool write(const QImage &image, const QString &fileName, QString *error = nullptr);
};
