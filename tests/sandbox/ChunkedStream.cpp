#include "ChunkedStream.h"

#include <QTcpSocket>

namespace {
// Written ahead of the socket: enough to keep it busy, little enough to stay small.
constexpr qint64 kBacklogBytes = 4 * ChunkedStream::kChunkBytes;
} // namespace

ChunkedStream::ChunkedStream(QHttpServerResponder &&responder, qint64 maxBytes)
    : QObject(responder.socket()), m_responder(std::move(responder)), m_socket(m_responder.socket()),
      m_maxBytes(maxBytes)
{
    m_socket->write(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ChunkedStream::feed);
    feed();
}

void ChunkedStream::feed()
{
    static const QByteArray chunk =
        QByteArray::number(kChunkBytes, 16) + "\r\n" + QByteArray(kChunkBytes, 'x') + "\r\n";
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return deleteLater();
    while (m_sent < m_maxBytes && m_socket->bytesToWrite() < kBacklogBytes) {
        m_socket->write(chunk);
        m_sent += kChunkBytes;
    }
    if (m_sent >= m_maxBytes) {
        m_socket->write("0\r\n\r\n");
        disconnect(m_socket, nullptr, this, nullptr);
        deleteLater();
    }
}
