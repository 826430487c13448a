#include "SecretServiceControl.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>

namespace {
const QString kService = QStringLiteral("org.freedesktop.secrets");
const QString kRoot = QStringLiteral("/org/freedesktop/secrets");
constexpr int kTimeoutMs = 20000;

QDBusMessage call(const QString &path, const QString &interface, const QString &method,
                  const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(kService, path, interface, method);
    message.setArguments(arguments);
    return QDBusConnection::sessionBus().call(message, QDBus::Block, kTimeoutMs);
}

QString errorOf(const QDBusMessage &reply)
{
    return reply.type() == QDBusMessage::ReplyMessage
               ? QString()
               : reply.errorName() + QLatin1String(": ") + reply.errorMessage();
}

// The collection the "default" alias names (the login keyring).
QDBusObjectPath defaultCollection(QString *error)
{
    const QDBusMessage reply = call(kRoot, QStringLiteral("org.freedesktop.Secret.Service"),
                                    QStringLiteral("ReadAlias"), {QStringLiteral("default")});
    *error = errorOf(reply);
    return error->isEmpty() ? reply.arguments().value(0).value<QDBusObjectPath>() : QDBusObjectPath();
}
} // namespace

QString SecretServiceControl::lockDefault()
{
    QString error;
    const QDBusObjectPath collection = defaultCollection(&error);
    if (!error.isEmpty())
        return error;
    return errorOf(call(kRoot, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"),
                        {QVariant::fromValue(QList<QDBusObjectPath>{collection})}));
}

QString SecretServiceControl::unlockDefault()
{
    const QByteArray password = qgetenv("ALLMINE_KEYRING_PASSWORD");
    if (password.isEmpty())
        return QStringLiteral("ALLMINE_KEYRING_PASSWORD is not set (run through with-keyring)");
    QString error;
    const QDBusObjectPath collection = defaultCollection(&error);
    if (!error.isEmpty())
        return error;
    // A plain session on this connection carries the password (the bus is private to the test).
    const QDBusMessage opened =
        call(kRoot, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("OpenSession"),
             {QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString()))});
    error = errorOf(opened);
    if (!error.isEmpty())
        return error;
    const QDBusObjectPath session = opened.arguments().value(1).value<QDBusObjectPath>();
    QDBusArgument secret;
    secret.beginStructure();
    secret << session << QByteArray() << password << QStringLiteral("text/plain");
    secret.endStructure();
    return errorOf(call(kRoot, QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
                        QStringLiteral("UnlockWithMasterPassword"),
                        {QVariant::fromValue(collection), QVariant::fromValue(secret)}));
}

QString SecretServiceControl::isLocked(bool *locked)
{
    const QDBusMessage reply =
        call(kRoot + QStringLiteral("/aliases/default"), QStringLiteral("org.freedesktop.DBus.Properties"),
             QStringLiteral("Get"),
             {QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked")});
    const QString error = errorOf(reply);
    if (error.isEmpty())
        *locked = reply.arguments().value(0).value<QDBusVariant>().variant().toBool();
    return error;
}
