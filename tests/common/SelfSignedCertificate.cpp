#include "SelfSignedCertificate.h"

#include <QDebug>
#include <QProcess>

bool makeSelfSignedCertificate(const QString &dir)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir);
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  QStringLiteral("req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                                 "-keyout key.pem -out cert.pem -days 2 -subj /CN=localhost "
                                 "-addext subjectAltName=IP:127.0.0.1,DNS:localhost "
                                 "-addext basicConstraints=critical,CA:TRUE "
                                 "-addext keyUsage=critical,digitalSignature,keyCertSign "
                                 "-addext extendedKeyUsage=serverAuth")
                      .split(QLatin1Char(' ')));
    const bool ok = openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit &&
                    openssl.exitCode() == 0;
    if (!ok)
        qWarning().noquote() << "openssl failed:" << openssl.readAll();
    return ok;
}
