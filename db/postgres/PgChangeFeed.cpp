#include "db/postgres/PgChangeFeed.h"

#include "db/postgres/PgSession.h"
#include "db/store/ChangeAnnouncement.h"

#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace sp::db::postgres {
namespace {

class PgChangeFeed final : public ChangeFeed {
public:
    explicit PgChangeFeed(std::string conninfo) : m_conninfo(std::move(conninfo)), m_thread([this] { listen(); }) {}

    ~PgChangeFeed() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

    std::vector<ChangeEvent> poll() noexcept override
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_events, {});
    }

private:
    class Receiver final : public pqxx::notification_receiver {
    public:
        Receiver(pqxx::connection_base& connection, PgChangeFeed& feed)
            : pqxx::notification_receiver(connection, kChangeChannel), m_feed(feed)
        {
        }
        void operator()(const std::string& payload, int) override
        {
            if (auto event = store::parseChangeAnnouncement(payload))
                m_feed.push(std::move(*event));
        }

    private:
        PgChangeFeed& m_feed;
    };

    void push(ChangeEvent event)
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
    }

    bool stopping()
    {
        std::lock_guard lock(m_mutex);
        return m_stop;
    }

    void listen() noexcept
    {
        std::unique_ptr<pqxx::connection> connection;
        std::unique_ptr<Receiver> receiver;
        while (!stopping()) {
            try {
                if (!connection) {
                    connection = std::make_unique<pqxx::connection>(m_conninfo);
                    receiver = std::make_unique<Receiver>(*connection, *this);
                    // Whatever was announced before this LISTEN is not coming: read it all again.
                    ChangeEvent resync;
                    resync.resync = true;
                    push(resync);
                }
                connection->await_notification(0, 250000);
            } catch (const std::exception&) {
                receiver.reset();
                connection.reset();
                std::unique_lock lock(m_mutex);
                m_wake.wait_for(lock, std::chrono::seconds(2), [this] { return m_stop; });
            }
        }
        receiver.reset();
    }

    const std::string m_conninfo;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::vector<ChangeEvent> m_events;
    std::thread m_thread; // last: starts once everything above exists
};

} // namespace

std::unique_ptr<ChangeFeed> makePgChangeFeed(std::string conninfo)
{
    return std::make_unique<PgChangeFeed>(std::move(conninfo));
}

} // namespace sp::db::postgres
