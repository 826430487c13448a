#pragma once

#include "servers/ServerProfile.h"

#include <QFrame>
#include <QList>

class QComboBox;
class QLabel;
class QPushButton;

// Always at the top of the window: which server is active, its host, and for Production that
// changes affect real users — in words and in a colour of its own. The server switch lives here.
class ServerBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ServerBanner(QWidget *parent = nullptr);

    void setServers(const QList<ServerProfile> &servers, const ServerProfile &active);
    const ServerProfile &active() const { return m_active; }
    QComboBox *serverSwitch() const { return m_switch; }
    QLabel *headline() const { return m_headline; }
    QLabel *detail() const { return m_detail; }
    // "Don't ask again until I quit" chosen for the active server: said here while it lasts.
    void setConfirmationsPaused(bool paused);
    QLabel *pausedLabel() const { return m_paused; }
    QPushButton *resumeButton() const { return m_resume; }

    // The colours of a server's banner; fixed (not from the palette) so they mean the same in
    // light and dark themes, and chosen so white text passes WCAG AA on them.
    static QColor backgroundFor(const ServerProfile &server);

Q_SIGNALS:
    // The user picked another server; MainWindow decides, then calls setServers().
    void serverChosen(const QString &name);
    void manageServersRequested();
    void resumeConfirmationsRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void retranslateUi();

    ServerProfile m_active;
    QColor m_background;
    QList<ServerProfile> m_servers;
    QLabel *m_headline;
    QLabel *m_detail;
    QLabel *m_switchLabel;
    QComboBox *m_switch;
    QPushButton *m_manage;
    QLabel *m_paused;
    QPushButton *m_resume;
};
