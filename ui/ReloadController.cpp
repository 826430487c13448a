#include "ReloadController.h"

#include "api/SettingsSession.h"
#include "session/ServerContext.h"
#include "session/ServerSessions.h"
#include "settings/SettingsModel.h"

#include <QAction>
#include <QEvent>
#include <QGuiApplication>
#include <QWidget>

ReloadController::ReloadController(QWidget *window, ServerSessions *sessions)
    : QObject(window), m_window(window), m_sessions(sessions), m_action(new QAction(window))
{
    m_action->setObjectName(QStringLiteral("reloadAction"));
    // The platform's Refresh keys (F5; Ctrl+R on some desktops) and Ctrl+R everywhere, each once:
    // a key bound twice to one action would be ambiguous and do nothing.
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!keys.contains(QKeySequence(Qt::Key_F5)))
        keys.prepend(QKeySequence(Qt::Key_F5));
    if (!keys.contains(QKeySequence(Qt::CTRL | Qt::Key_R)))
        keys << QKeySequence(Qt::CTRL | Qt::Key_R);
    m_action->setShortcuts(keys);
    connect(m_action, &QAction::triggered, this, &ReloadController::reload);
    window->installEventFilter(this);
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive)
            reloadIfStale();
    });
    retranslate();
}

void ReloadController::reload()
{
    if (ServerContext *context = m_sessions->active())
        context->reload();
}

void ReloadController::reloadIfStale()
{
    ServerContext *context = m_sessions->active();
    if (!context || !context->model()->isLoaded() || context->session()->isLoading())
        return;
    const QDateTime loaded = context->model()->loadedAt();
    if (loaded.msecsTo(QDateTime::currentDateTimeUtc()) >= m_staleAfterMs)
        context->reload();
}

bool ReloadController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::WindowActivate)
            reloadIfStale();
        else if (event->type() == QEvent::LanguageChange)
            retranslate();
    }
    return QObject::eventFilter(watched, event);
}

void ReloadController::retranslate()
{
    m_action->setText(tr("Re&load"));
    m_action->setToolTip(tr("Load the settings from the server again; your changes are kept"));
}
