#include "FileReplacer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <filesystem>
#include <system_error>

namespace {
std::filesystem::path nativePath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}
} // namespace

bool FileReplacer::replace(const QString &fileName, const QByteArray &bytes, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QFileInfo info(fileName);
    // Through symbolic links, however many, to the file they name (which may not exist yet).
    QString target = info.absoluteFilePath();
    if (info.exists())
        target = info.canonicalFilePath();
    else if (info.isSymLink())
        target = info.symLinkTarget();
    const QFileInfo existing(target);
    const bool replacing = existing.exists();
    if (replacing && !existing.isWritable())
        return fail(QCoreApplication::translate("FileReplacer", "%1 exists and is not writable.")
                        .arg(QDir::toNativeSeparators(target)));

    // In the same directory, so that the rename is one step on one file system. NewOnly: never
    // someone else's file; a new one gets the user's default permissions, a replacement the old
    // file's, before it holds anything.
    QFile part(target + QStringLiteral(".part-") +
               QString::number(QRandomGenerator::global()->generate(), 36));
    if (!part.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(part.errorString());
    bool written = !replacing || part.setPermissions(existing.permissions());
    written = written && part.write(bytes) == bytes.size();
    part.close(); // without an fsync, closing is the last place a write error shows
    written = written && part.error() == QFileDevice::NoError;
    if (!written) {
        const QString why = part.errorString();
        part.remove();
        return fail(why);
    }
    std::error_code renamed;
    std::filesystem::rename(nativePath(part.fileName()), nativePath(target), renamed);
    if (renamed) {
        part.remove();
        return fail(QString::fromLocal8Bit(renamed.message().c_str()));
    }
    return true;
}
