// libFuzzer target: the screenshot's deflate encoder (PixelDeflater) on rows made from the fuzz
// input. zlib must inflate the stream back to exactly those rows (checking its Adler-32), and the
// stream may be no larger than the rows plus an eighth: it must never crash, read outside its
// window or write a stream another reader would refuse.
#include "FuzzRequire.h"
#include "PixelDeflater.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <zlib.h>

// Input: pixel bytes (1-4), width (2 bytes), row count, stride, then a control byte per row
// (odd: the row repeats the one above) and bytes that rows are cut from, cyclically and from
// shifting places, so rows repeat at every distance, near and beyond deflate's 32 KiB window.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 6)
        return 0;
    const int pixelBytes = 1 + data[0] % 4;
    const int width = 1 + (data[1] | (data[2] << 8)) % 12000;
    const int height = 1 + data[3] % 64;
    const size_t stride = data[4];
    const uint8_t *controls = data + 5;
    const size_t controlCount = size - 5 < size_t(height) ? size - 5 : size_t(height);
    const uint8_t *source = data + 5 + controlCount;
    const size_t sourceSize = size - 5 - controlCount;
    const int rowBytes = 1 + width * pixelBytes;

    QByteArray rows;
    PixelDeflater deflater(rowBytes, pixelBytes);
    for (int y = 0; y < height; ++y) {
        if (y > 0 && size_t(y) < controlCount && (controls[y] & 1)) {
            rows += rows.right(rowBytes);
            deflater.repeatRow();
            continue;
        }
        uchar *row = deflater.nextRow();
        for (int i = 0; i < rowBytes; ++i)
            row[i] = sourceSize ? source[(size_t(y) * stride + size_t(i)) % sourceSize] : uchar(y);
        rows.append(reinterpret_cast<const char *>(row), rowBytes);
        deflater.deflateRow();
    }
    const QByteArray stream = deflater.finish();
    require(stream.size() <= 2 + rows.size() + rows.size() / 8 + 16 + 4);

    QByteArray back(rows.size() + 1, '\0');
    uLongf backSize = uLongf(back.size());
    require(uncompress(reinterpret_cast<Bytef *>(back.data()), &backSize,
                       reinterpret_cast<const Bytef *>(stream.constData()), uLong(stream.size())) == Z_OK);
    require(qsizetype(backSize) == rows.size());
    require(std::memcmp(back.constData(), rows.constData(), size_t(rows.size())) == 0);
    return 0;
}
