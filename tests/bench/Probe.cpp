// A probe that bench_spawn --probe loads with LD_PRELOAD into the unmodified app, or into the
// bare window, to measure from outside what a user waits for. It knows the window only by what
// any Qt program shows: object names, a signal named settled(), button texts.
//
// Written to BENCH_PROBE_OUT (one "name value..." line each):
//   frame_ms MS        exec (BENCH_SPAWN_NS, stamped by bench_spawn just before it spawned the
//                      program) to the first frame of the window painted once it is ready: after
//                      its settled() signal (the app: the first server's values are in), or at
//                      once for a window without one (the bare window)
//   size WxH           the window's size then
//   click_ns NS        when Apply was clicked (CLOCK_MONOTONIC, as bench_proxy stamps requests)
//   gap PHASE MS AT CPU  the longest time between two turns of the GUI event loop in PHASE, how
//                      far into the phase it ended, and the GUI thread's processor time in it; before_loop MS
//                      is the time from QApplication's construction to the first turn (the window is built
//                      then, not yet shown)
//   error TEXT         a step could not be done; the program exits with status 1
// BENCH_PROBE_STEPS lists what it does, in order (space-separated):
//   phase:NAME               the event loop's gaps from here on count for NAME (turns on the gap timer)
//   pause-keyring:MS         stops the keychain daemon (BENCH_KEYRING_PID) for MS ms
//   settle                   waits for the window's first frame once it is ready
//   apply:MS                 flips paymentNotifications, clicks Apply 50 ms later, waits MS
//   switch:NAME:MS           picks server NAME in the server banner, waits MS
//   signin:EMAIL:KEYMS:MS    signs in through the dialog with the code the server returns; the
//                            keychain is paused KEYMS ms from the click on "Sign in" (it writes the
//                            tokens when the server has answered); waits MS after the dialog closed
//   quit                     writes the gaps and quits the event loop
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <thread>
#include <vector>

namespace {
qint64 nowNs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Processor time the calling thread has used.
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

class Probe : public QObject
{
    Q_OBJECT
public:
    Probe()
    {
        m_spawned = qEnvironmentVariable("BENCH_SPAWN_NS").toLongLong();
        m_keyring = qEnvironmentVariableIntValue("BENCH_KEYRING_PID");
        m_steps = qEnvironmentVariable("BENCH_PROBE_STEPS").split(QLatin1Char(' '), Qt::SkipEmptyParts);
        qApp->installEventFilter(this);
        m_gapTimer.setTimerType(Qt::PreciseTimer);
        m_gapTimer.setInterval(1);
        connect(&m_gapTimer, &QTimer::timeout, this, &Probe::turned);
        m_poll.setInterval(5);
        connect(&m_poll, &QTimer::timeout, this, &Probe::advance);
        m_started = nowNs();
        advance();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && !m_window && watched->isWidgetType()) {
            auto *widget = static_cast<QWidget *>(watched);
            if (widget->isWindow() && !widget->parentWidget()) {
                m_window = widget;
                if (widget->metaObject()->indexOfSignal("settled()") >= 0)
                    connect(widget, SIGNAL(settled()), this, SLOT(markReady()));
                else
                    m_ready = true;
            }
        } else if (event->type() == QEvent::Paint && m_ready && !m_framePending && m_window &&
                   watched->isWidgetType() && static_cast<QWidget *>(watched)->window() == m_window) {
            // The frame is done (painted and flushed) when the event that paints it has returned.
            m_framePending = true;
            QMetaObject::invokeMethod(this, &Probe::framePainted, Qt::QueuedConnection);
        }
        return false;
    }

private Q_SLOTS:
    void markReady() { m_ready = true; }

private:
    void framePainted()
    {
        m_frame = nowNs();
        if (m_spawned > 0)
            write(QStringLiteral("frame_ms %1").arg(ms(m_frame - m_spawned), 0, 'f', 3));
        write(QStringLiteral("size %1x%2").arg(m_window->width()).arg(m_window->height()));
    }

