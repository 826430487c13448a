#include "PixelDeflater.h"

#include "Adler32.h"

#include <QtAlgorithms>
#include <QtEndian>
#include <array>
#include <cstring>
#include <zlib.h>

namespace {
constexpr int kMinMatch = 3;
constexpr int kMaxMatch = 258;
constexpr qsizetype kWindow = 32768;
constexpr int kHashBits = 13; // 32 KiB of table: it stays in the cache

using Code = PixelDeflater::Code;

quint16 reversed(unsigned code, int length)
{
    unsigned out = 0;
    for (int i = 0; i < length; ++i, code >>= 1)
        out = (out << 1) | (code & 1);
    return quint16(out);
}

// RFC 1951 3.2.6: the fixed codes for literals and lengths (0-287), and for distances (0-29).
struct FixedCodes
{
    std::array<Code, 288> literal;
    std::array<Code, 30> distance;
    FixedCodes()
    {
        for (unsigned symbol = 0; symbol < 288; ++symbol) {
            const auto [first, base, length] = symbol < 144   ? std::array<unsigned, 3>{0, 0x30, 8}
                                               : symbol < 256 ? std::array<unsigned, 3>{144, 0x190, 9}
                                               : symbol < 280 ? std::array<unsigned, 3>{256, 0, 7}
                                                              : std::array<unsigned, 3>{280, 0xc0, 8};
            literal[symbol] = {reversed(base + symbol - first, int(length)), quint8(length)};
        }
        for (unsigned symbol = 0; symbol < 30; ++symbol)
            distance[symbol] = {reversed(symbol, 5), 5};
    }
};

// Length codes 257-285: the first length each stands for and how many extra bits follow.
constexpr std::array<quint16, 29> kLengthBase = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                 15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<quint8, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};

struct LengthCodes
{
    std::array<quint8, kMaxMatch + 1> index{}; // length -> its code's place in the tables above
    LengthCodes()
    {
        for (int code = 0, length = kMinMatch; length <= kMaxMatch; ++length) {
            while (code + 1 < int(kLengthBase.size()) && kLengthBase[size_t(code + 1)] <= length)
                ++code;
            index[size_t(length)] = quint8(code);
        }
    }
};

// How many bytes from here on equal those distance bytes before them, up to limit.
Q_ALWAYS_INLINE int matchLength(const uchar *here, qsizetype distance, int limit)
{
    const uchar *there = here - distance;
    int length = 0;
    for (; length + 8 <= limit; length += 8) {
        const quint64 diff =
            qFromLittleEndian<quint64>(here + length) ^ qFromLittleEndian<quint64>(there + length);
        if (diff)
            return length + int(qCountTrailingZeroBits(diff) / 8);
    }
    while (length < limit && here[length] == there[length])
        ++length;
    return length;
}

// Built once: the fixed codes and which length code each match length takes.
struct Tables
{
    FixedCodes codes;
    LengthCodes lengths;
};
const Tables &tables()
{
    static const Tables built;
    return built;
}
} // namespace

PixelDeflater::PixelDeflater(int rowBytes, int pixelBytes, bool lastPart)
    : m_rowBytes(rowBytes), m_pixelBytes(pixelBytes), m_lastPart(lastPart),
      // Room for the window, the row being added, and whole rows besides, so that the window slides
      // down only now and then; 96 KiB stays under malloc's 128 KiB threshold for mapping memory of
      // its own, so that a thread's next part reuses it rather than faulting in fresh pages.
      m_window(size_t(qMax<qsizetype>(3 * kWindow, kWindow + 4 * qsizetype(rowBytes)))),
      m_seen(size_t(1) << kHashBits)
{
    m_out.resize(64 * 1024);
    put(lastPart ? 0b011 : 0b010, 3); // one block with fixed codes, the stream's last or not
}

uchar *PixelDeflater::nextRow()
{
    const qsizetype keep = qMax<qsizetype>(kWindow, m_rowBytes); // the window and the row above
    if (m_filled + m_rowBytes > qsizetype(m_window.size()) && m_filled > keep) {
        std::memmove(m_window.data(), m_window.data() + m_filled - keep, size_t(keep));
        m_start += m_filled - keep;
        m_filled = keep;
    }
    return m_window.data() + m_filled;
}

void PixelDeflater::makeRoom()
{
    // At most 9 bits a byte (a literal; a match takes at most 25 bits for 3 to 10 bytes and 31 for
    // longer ones), and the last bytes: 8 of bits, 4 of an empty stored block.
    const qsizetype most = m_rowBytes + m_rowBytes / 8 + 16;
    if (m_out.size() - m_used < most)
        m_out.resize(qMax(2 * m_out.size(), m_used + most));
}

void PixelDeflater::addAdler(quint32 rowAdler)
{
    m_rowAdler = rowAdler;
    m_adler = quint32(adler32_combine(m_adler, rowAdler, z_off_t(m_rowBytes)));
    m_rawBytes += m_rowBytes;
}

