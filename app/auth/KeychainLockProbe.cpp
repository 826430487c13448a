#include "auth/KeychainLockProbe.h"

#include "log/LogCategories.h"

#include <QMetaObject>

#ifdef ALLMINE_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

void KeychainLockProbe::ask(QObject *context, Callback done)
{
#ifdef ALLMINE_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage get = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get), context);
        QObject::connect(
            watcher, &QDBusPendingCallWatcher::finished, context,
            [done = std::move(done)](QDBusPendingCallWatcher *call) {
                call->deleteLater();
                const QDBusPendingReply<QDBusVariant> reply = *call;
                Answer answer = Answer::Unknown;
                if (reply.isError())
                    qCDebug(lcKeychain).noquote() << "lock state unknown:" << reply.error().message();
                else
                    answer = reply.value().variant().toBool() ? Answer::Locked : Answer::Unlocked;
                qCDebug(lcKeychain) << "default collection" << int(answer) << "(0 unlocked, 1 locked)";
                done(answer);
            });
        return;
    }
#endif
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(Answer::Unknown); }, Qt::QueuedConnection);
}
