#pragma once

#include <QByteArray>
#include <QString>

class QImage;
class QIODevice;

// Writes an image as PNG, fast: unfiltered rows, deflated at zlib's fastest level, a band of rows
// per core (joined into the one zlib stream PNG wants). Qt's writer (libpng) tries every row
// filter on every row, which made saving a 780×760 screenshot take a quarter of the app's
// start-up; this takes a fifth of that, and makes smaller files of a window's flat colours.
// Opaque images are written as RGB, others as RGBA (not premultiplied).
class PngWriter
{
public:
    // The file's bytes; empty when the image is empty or memory ran out, and *error says which.
    // bandCount: how many bands of rows to compress at once; 0 takes one per core.
    static QByteArray encode(const QImage &image, QString *error = nullptr, int bandCount = 0);
    // False when the image cannot be encoded or the device refuses the bytes; *error says why.
    static bool write(const QImage &image, QIODevice *device, QString *error = nullptr);
    // Replaces the file only once it is written in full (FileReplacer).
    static bool write(const QImage &image, const QString &fileName, QString *error = nullptr);
};
