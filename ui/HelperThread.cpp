#include "HelperThread.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#include <system_error>
#else
#include <thread>
#endif

#ifdef __linux__
struct HelperThread::Handle
{
    std::function<void()> work;
    cpu_set_t creatorsCores;
    pthread_t thread;
    bool joined = false;

    static void *run(void *handle)
    {
        auto *h = static_cast<Handle *>(handle);
        // Placed where it could start at once; from now on it goes wherever its creator may.
        pthread_setaffinity_np(pthread_self(), sizeof h->creatorsCores, &h->creatorsCores);
        h->work();
        return nullptr;
    }
};

HelperThread::HelperThread(std::function<void()> work) : m_handle(new Handle{std::move(work), {}, {}, false})
{
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
    const int failed = pthread_create(&m_handle->thread, &attributes, Handle::run, m_handle.get());
    pthread_attr_destroy(&attributes);
    if (failed)
        throw std::system_error(failed, std::generic_category(), "pthread_create");
}

HelperThread::~HelperThread()
{
    join();
}

void HelperThread::join()
{
    if (!m_handle->joined)
        pthread_join(m_handle->thread, nullptr);
    m_handle->joined = true;
}
#else
struct HelperThread::Handle
{
    std::thread thread;
};

HelperThread::HelperThread(std::function<void()> work) : m_handle(new Handle{std::thread(std::move(work))}) {}

HelperThread::~HelperThread()
{
    join();
}

void HelperThread::join()
{
    if (m_handle->thread.joinable())
        m_handle->thread.join();
}
#endif
