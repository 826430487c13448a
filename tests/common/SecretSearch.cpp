#include "SecretSearch.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
constexpr qint64 kLargestFileRead = 64 * 1024 * 1024;

QString bearerless(const QString &authorization)
{
    return authorization.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive) ? authorization.mid(7)
                                                                                   : authorization;
}
} // namespace

QSet<QString> SecretSearch::tokensIn(const QJsonArray &requests)
{
    QSet<QString> tokens;
    for (const QJsonValue &value : requests) {
        const QJsonObject request = value.toObject();
        tokens << bearerless(request.value(QStringLiteral("headers"))
                                 .toObject()
                                 .value(QStringLiteral("authorization"))
                                 .toString());
        const QJsonObject body =
            QJsonDocument::fromJson(request.value(QStringLiteral("body")).toString().toUtf8()).object();
        for (const QString &field : {QStringLiteral("refreshToken"), QStringLiteral("accessToken")})
            tokens << body.value(field).toString();
    }
    tokens.remove(QString());
    return tokens;
}

QList<QByteArray> SecretSearch::needlesOf(const QSet<QString> &tokens)
{
    QList<QByteArray> needles;
    for (const QString &token : tokens) {
        needles << token.toUtf8();
        if (token.size() > 32)
            needles << token.right(24).toUtf8();
    }
    return needles;
}

QStringList SecretSearch::hitsIn(const QString &where, const QByteArray &content,
                                 const QList<QByteArray> &needles)
{
    QStringList hits;
    for (const QByteArray &needle : needles) {
        if (content.contains(needle))
            hits << QStringLiteral("%1: …%2").arg(where, QString::fromUtf8(needle.right(8)));
    }
    return hits;
}

QStringList SecretSearch::search(const QString &root, const QList<QByteArray> &needles, int *filesRead,
                                 const QDateTime &since)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if ((since.isValid() && info.lastModified() < since) || info.size() > kLargestFileRead)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue; // another user's file in /tmp
        ++*filesRead;
        hits << hitsIn(path, file.readAll(), needles);
    }
    return hits;
}

QStringList SecretSearch::homeDirs()
{
    QStringList dirs;
    for (const char *name :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString dir = qEnvironmentVariable(name);
        if (!dir.isEmpty() && !dirs.contains(dir))
            dirs << dir;
    }
    return dirs;
}
