#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QStringList>

// What the secrets audits look for, and where: every token the sandbox saw, searched for in
// files and captured text. A hit is "where: …last 8 characters", never the token itself.
namespace SecretSearch {
// Every token in recorded sandbox requests: Authorization headers and token fields of bodies.
QSet<QString> tokensIn(const QJsonArray &requests);
// Each token whole and its tail (a JWT's tail is its signature; a "redacted" text that keeps
// the end still tells which token it was).
QList<QByteArray> needlesOf(const QSet<QString> &tokens);
QStringList hitsIn(const QString &where, const QByteArray &content, const QList<QByteArray> &needles);
// Files under `root` (hidden ones too, no symlinks), optionally only those modified since `since`.
QStringList search(const QString &root, const QList<QByteArray> &needles, int *filesRead,
                   const QDateTime &since = {});
// HOME and the XDG dirs this process was started with, each once: where tests/scripts/with-keyring
// put the private keyring (read before a test points them elsewhere).
QStringList homeDirs();
} // namespace SecretSearch
