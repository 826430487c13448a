#include "Adler32.h"

#include <zlib.h>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define ALLMINE_ADLER32_SSSE3
#include <tmmintrin.h>
#endif

namespace {
constexpr quint32 kBase = 65521;  // the largest prime below 2^16
constexpr qsizetype kMost = 5552; // bytes before the sums may overflow 32 bits (zlib's NMAX)

#ifdef ALLMINE_ADLER32_SSSE3
// 32 bytes a step: one sum adds them (_mm_sad_epu8), the other weighs each by how many of the
// step's bytes follow it, 32 down to 1 (_mm_maddubs_epi16), and adds 32 times the first sum as it
// stood before the step (v_before, shifted by 5 at the end).
__attribute__((target("ssse3"))) quint32 withSsse3(const uchar *data, qsizetype size, quint32 start)
{
    quint32 s1 = start & 0xffff;
    quint32 s2 = start >> 16;
    constexpr qsizetype kStep = 32;
    qsizetype steps = size / kStep;
    size -= steps * kStep;
    const __m128i firstWeights =
        _mm_setr_epi8(32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17);
    const __m128i secondWeights = _mm_setr_epi8(16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    const __m128i zero = _mm_setzero_si128();
    const __m128i ones = _mm_set1_epi16(1);
    while (steps > 0) {
        qsizetype n = qMin(steps, kMost / kStep);
        steps -= n;
        __m128i v_before = _mm_set_epi32(0, 0, 0, int(s1 * quint32(n)));
        __m128i v_s2 = _mm_set_epi32(0, 0, 0, int(s2));
        __m128i v_s1 = zero;
        do {
            const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data));
            const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + 16));
            v_before = _mm_add_epi32(v_before, v_s1);
            v_s1 = _mm_add_epi32(v_s1, _mm_sad_epu8(first, zero));
            v_s2 = _mm_add_epi32(v_s2, _mm_madd_epi16(_mm_maddubs_epi16(first, firstWeights), ones));
            v_s1 = _mm_add_epi32(v_s1, _mm_sad_epu8(second, zero));
            v_s2 = _mm_add_epi32(v_s2, _mm_madd_epi16(_mm_maddubs_epi16(second, secondWeights), ones));
            data += kStep;
        } while (--n);
        v_s2 = _mm_add_epi32(v_s2, _mm_slli_epi32(v_before, 5));
        v_s1 = _mm_add_epi32(v_s1, _mm_shuffle_epi32(v_s1, _MM_SHUFFLE(2, 3, 0, 1)));
        v_s1 = _mm_add_epi32(v_s1, _mm_shuffle_epi32(v_s1, _MM_SHUFFLE(1, 0, 3, 2)));
        s1 += quint32(_mm_cvtsi128_si32(v_s1));
        v_s2 = _mm_add_epi32(v_s2, _mm_shuffle_epi32(v_s2, _MM_SHUFFLE(2, 3, 0, 1)));
        v_s2 = _mm_add_epi32(v_s2, _mm_shuffle_epi32(v_s2, _MM_SHUFFLE(1, 0, 3, 2)));
        s2 = quint32(_mm_cvtsi128_si32(v_s2));
        s1 %= kBase;
        s2 %= kBase;
    }
    for (; size > 0; --size) { // what is left: fewer than 32 bytes
        s1 += *data++;
        s2 += s1;
    }
    return (s1 % kBase) | (s2 % kBase) << 16;
}
#endif
} // namespace

quint32 Adler32::of(const uchar *data, qsizetype size, quint32 start)
{
#ifdef ALLMINE_ADLER32_SSSE3
    static const bool ssse3 = __builtin_cpu_supports("ssse3");
    if (ssse3)
        return withSsse3(data, size, start);
#endif
    return quint32(adler32_z(start, data, z_size_t(size)));
}