    void turned()
    {
        const qint64 now = nowNs();
        const qint64 cpu = threadCpuNs();
        if (m_lastTurn == 0) {
            write(QStringLiteral("before_loop %1").arg(ms(now - m_started), 0, 'f', 3));
        } else {
            Gap &gap = m_gaps[m_phase];
            if (now - m_lastTurn > gap.longest) {
                gap.longest = now - m_lastTurn;
                gap.at = now - m_phaseStart;
                gap.cpu = cpu - m_lastTurnCpu;
            }
        }
        m_lastTurn = now;
        m_lastTurnCpu = cpu;
    }

    void write(const QString &line)
    {
        const QByteArray path = qgetenv("BENCH_PROBE_OUT");
        std::FILE *out = path.isEmpty() ? stderr : std::fopen(path.constData(), "a");
        if (!out)
            return;
        std::fprintf(out, "%s\n", qPrintable(line));
        if (out != stderr)
            std::fclose(out);
    }

    void fail(const QString &why)
    {
        write(QStringLiteral("error ") + why);
        resumeKeyring();
        std::fflush(nullptr);
        std::_Exit(1);
    }

    template <typename T> T *find(const QString &name)
    {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *found = qobject_cast<T *>(top); found && top->objectName() == name)
                return found;
            if (auto *found = top->findChild<T *>(name))
                return found;
        }
        fail(QStringLiteral("no widget named %1").arg(name));
        return nullptr;
    }

    QAbstractButton *buttonWithText(QWidget *in, const QString &text)
    {
        for (auto *button : in->findChildren<QAbstractButton *>()) {
            if (button->text() == text)
                return button;
        }
        fail(QStringLiteral("no button \"%1\"").arg(text));
        return nullptr;
    }

    void pauseKeyring(int milliseconds)
    {
        if (m_keyring <= 0)
            fail(QStringLiteral("pause-keyring needs BENCH_KEYRING_PID"));
        ::kill(m_keyring, SIGSTOP);
        // Resumed from a thread of its own: the GUI thread may be the one waiting for it.
        m_resumers.emplace_back([pid = m_keyring, milliseconds] {
            std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
            ::kill(pid, SIGCONT);
        });
    }

    void resumeKeyring()
    {
        if (m_keyring > 0)
            ::kill(m_keyring, SIGCONT);
        for (std::thread &resumer : m_resumers)
            resumer.detach(); // each only sends a SIGCONT, which the daemon has had now
        m_resumers.clear();
    }

    // Runs the steps in order; a step that waits returns false and is asked again on the next poll.
    void advance()
    {
        while (m_next < m_steps.size()) {
            if (!m_stepStart)
                m_stepStart = nowNs();
            if (nowNs() - m_stepStart > 30000000000LL)
                fail(QStringLiteral("step %1 did not finish in 30 s").arg(m_steps.at(m_next)));
            if (!step(m_steps.at(m_next).split(QLatin1Char(':'))))
                break;
            ++m_next;
            m_stepStart = 0;
            m_stage = 0;
        }
        if (m_next < m_steps.size() && !m_poll.isActive())
            m_poll.start();
        else if (m_next >= m_steps.size())
            m_poll.stop();
    }

    bool waited(int milliseconds) const { return nowNs() - m_stageStart >= qint64(milliseconds) * 1000000; }

    void nextStage()
    {
        ++m_stage;
        m_stageStart = nowNs();
    }

    bool step(const QStringList &words)
    {
        const QString &name = words.first();
        const auto number = [&words](int i) { return words.value(i).toInt(); };
        if (name == QLatin1String("phase")) {
            m_phase = words.value(1);
            m_phaseStart = nowNs();
            if (!m_gapTimer.isActive())
                m_gapTimer.start();
            return true;
        }
        if (name == QLatin1String("pause-keyring")) {
            pauseKeyring(number(1));
            return true;
        }
        if (name == QLatin1String("settle"))
            return m_frame != 0;
        if (name == QLatin1String("apply")) {
            if (m_stage == 0) {
                find<QAbstractButton>(QStringLiteral("editor_paymentNotifications"))->click();
                nextStage();
            } else if (m_stage == 1 && waited(50)) {
                // A person clicks Apply well after the edit's frame is on the screen, not in
                // the same turn of the event loop: the edit's own layout and paint are done.
                QAbstractButton *apply = find<QAbstractButton>(QStringLiteral("apply"));
                if (!apply->isEnabled())
                    fail(QStringLiteral("Apply is not enabled after an edit"));
                write(QStringLiteral("click_ns %1").arg(nowNs()));
                apply->click(); // what a mouse release on the button does
                nextStage();
            }
            return m_stage == 2 && waited(number(1));
        }
        if (name == QLatin1String("switch")) {
            if (m_stage == 0) {
                auto *servers = find<QComboBox>(QStringLiteral("serverSwitch"));
                const int index = servers->findData(words.value(1));
                if (index < 0)
                    fail(QStringLiteral("no server %1 in the banner").arg(words.value(1)));
                // What picking it from the list does: the current item changes, then activated().
                servers->setCurrentIndex(index);
                QMetaObject::invokeMethod(servers, "activated", Q_ARG(int, index));
                nextStage();
            }
            return waited(number(2));
        }
        if (name == QLatin1String("signin"))
            return signIn(words.value(1), number(2), number(3));
        if (name == QLatin1String("quit")) {
            // This step runs in a turn of the loop too: a phase that ends before the gap timer
            // fired twice (a bare window is quick) still has its gap up to here.
            if (m_gapTimer.isActive() && m_lastTurn != 0)
                turned();
            for (const auto &[phase, gap] : m_gaps)
                write(QStringLiteral("gap %1 %2 %3 %4")
                          .arg(phase)
                          .arg(ms(gap.longest), 0, 'f', 3)
                          .arg(ms(gap.at), 0, 'f', 0)
                          .arg(ms(gap.cpu), 0, 'f', 3));
            resumeKeyring();
            QCoreApplication::quit();
            return true;
        }
        fail(QStringLiteral("unknown step %1").arg(words.join(QLatin1Char(':'))));
        return true;
    }

    bool signIn(const QString &email, int keyringMs, int afterMs)
    {
        switch (m_stage) {
        case 0:
            // The dialog runs its own event loop: the click is queued so that this step goes on.
            QMetaObject::invokeMethod(find<QAbstractButton>(QStringLiteral("signIn")), "click",
                                      Qt::QueuedConnection);
            nextStage();
            return false;
        case 1: {
            QWidget *dialog = QApplication::activeModalWidget();
            if (!dialog || dialog->objectName() != QLatin1String("signInDialog"))
                return false;
            m_dialog = dialog;
            find<QLineEdit>(QStringLiteral("email"))->setText(email);
            buttonWithText(dialog, QStringLiteral("Send code"))->click();
            nextStage();
            return false;
        }
        case 2: {
            QLineEdit *code = find<QLineEdit>(QStringLiteral("code"));
            if (!code->isEnabled() || code->text().isEmpty())
                return false;
            if (keyringMs > 0)
                pauseKeyring(keyringMs);
            buttonWithText(m_dialog, QStringLiteral("Sign in"))->click();
            nextStage();
            return false;
        }
        case 3:
            if (m_dialog && m_dialog->isVisible())
                return false;
            nextStage();
            return false;
        default:
            return waited(afterMs);
        }
    }

    struct Gap
    {
        qint64 longest = 0;
        qint64 at = 0;
        qint64 cpu = 0; // of it, the GUI thread's processor time: the rest it waited for a core
    };

    qint64 m_spawned = 0;
    qint64 m_started = 0;
    pid_t m_keyring = 0;
    QStringList m_steps;
    qsizetype m_next = 0;
    qint64 m_stepStart = 0;
    int m_stage = 0;
    qint64 m_stageStart = 0;
    QTimer m_poll;

    QPointer<QWidget> m_window;
    QPointer<QWidget> m_dialog;
    bool m_ready = false;
    bool m_framePending = false;
    qint64 m_frame = 0;

    QTimer m_gapTimer;
    QString m_phase;
    qint64 m_phaseStart = 0;
    qint64 m_lastTurn = 0;
    qint64 m_lastTurnCpu = 0;
    std::map<QString, Gap> m_gaps;
    std::vector<std::thread> m_resumers;
};

void startProbe()
{
    // Only in a widgets program, and only once the application object is whole.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return;
    new Probe; // lives as long as the process; QCoreApplication's end does not need it
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(startProbe)

#include "Probe.moc"
