// Work that must not block the UI (laying out and rasterising a handout, sending an
// e-mail), run on threads of its own; each result comes back on the UI thread through
// CallAfter. A job whose owner window is gone by then is dropped, never delivered to a
// dead window, and the destructor waits for the threads still running.
#pragma once

#include <wx/event.h>

#include <exception>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace sp::gui {

class BackgroundJobs {
public:
    explicit BackgroundJobs(wxEvtHandler& owner);
    ~BackgroundJobs();
    BackgroundJobs(const BackgroundJobs&) = delete;
    BackgroundJobs& operator=(const BackgroundJobs&) = delete;

    // Runs `work` on a new thread; `done` gets its result, or `failed` the exception it
    // threw, on the UI thread. Neither runs after the destructor has started.
    template <class R>
    void run(std::function<R()> work, std::function<void(R)> done, std::function<void(std::exception_ptr)> failed)
    {
        start([work = std::move(work), done = std::move(done), failed = std::move(failed)]() -> Delivery {
            try {
                auto result = std::make_shared<R>(work());
                return [done, result] { done(std::move(*result)); };
            } catch (...) {
                return [failed, error = std::current_exception()] { failed(error); };
            }
        });
    }

    // Threads started and not yet finished.
    int running() const;

private:
    using Delivery = std::function<void()>;
    void start(std::function<Delivery()> job);
    void reapFinished();

    struct Shared {
        std::mutex mutex;
        wxEvtHandler* owner = nullptr; // null once the owner is going
        int running = 0;
    };
    struct Thread {
        std::thread thread;
        std::shared_ptr<bool> finished;
    };
    std::shared_ptr<Shared> m_shared;
    std::list<Thread> m_threads;
};

} // namespace sp::gui
