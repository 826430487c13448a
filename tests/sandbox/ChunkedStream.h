#pragma once

#include <QHttpServerResponder>
#include <QObject>

class QTcpSocket;

// The `stream` fault: a 200 answer with a chunked body of endless 64 KiB chunks, written as fast
// as the socket takes them (a little ahead of it, never a growing backlog). It stops by itself
// when the client goes away (it lives as the socket's child) or once `maxBytes` were sent, and
// then ends the body properly.
class ChunkedStream : public QObject
{
    Q_OBJECT
public:
    ChunkedStream(QHttpServerResponder &&responder, qint64 maxBytes);

    static constexpr qint64 kChunkBytes = 64 * 1024;

private:
    void feed();

    QHttpServerResponder m_responder; // kept for as long as the answer is being written
    QTcpSocket *m_socket;
    qint64 m_maxBytes;
    qint64 m_sent = 0;
};
