// libFuzzer target: the screenshot's deflate encoder (PixelDeflater) on rows made from the fuzz
// input, deflated in one to three parts as on several cores. zlib must inflate the joined stream
// back to exactly those rows (checking its Adler-32), and no part may be larger than its rows plus
// an eighth: it must never crash, read outside its window or write a stream a reader would refuse.
#include "FuzzRequire.h"
#include "PixelDeflater.h"

#include <QList>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>
#include <zlib.h>

// Input: pixel bytes (1-4), parts (1-3) and rows primed (1-16) in one byte, width (2 bytes), row
// count, stride, then a control byte per row
// (odd: the row repeats the one above) and bytes that rows are cut from, cyclically and from
// shifting places, so rows repeat at every distance, near and beyond deflate's 32 KiB window.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 6)
        return 0;
    const int pixelBytes = 1 + data[0] % 4;
    const int width = 1 + (data[1] | (data[2] << 8)) % 33000; // rows up to 4 × 32 KiB
    const int height = 1 + data[3] % 64;
    const size_t stride = data[4];
    const uint8_t *controls = data + 5;
    const size_t controlCount = size - 5 < size_t(height) ? size - 5 : size_t(height);
    const uint8_t *source = data + 5 + controlCount;
    const size_t sourceSize = size - 5 - controlCount;
    const int rowBytes = 1 + width * pixelBytes;

    // The rows first, then deflated in parts as on several cores: each part primed with the rows
    // before it (as many as the input says, so too few is tried too), the parts joined.
    QByteArray rows;
    QList<bool> repeated;
    for (int y = 0; y < height; ++y) {
        repeated.append(y > 0 && size_t(y) < controlCount && (controls[y] & 1));
        if (repeated.last()) {
            rows += rows.right(rowBytes);
            continue;
        }
        for (int i = 0; i < rowBytes; ++i)
            rows += char(sourceSize ? source[(size_t(y) * stride + size_t(i)) % sourceSize] : uchar(y));
    }
    const int parts = 1 + (data[0] >> 2) % 3;
    const int primed = 1 + (data[0] >> 4);
    std::vector<PixelDeflater::Part> deflated;
    for (int part = 0; part < parts; ++part) {
        const int first = height * part / parts;
        const int last = height * (part + 1) / parts;
        deflated.push_back(PixelDeflater::deflatePart(
            rowBytes, pixelBytes, first, last, part + 1 == parts, primed,
            [&](int y, uchar *out) {
                std::memcpy(out, rows.constData() + qsizetype(y) * rowBytes, size_t(rowBytes));
            },
            [&repeated](int y) { return repeated[y]; }));
        const PixelDeflater::Part &done = deflated.back();
        require(done.rawBytes == qsizetype(last - first) * rowBytes);
        require(done.deflated.size() <= done.rawBytes + done.rawBytes / 8 + 16);
    }
    const QByteArray stream = PixelDeflater::zlibStream(deflated);

    QByteArray back(rows.size() + 1, '\0');
    uLongf backSize = uLongf(back.size());
    require(uncompress(reinterpret_cast<Bytef *>(back.data()), &backSize,
                       reinterpret_cast<const Bytef *>(stream.constData()), uLong(stream.size())) == Z_OK);
    require(qsizetype(backSize) == rows.size());
    require(std::memcmp(back.constData(), rows.constData(), size_t(rows.size())) == 0);
    return 0;
}
