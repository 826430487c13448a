// Adler32 must give zlib's checksum for every length and every place it continues from: a wrong
// one makes every PNG reader refuse the screenshot.
#include "Adler32.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QTest>
#include <zlib.h>

class Adler32Test : public QObject
{
    Q_OBJECT
private slots:
    void sameAsZlibs_data()
    {
        QTest::addColumn<int>("size");
        for (int size :
             {0, 1, 15, 16, 31, 32, 33, 63, 64, 100, 1801, 5535, 5536, 5552, 5553, 11104, 65536, 1000003})
            QTest::addRow("%d bytes", size) << size;
    }
    void sameAsZlibs()
    {
        QFETCH(int, size);
        QRandomGenerator random(quint32(size) + 1);
        QByteArray noise(size, Qt::Uninitialized);
        for (char &byte : noise)
            byte = char(random.bounded(256));
        const QByteArray ones(size, char(0xff)); // the largest sums
        for (const QByteArray &bytes : {noise, ones}) {
            const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
            for (const quint32 start :
                 {1u, 0xfff0fff0u, quint32(random.bounded(65521)) << 16 | random.bounded(65521)}) {
                const auto expected = quint32(adler32_z(start, data, z_size_t(size)));
                QCOMPARE(Adler32::of(data, size, start), expected);
            }
        }
    }
};

QTEST_GUILESS_MAIN(Adler32Test)
#include "tst_adler32.moc"
