#pragma once

#include <QByteArray>
#include <QString>

// Replaces a file's content all at once: the bytes are written next to it under a temporary name
// and then renamed over it, so a write that fails leaves the old file as it was. Unlike QSaveFile
// it does not wait for the disk to confirm the write (fsync), which took longer than encoding a
// screenshot on an SSD and far longer on a spinning disk; a screenshot need not survive a power
// cut (after one, the file may be empty). Symbolic links are written through, a read-only file
// is refused, and the old file's permissions are kept (a new file gets the user's default ones).
class FileReplacer
{
public:
    // False, with *error saying why, when the file could not be written.
    static bool replace(const QString &fileName, const QByteArray &bytes, QString *error = nullptr);
};
