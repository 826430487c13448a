// libFuzzer target: a command line (the input split on newlines into words) through CliOptions
// and AssignmentParser. Whatever is typed, the parse must not crash, and a parse that succeeds
// may only yield known options, a timeout in range and settings values of the right type:
// nothing else is sent.
#include "FuzzRequire.h"
#include "cli/AssignmentParser.h"
#include "cli/CliOptions.h"
#include "settings/FieldTable.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text =
        QString::fromUtf8(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    const QStringList words = text.split(QLatin1Char('\n'));

    const AssignmentParser::Result assignments = AssignmentParser::parse(words);
    if (assignments.ok()) {
        require(!assignments.values.isEmpty());
        for (auto it = assignments.values.constBegin(); it != assignments.values.constEnd(); ++it) {
            const FieldSpec *field = FieldTable::find(it.key());
            require(field && FieldTable::hasValidType(*field, it.value()));
        }
    }

    const CliOptions options = CliOptions::parse(words);
    if (options.error.isEmpty()) {
        static const QStringList flags = {QStringLiteral("json"), QStringLiteral("dry-run"),
                                          QStringLiteral("yes"),  QStringLiteral("everywhere"),
                                          QStringLiteral("help"), QStringLiteral("version")};
        for (const QString &flag : options.flags)
            require(flags.contains(flag));
        for (const QString &word : options.words)
            require(!word.startsWith(QLatin1String("--")) || word == QLatin1String("--"));
        require(options.words.size() + options.flags.size() + options.values.size() <= words.size());
        // A timeout that parsed is a real time limit: never off, never beyond the range.
        if (options.values.contains(QStringLiteral("timeout")))
            require(options.timeoutMs >= CliOptions::kMinTimeoutS * 1000 &&
                    options.timeoutMs <= CliOptions::kMaxTimeoutS * 1000);
        else
            require(options.timeoutMs == 0);
    }
    return 0;
}
