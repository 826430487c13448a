#include "HelperThread.h"

#include <condition_variable>
#include <mutex>

#if defined(__linux__) && defined(__GLIBC__)
#include <pthread.h>
#include <sched.h>
#include <system_error>
#else
#include <thread>
#endif

struct HelperThread::Handle
{
    std::function<void()> work;
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false; // under mutex
#if defined(__linux__) && defined(__GLIBC__)
    cpu_set_t creatorsCores{};
    pthread_t thread{};

    bool started = false; // under mutex: it has released itself

    static void *run(void *handle)
    {
        auto *h = static_cast<Handle *>(handle);
        h->release(pthread_self()); // started where it could start at once
        {
            const std::lock_guard lock(h->mutex);
            h->started = true;
        }
        h->runWork();
        return nullptr;
    }
    // From now on the thread goes wherever its creator may.
    void release(pthread_t of)
    {
        pthread_setaffinity_np(of, sizeof creatorsCores, &creatorsCores);
    }
    // Before the creator waits: a thread that has not started yet, on a core another program keeps
    // busy, may then start on the creator's, which the wait leaves free. Under the mutex the
    // thread cannot have ended (its id is still its own).
    void releaseUnstarted()
    {
        const std::lock_guard lock(mutex);
        if (!started)
            release(thread);
    }
#else
    std::thread thread;
#endif

    // Says so as soon as the work is done: the thread's own ending (its stack given back, the
    // kernel's exit) takes a further 0.1-0.4 ms that wait() need not.
    void runWork()
    {
        work();
        {
            const std::lock_guard lock(mutex);
            done = true;
        }
        finished.notify_all();
    }
};

HelperThread::HelperThread(std::function<void()> work) : m_handle(std::make_unique<Handle>())
{
    m_handle->work = std::move(work);
#if defined(__linux__) && defined(__GLIBC__)
    cpu_set_t others;
    CPU_ZERO(&others);
    const int here = sched_getcpu();
    if (sched_getaffinity(0, sizeof m_handle->creatorsCores, &m_handle->creatorsCores) == 0) {
        others = m_handle->creatorsCores;
        if (here >= 0 && CPU_COUNT(&others) > 1)
            CPU_CLR(here, &others);
    }
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    if (CPU_COUNT(&others) > 0)
        pthread_attr_setaffinity_np(&attributes, sizeof others, &others);
    int failed = pthread_create(&m_handle->thread, &attributes, Handle::run, m_handle.get());
    pthread_attr_destroy(&attributes);
    if (failed && CPU_COUNT(&others) > 0) // placement refused (a filter, cores gone): start it anywhere
        failed = pthread_create(&m_handle->thread, nullptr, Handle::run, m_handle.get());
    if (failed)
        throw std::system_error(failed, std::generic_category(), "pthread_create");
#else
    m_handle->thread = std::thread([handle = m_handle.get()] { handle->runWork(); });
#endif
}

HelperThread::~HelperThread()
{
#if defined(__linux__) && defined(__GLIBC__)
    m_handle->releaseUnstarted();
    pthread_join(m_handle->thread, nullptr);
#else
    m_handle->thread.join();
#endif
}

void HelperThread::wait()
{
#if defined(__linux__) && defined(__GLIBC__)
    m_handle->releaseUnstarted();
#endif
    std::unique_lock lock(m_handle->mutex);
    m_handle->finished.wait(lock, [this] { return m_handle->done; });
}
