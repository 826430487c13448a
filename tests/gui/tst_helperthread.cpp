// HelperThread runs its work once, and wait() and its destructor return only when the work is done
// (the window measures its first text only once the font configuration is read). Where it starts the
// thread on another core, the thread must not stay tied to that core: work that outlives the
// start would otherwise never use the creator's own core again.
#include "HelperThread.h"

#include <QTest>
#include <QThread>
#include <atomic>

#ifdef __linux__
#include <sched.h>
#endif

class HelperThreadTest : public QObject
{
    Q_OBJECT
private slots:
    void runsTheWorkOnceAndWaitsForIt()
    {
        std::atomic<int> runs{0};
        bool otherThread = false;
        const Qt::HANDLE creator = QThread::currentThreadId();
        {
            const HelperThread helper([&] {
                otherThread = QThread::currentThreadId() != creator;
                QThread::msleep(100); // still running when the destructor is reached
                ++runs;
            });
        }
        QCOMPARE(runs.load(), 1);
        QVERIFY(otherThread);
    }

    void waitWaitsForTheWork()
    {
        std::atomic<int> runs{0};
        HelperThread helper([&] {
            QThread::msleep(100);
            ++runs;
        });
        helper.wait();
        QCOMPARE(runs.load(), 1);
        helper.wait(); // a second wait returns at once, and the destructor once the thread ends
    }

    void mayRunOnEveryCoreItsCreatorMay()
    {
#ifdef __linux__
        cpu_set_t creators;
        QCOMPARE(sched_getaffinity(0, sizeof creators, &creators), 0);
        if (CPU_COUNT(&creators) < 2)
            QSKIP("one core: the thread starts where its creator runs");
        cpu_set_t helpers;
        CPU_ZERO(&helpers);
        {
            const HelperThread helper([&] { sched_getaffinity(0, sizeof helpers, &helpers); });
        }
        QVERIFY(CPU_EQUAL(&helpers, &creators));
#else
        QSKIP("threads are placed by the system here");
#endif
    }
};

QTEST_GUILESS_MAIN(HelperThreadTest)
#include "tst_helperthread.moc"