void PixelDeflater::deflateRow()
{
    makeRoom();
    const Code *literals = tables().codes.literal.data();
    const uchar *data = m_window.data();
    addAdler(Adler32::of(data + m_filled, m_rowBytes));
    const qsizetype end = m_filled + m_rowBytes; // matches end with the row
    const bool rowAbove = m_rowBytes <= kWindow;
    for (qsizetype at = m_filled; at < end;) {
        const int limit = int(qMin<qsizetype>(kMaxMatch, end - at));
        const qsizetype absolute = m_start + at;
        // The pixel before first: as long a match that near takes fewer bits.
        int best = 0;
        qsizetype distance = 0;
        if (absolute >= m_pixelBytes) {
            best = matchLength(data + at, m_pixelBytes, limit);
            distance = m_pixelBytes;
        }
        if (best < limit && rowAbove && absolute >= m_rowBytes) {
            const int above = matchLength(data + at, m_rowBytes, limit);
            if (above > best) {
                best = above;
                distance = m_rowBytes;
            }
        }
        // Only where the row above and the pixel before do not repeat (text, mostly) is it worth
        // hashing: elsewhere those two find longer matches.
        if (best <= kMinMatch && limit >= 4) {
            const quint32 key = qFromUnaligned<quint32>(data + at) * 2654435761u;
            // Positions are kept modulo 2^32; one from 4 GiB ago may look near, but the bytes
            // there are compared before they are used, which is all a match needs.
            quint32 &slot = m_seen[key >> (32 - kHashBits)];
            const quint32 since = quint32(absolute) - slot;
            slot = quint32(absolute);
            if (since > 0 && since <= kWindow && since <= absolute) {
                const int length = matchLength(data + at, since, limit);
                if (length > best) {
                    best = length;
                    distance = since;
                }
            }
        }
        if (best >= kMinMatch) {
            putMatch(best, distance);
            at += best;
        } else {
            put(literals[data[at]]);
            ++at;
        }
    }
    m_filled = end;
}

void PixelDeflater::repeatRow()
{
    Q_ASSERT(m_start + m_filled >= m_rowBytes);
    uchar *row = nextRow();
    std::memcpy(row, row - m_rowBytes, size_t(m_rowBytes));
    if (m_rowBytes > kWindow || m_rowBytes < kMinMatch)
        return deflateRow(); // too far back, or too short, for one match
    makeRoom();
    addAdler(m_rowAdler);
    for (int left = m_rowBytes; left > 0;) {
        // Whole matches; the last two share what is left so that neither is shorter than 3.
        const int length = left <= kMaxMatch ? left : qMin(kMaxMatch, left - kMinMatch);
        putMatch(length, m_rowBytes);
        left -= length;
    }
    m_filled += m_rowBytes;
}

void PixelDeflater::primeRow()
{
    m_rowAdler = Adler32::of(m_window.data() + m_filled, m_rowBytes); // for a repeat
    m_filled += m_rowBytes;
}

int PixelDeflater::rowsToPrime(int rowBytes)
{
    return int((kWindow + rowBytes - 1) / rowBytes);
}

PixelDeflater::Part PixelDeflater::finish()
{
    makeRoom();
    put(tables().codes.literal[256]); // end of block
    // A part before the last ends on a byte boundary, as the next starts on one: an empty stored
    // block (header, padding, its length 0 and that length's complement) gets it there.
    if (!m_lastPart)
        put(0b000, 3);
    for (; m_bitCount > 0; m_bitCount -= 8, m_bits >>= 8) // the last byte, padded with zero bits
        m_out[m_used++] = char(m_bits);
    m_bitCount = 0;
    if (!m_lastPart) {
        for (const char byte : {'\x00', '\x00', '\xff', '\xff'})
            m_out[m_used++] = byte;
    }
    m_out.truncate(m_used);
    return {std::move(m_out), m_adler, m_rawBytes};
}

QByteArray PixelDeflater::zlibStream(const std::vector<Part> &parts)
{
    qsizetype size = 2 + 4;
    for (const Part &part : parts)
        size += part.deflated.size();
    QByteArray stream;
    stream.reserve(size);
    stream.append("\x78\x01", 2); // deflate, a 32 KiB window, the fastest level
    uLong adler = adler32(0, nullptr, 0);
    for (const Part &part : parts) {
        stream += part.deflated;
        adler = adler32_combine(adler, part.adler, z_off_t(part.rawBytes));
    }
    uchar trailer[4];
    qToBigEndian(quint32(adler), trailer);
    stream.append(reinterpret_cast<const char *>(trailer), 4);
    return stream;
}

void PixelDeflater::writeWord()
{
    qToLittleEndian(quint32(m_bits), m_out.data() + m_used);
    m_used += 4;
    m_bits >>= 32;
    m_bitCount -= 32;
}

void PixelDeflater::putMatch(int length, qsizetype distance)
{
    const Tables &t = tables();
    const size_t code = t.lengths.index[size_t(length)];
    put(t.codes.literal[257 + code]);
    if (kLengthExtra[code])
        put(quint32(length - kLengthBase[code]), kLengthExtra[code]);
    // Distances 1-4 have codes 0-3; beyond, two codes per power of two, the rest in extra bits.
    const auto gap = quint32(distance - 1);
    if (gap < 4) {
        put(t.codes.distance[gap]);
        return;
    }
    const int top = 31 - int(qCountLeadingZeroBits(gap));
    const int extra = top - 1;
    put(t.codes.distance[size_t(2 * top + ((gap >> extra) & 1))]);
    put(gap & ((1u << extra) - 1), extra);
}
