// A loopback proxy in front of the sandbox that notes when each request's first bytes arrive:
//   bench_proxy TARGET_PORT LOG
// prints its own base URL on stdout, then appends "<CLOCK_MONOTONIC ns> <METHOD>" to LOG for
// every request it forwards, stamped as the bytes are read (the probe stamps the Apply click on
// the same clock). Runs until it is sent SIGTERM.
#include <QCoreApplication>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <csignal>
#include <cstdio>
#include <ctime>

namespace {
qint64 nowNs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 3) {
        std::fprintf(stderr, "usage: bench_proxy TARGET_PORT LOG\n");
        return 2;
    }
    const quint16 target = quint16(app.arguments().at(1).toUInt());
    QFile log(app.arguments().at(2));
    if (!log.open(QIODevice::Append | QIODevice::Unbuffered))
        return 1;
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *client = server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            upstream->connectToHost(QHostAddress::LocalHost, target);
            QObject::connect(client, &QTcpSocket::readyRead, upstream, [&log, client, upstream] {
                const qint64 arrived = nowNs();
                const QByteArray bytes = client->readAll();
                // A request starts with its method; a body or the rest of a header does not.
                for (const char *method : {"GET ", "PATCH ", "POST ", "PUT ", "DELETE "}) {
                    if (bytes.startsWith(method))
                        log.write(QByteArray::number(arrived) + ' ' + QByteArray(method).trimmed() + '\n');
                }
                upstream->write(bytes);
            });
            QObject::connect(upstream, &QTcpSocket::readyRead, client,
                             [client, upstream] { client->write(upstream->readAll()); });
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        }
    });
    std::signal(SIGTERM, [](int) { std::_Exit(0); });
    std::printf("http://127.0.0.1:%u\n", server.serverPort());
    std::fflush(stdout);
    return app.exec();
}
