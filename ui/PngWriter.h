#pragma once

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
    // False when the device refuses a write or the image is empty; *error then says which.
    static bool write(const QImage &image, QIODevice *device, QString *error = nullptr);
    // A file that could not be written in full is removed.
    static bool write(const QImage &image, const QString &fileName, QString *error = nullptr);
};
