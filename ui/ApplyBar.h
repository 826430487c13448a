#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

// The bottom bar: what is pending, progress while the server works, Revert and Apply. The Apply
// button names the count and the server ("Apply 2 changes to Production").
class ApplyBar : public QWidget
{
    Q_OBJECT
public:
    struct State
    {
        QString server;  // the server's title
        int pending = 0; // fields the next Apply sends
        int changed = 0; // fields that differ from the server (pending or in flight)
        bool loading = false;
        bool applying = false;
        bool loaded = false;
        // Field labels, as the status line names them:
        QStringList serverChanged; // changed on the server since they were loaded
        QStringList unreadable;    // not of their type: never counted as saved
        QStringList notApplied;    // sent, not read back as sent
    };

    explicit ApplyBar(QWidget *parent = nullptr);

    void setState(const State &state);
    bool canApply() const;
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }
    QLabel *statusLabel() const { return m_status; }
    static constexpr int kBusyDelayMs = 500; // how long a wait goes without the busy bar

Q_SIGNALS:
    void applyRequested();
    void revertRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    State m_state;
    QLabel *m_status;
    QProgressBar *m_progress;
    QTimer m_busyDelay;
    QPushButton *m_revert;
    QPushButton *m_apply;
};
