#include <QtTest>
class TestSandbox : public QObject
{
    Q_OBJECT
private slots:
    void nothing() {}
};
QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
