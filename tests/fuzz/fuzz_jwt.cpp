// libFuzzer target: whatever people paste as a token goes through JwtInspector::normalize and
// inspect; so does a well-formed token whose payload is the fuzz input. It must never crash or
// hang, and must always either accept the token or say in words why not.
#include "FuzzRequire.h"
#include "auth/JwtInspector.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(const QString &token)
{
    const JwtInfo info = JwtInspector::inspect(token);
    require(info.valid == info.error.isEmpty());
    if (!info.valid)
        return;
    require(token.count(QLatin1Char('.')) == 2 && token.size() <= JwtInspector::MaxTokenLength);
    info.isExpired();
    info.expiresWithin(60);
    if (info.expiry.isValid())
        require(info.expiry.timeSpec() == Qt::UTC);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString pasted = QString::fromUtf8(bytes);
    const QString normalized = JwtInspector::normalize(pasted);
    require(normalized.size() <= pasted.size());
    require(normalized == normalized.trimmed());
    check(pasted);
    check(normalized);
    // The input as a payload (and as a header) of an otherwise well-formed token.
    const QByteArray part = bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    check(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.%1.c2ln").arg(QString::fromLatin1(part)));
    check(QStringLiteral("%1.eyJzdWIiOiJ4In0.c2ln").arg(QString::fromLatin1(part)));
    return 0;
}
