#include "api/ServerText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace {
constexpr char16_t kEsc = 0x1B;
constexpr char16_t kBel = 0x07;
constexpr char16_t kSt = 0x9C;           // 8-bit String Terminator
constexpr qsizetype kShortestSecret = 8; // shorter values are not tokens; redacting them garbles text
constexpr qsizetype kShortestSignature = 16;

bool isBidiControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

// A control string (OSC, DCS, SOS, PM, APC) runs to BEL, ESC \ or ST, or to the end of the text.
qsizetype skipControlString(const QString &s, qsizetype i)
{
    for (; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c == kBel || c == kSt)
            return i + 1;
        if (c == kEsc)
            return i + 1 < s.size() && s.at(i + 1) == QLatin1Char('\\') ? i + 2 : i + 1;
    }
    return i;
}

// CSI: parameter bytes, intermediate bytes and one final byte (ECMA-48).
qsizetype skipCsi(const QString &s, qsizetype i)
{
    while (i < s.size() && s.at(i).unicode() >= 0x30 && s.at(i).unicode() <= 0x3F)
        ++i;
    while (i < s.size() && s.at(i).unicode() >= 0x20 && s.at(i).unicode() <= 0x2F)
        ++i;
    if (i < s.size() && s.at(i).unicode() >= 0x40 && s.at(i).unicode() <= 0x7E)
        ++i;
    return i;
}

// The index just after the escape sequence (or lone control character) at s[i].
qsizetype skipSequence(const QString &s, qsizetype i)
{
    const char16_t c = s.at(i).unicode();
    if (c == 0x9B)
        return skipCsi(s, i + 1);
    if (c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F)
        return skipControlString(s, i + 1);
    if (c != kEsc || i + 1 >= s.size())
        return i + 1;
    const char16_t next = s.at(i + 1).unicode();
    if (next == u'[')
        return skipCsi(s, i + 2);
    if (next == u']' || next == u'P' || next == u'X' || next == u'^' || next == u'_')
        return skipControlString(s, i + 2);
    i += 1; // other ESC sequences: intermediate bytes, then one final byte
    while (i < s.size() && s.at(i).unicode() >= 0x20 && s.at(i).unicode() <= 0x2F)
        ++i;
    if (i < s.size() && s.at(i).unicode() >= 0x30 && s.at(i).unicode() <= 0x7E)
        ++i;
    return i;
}

QString strip(const QString &text, bool keepLines)
{
    QString out;
    out.reserve(text.size());
    const auto space = [&out] {
        if (!out.endsWith(QLatin1Char(' ')))
            out += QLatin1Char(' ');
    };
    for (qsizetype i = 0; i < text.size();) {
        const char16_t c = text.at(i).unicode();
        const bool breaksLine = c == u'\n' || c == 0x2028 || c == 0x2029;
        if (breaksLine || c == u'\t' || c == u'\r' || c == 0x0B || c == 0x0C) {
            if (keepLines && breaksLine)
                out += QLatin1Char('\n');
            else if (keepLines && c == u'\t')
                out += QLatin1Char('\t');
            else if (!keepLines || c != u'\r') // CR LF becomes LF; a lone CR cannot overwrite
                space();
            ++i;
        } else if (c == kEsc || isControl(c)) {
            i = skipSequence(text, i);
        } else if (isBidiControl(c)) {
            ++i;
        } else {
            out += text.at(i);
            ++i;
        }
    }
    return out;
}

// Each secret, and a JWT's signature on its own (it alone still tells which token it was).
QStringList needles(const QStringList &secrets)
{
    QStringList all;
    for (const QString &secret : secrets) {
        if (secret.size() < kShortestSecret)
            continue;
        all << secret;
        const QString signature = secret.section(QLatin1Char('.'), -1);
        if (signature.size() >= kShortestSignature && signature != secret)
            all << signature;
    }
    // Longest first, so a whole token is replaced before its signature is looked for.
    std::sort(all.begin(), all.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    all.removeDuplicates();
    return all;
}

QString clean(const QString &text, const QStringList &secrets, bool keepLines)
{
    QString out = strip(text, keepLines);
    for (const QString &needle : needles(secrets))
        out.replace(needle, QLatin1String(ServerText::kRedacted));
    return out;
}

// Cleans every string (keys too) in `value`; true when something changed.
bool cleanValue(QJsonValue &value, const QStringList &secrets)
{
    bool changed = false;
    if (value.isString()) {
        const QString cleaned = clean(value.toString(), secrets, true);
        changed = cleaned != value.toString();
        value = cleaned;
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = clean(it.key(), secrets, true);
            QJsonValue inner = it.value();
            changed |= cleanValue(inner, secrets) || key != it.key();
            out.insert(key, inner);
        }
        value = out;
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it) {
            QJsonValue inner = *it;
            if (cleanValue(inner, secrets)) {
                *it = inner;
                changed = true;
            }
        }
        value = array;
    }
    return changed;
}

void collectSecrets(const QJsonValue &value, QStringList *found)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (ServerText::isTokenKey(it.key()) && it.value().isString())
                *found << it.value().toString();
            else
                collectSecrets(it.value(), found);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &inner : value.toArray())
            collectSecrets(inner, found);
    }
}
} // namespace

QString ServerText::line(const QString &text, const QStringList &secrets)
{
    return clean(text, secrets, false).trimmed();
}

QString ServerText::lines(const QString &text, const QStringList &secrets)
{
    return clean(text, secrets, true);
}

QByteArray ServerText::body(const QByteArray &body, const QStringList &secrets)
{
    if (body.isEmpty())
        return body;
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        const QString text = QString::fromUtf8(body);
        const QString cleaned = lines(text, secrets);
        return cleaned == text ? body : cleaned.toUtf8();
    }
    QJsonValue value = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
    if (!cleanValue(value, secrets))
        return body;
    return (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
        .toJson(QJsonDocument::Compact);
}

bool ServerText::isTokenKey(const QString &key)
{
    for (const char *name : {"accessToken", "refreshToken", "token"}) {
        if (key.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QStringList ServerText::secretsIn(const QByteArray &json)
{
    QStringList found;
    const QJsonDocument document = QJsonDocument::fromJson(json);
    collectSecrets(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), &found);
    return found;
}
