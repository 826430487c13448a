#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM/SIGINT into a Qt signal (self-pipe trick), so the event loop can quit cleanly.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    static void handler(int signalNumber);
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};
