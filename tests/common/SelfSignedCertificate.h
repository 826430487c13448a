#pragma once

#include <QString>

// Makes, with openssl, a self-signed certificate for 127.0.0.1 and localhost that is also its own
// CA: cert.pem and key.pem in `dir`. False (openssl's output in the log) when openssl failed.
bool makeSelfSignedCertificate(const QString &dir);
