#include "gui/BackgroundJobs.h"

namespace sp::gui {

BackgroundJobs::BackgroundJobs(wxEvtHandler& owner) : m_shared(std::make_shared<Shared>())
{
    m_shared->owner = &owner;
}

BackgroundJobs::~BackgroundJobs()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->owner = nullptr;
    }
    for (Thread& t : m_threads)
        t.thread.join();
}

int BackgroundJobs::running() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->running;
}

void BackgroundJobs::start(std::function<Delivery()> job)
{
    reapFinished();
    auto finished = std::make_shared<bool>(false);
    {
        const std::lock_guard lock(m_shared->mutex);
        ++m_shared->running;
    }
    std::thread thread([shared = m_shared, job = std::move(job), finished] {
        Delivery deliver = job();
        const std::lock_guard lock(shared->mutex);
        --shared->running;
        *finished = true;
        // Queued under the lock: the owner cannot be destroyed in between, and its
        // destruction discards what is still queued.
        if (shared->owner)
            shared->owner->CallAfter(std::move(deliver));
    });
    m_threads.push_back({std::move(thread), std::move(finished)});
}

void BackgroundJobs::reapFinished()
{
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        bool done = false;
        {
            const std::lock_guard lock(m_shared->mutex);
            done = *it->finished;
        }
        if (done) {
            it->thread.join();
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace sp::gui
