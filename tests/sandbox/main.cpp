// allmine-sandbox: a local stand-in for the Allmine API (see tests/sandbox/README.md).
#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

#include "SandboxServer.h"
#include "UnixSignalWatcher.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("allmine-sandbox"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Local stand-in for the Allmine API. Prints its base URL on stdout, logs requests on stderr."));
    parser.addHelpOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Loopback address to bind."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port; 0 = any free port."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption style(QStringLiteral("style"),
                                   QStringLiteral("Success bodies: documented, wrapped or bare."),
                                   QStringLiteral("style"), QStringLiteral("documented"));
    const QCommandLineOption tokenTtl(QStringLiteral("token-ttl"), QStringLiteral("Access token lifetime."),
                                      QStringLiteral("seconds"), QStringLiteral("3600"));
    const QCommandLineOption refreshTtl(QStringLiteral("refresh-ttl"),
                                        QStringLiteral("Refresh token lifetime."), QStringLiteral("seconds"),
                                        QStringLiteral("2592000"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (https)."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key (https)."),
                                    QStringLiteral("file"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No request log on stderr."));
    parser.addOptions({host, port, style, tokenTtl, refreshTtl, tlsCert, tlsKey, quiet});
    parser.process(app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "allmine-sandbox: %s\n", qPrintable(message));
        return 2;
    };

    SandboxServer::Options options;
    options.host = parser.value(host);
    bool okPort = false;
    const uint p = parser.value(port).toUInt(&okPort);
    if (!okPort || p > 65535)
        return fail(QStringLiteral("invalid --port"));
    options.port = quint16(p);
    const auto s = AllmineApi::styleFromString(parser.value(style));
    if (!s)
        return fail(QStringLiteral("--style must be documented, wrapped or bare"));
    options.api.style = *s;
    bool okTtl = false, okRefresh = false;
    options.api.tokenTtl = parser.value(tokenTtl).toLongLong(&okTtl);
    options.api.refreshTtl = parser.value(refreshTtl).toLongLong(&okRefresh);
    if (!okTtl || !okRefresh || options.api.refreshTtl <= 0)
        return fail(QStringLiteral("invalid --token-ttl or --refresh-ttl"));
    options.tlsCert = parser.value(tlsCert);
    options.tlsKey = parser.value(tlsKey);
    options.quiet = parser.isSet(quiet);

    SandboxServer server(options);
    QString error;
    if (!server.start(&error))
        return fail(error);

    UnixSignalWatcher watcher;
    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &app,
                     [](int) { QCoreApplication::quit(); });

    // Exactly one line on stdout: the base URL.
    std::fprintf(stdout, "%s\n", server.baseUrl().toString().toUtf8().constData());
    std::fflush(stdout);
    if (!options.quiet)
        std::fprintf(stderr, "allmine-sandbox: listening on %s (style %s)\n",
                     qPrintable(server.baseUrl().toString()), qPrintable(parser.value(style)));
    return app.exec();
}
