#include "FileReplacer.h"

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
    const QFileInfo info(fileName);
    const QString target = info.isSymLink() ? info.symLinkTarget() : info.absoluteFilePath();
    // In the same directory, so that the rename is one step on one file system.
    QFile part(target + QStringLiteral(".part-") +
               QString::number(QRandomGenerator::global()->generate(), 36));
    // NewOnly: never someone else's file; created with the user's default permissions.
    if (!part.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (error)
            *error = part.errorString();
        return false;
    }
    bool written = part.write(bytes) == bytes.size() && part.flush();
    QString why = part.errorString();
    if (written && QFileInfo::exists(target) && !part.setPermissions(QFile::permissions(target))) {
        written = false;
        why = part.errorString();
    }
    part.close();
    std::error_code renamed;
    if (written)
        std::filesystem::rename(nativePath(part.fileName()), nativePath(target), renamed);
    if (!written || renamed) {
        if (error)
            *error = written ? QString::fromLocal8Bit(renamed.message().c_str()) : why;
        part.remove();
        return false;
    }
    return true;
}
