#pragma once

#include <QObject>

class QAction;
class QWidget;
class ServerSessions;

// Keeps what the window shows fresh: View → Reload (F5, Ctrl+R) loads the active server's
// settings again, and so does the window regaining focus (or the app becoming active) once the
// values are older than staleAfterMs(). Edits stay; the model drops those now equal to the server.
class ReloadController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kStaleAfterMs = 60 * 1000;

    ReloadController(QWidget *window, ServerSessions *sessions);

    QAction *action() const { return m_action; }
    int staleAfterMs() const { return m_staleAfterMs; }
    void setStaleAfterMs(int ms) { m_staleAfterMs = ms; }

    void reload();
    // Reloads when the values are older than staleAfterMs().
    void reloadIfStale();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();

    QWidget *m_window;
    ServerSessions *m_sessions;
    QAction *m_action;
    int m_staleAfterMs = kStaleAfterMs;
};
