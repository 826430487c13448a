#pragma once

#include <QByteArray>
#include <vector>

// A deflate stream (RFC 1951) of an image's rows, made for screenshots of windows. A window is
// mostly the row above repeated, runs of one colour and a few glyphs seen before, so for each
// position it tries just those three places (the row above, the pixel before, where the next four
// bytes were last seen) instead of searching as zlib does, and writes deflate's fixed Huffman
// codes: on a window, a third of the work of zlib's fastest level for a file a fifth larger; never
// more than an eighth larger than the rows. Rows are packed straight into its window of the last
// 32 KiB, which stays in the cache. A stream can be cut into parts, each deflated on its own core:
// a part is primed with the rows before it, which it may refer to, and all but the last end on a
// byte boundary, so that the parts one after another are one stream.
class PixelDeflater
{
public:
    // Rows of rowBytes bytes each, whose pixels are pixelBytes bytes (1 to 4) wide.
    PixelDeflater(int rowBytes, int pixelBytes, bool lastPart = true);
    // Where to put the next row's rowBytes bytes before deflateRow() or primeRow().
    uchar *nextRow();
    void deflateRow();
    // Adds a row that is the same as the one before (not for the first), without searching it.
    void repeatRow();
    // Keeps the row put at nextRow(), one the part before deflated, for this part to refer to.
    void primeRow();
    // How many rows before a part's first it may refer to: those within deflate's 32 KiB reach.
    static int rowsToPrime(int rowBytes);

    // A part of a stream: its deflated rows (a raw deflate stream, or a part of one), and the
    // Adler-32 and size of the rows deflated or repeated (not primed), to join it to the others.
    struct Part
    {
        QByteArray deflated;
        quint32 adler = 1;
        qint64 rawBytes = 0;
    };
    Part finish();
    // One zlib stream of parts deflated in turn: zlib's header, the parts, the Adler-32 of all
    // their rows.
    static QByteArray zlibStream(const std::vector<Part> &parts);

    // Rows [first, last) of an image as one part: primed with the `primed` rows before `first`,
    // then each row deflated, or taken as a repeat where repeatsAbove(y) says it equals row y - 1.
    // pack(y, out) writes row y's rowBytes bytes to out.
    template <typename Pack, typename RepeatsAbove>
    static Part deflatePart(int rowBytes, int pixelBytes, int first, int last, bool lastPart, int primed,
                            Pack pack, RepeatsAbove repeatsAbove)
    {
        PixelDeflater deflater(rowBytes, pixelBytes, lastPart);
        for (int y = qMax(0, first - primed); y < first; ++y) {
            pack(y, deflater.nextRow());
            deflater.primeRow();
        }
        for (int y = first; y < last; ++y) {
            if (y > 0 && repeatsAbove(y)) {
                deflater.repeatRow();
                continue;
            }
            pack(y, deflater.nextRow());
            deflater.deflateRow();
        }
        return deflater.finish();
    }

    // Deflate's Huffman codes are written most significant bit first, so they are kept reversed.
    struct Code
    {
        quint16 bits = 0;
        quint8 length = 0;
    };

private:
    void makeRoom();
    void addAdler(quint32 rowAdler);
    void put(quint32 bits, int count) // count <= 32
    {
        m_bits |= quint64(bits) << m_bitCount;
        m_bitCount += count;
        if (m_bitCount >= 32) {
            writeWord();
        }
    }
    void put(Code code) { put(code.bits, code.length); }
    void writeWord();
    void putMatch(int length, qsizetype distance);

    const int m_rowBytes;
    const int m_pixelBytes;
    const bool m_lastPart;
    std::vector<uchar> m_window; // the last rows: at least 32 KiB, or one row, once there are
    qsizetype m_start = 0;       // position in the stream of m_window[0]
    qsizetype m_filled = 0;      // bytes of m_window in use
    std::vector<quint32> m_seen; // where each hash of four bytes was last seen, modulo 2^32
    quint32 m_adler = 1;         // Adler-32 of the rows so far
    qint64 m_rawBytes = 0;       // their size
    quint32 m_rowAdler = 1;      // of the last row alone, for a row repeated
    QByteArray m_out;
    qsizetype m_used = 0; // bytes of m_out written
    quint64 m_bits = 0;   // bits not yet written, from the least significant end
    int m_bitCount = 0;
};
