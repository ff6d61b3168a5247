// The soak (`make soak`, on demand: not in CI, not in `make test`): the clinic-day mix of
// ClinicDay.h run by CLIENTS separate client processes, while this driver SIGKILLs a random
// client KILLS times (starting it again each time) and, on PostgreSQL, crashes the server
// CRASHES times (`pg_ctl stop -m immediate`, then start) at even intervals among the kills.
// Each client appends a line to its own acknowledgement file only after a write call
// returned; a write that threw (Unavailable, InDoubt, Busy...) is not acknowledged. At the
// end every client is killed, and passing means: every acknowledged write is in the
// database (looked up through the store's API) and the store's check() passes (the audit
// chain one intact chain). Prints the figures; exit status 0 only when it passed.
//
// Usage: bench_soak server PLUGINS_DIR [KILLS] [CRASHES] [CLIENTS]   (1000, 50, 32)
//        bench_soak file DB_FILE [KILLS] [CLIENTS]                   (1000, 8; on DB_FILE.soak, a fresh copy)
//        bench_soak client LOCATION INDEX CLIENTS RESTART ACK_FILE  (what the driver starts)
#include "BenchClock.h"
#include "ClinicDay.h"
#include "ClinicServer.h"

#include "db/OpenStore.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sp;
using namespace sp::bench;
namespace fs = std::filesystem;

namespace {

// A whole line in one write(2) on an O_APPEND file: a SIGKILL cannot cut it short. The
// trailing " ." marks a complete line all the same; the reader keeps only such lines.
void appendLine(int fd, const std::string& text)
{
    const std::string line = text + " .\n";
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        throw std::runtime_error(std::string("cannot write the acknowledgement file: ") + std::strerror(errno));
}

const char* kindName(db::DbErrorKind kind)
{
    switch (kind) {
    case db::DbErrorKind::Unavailable: return "unavailable";
    case db::DbErrorKind::InDoubt: return "in-doubt";
    case db::DbErrorKind::Busy: return "busy";
    case db::DbErrorKind::Conflict: return "conflict";
    default: return "other";
    }
}

// One client process: opens its own store (again and again while the server is down) and
// runs the mix until it is killed.
int client(const std::string& location, int index, int clients, int restart, const std::string& ackFile)
{
    const int fd = ::open(ackFile.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return 1;
    db::StoreOptions options;
    options.actor = "pt.clinician" + std::to_string(index);
    std::unique_ptr<db::ClinicStore> store;
    while (!store) {
        try {
            store = db::openClinicStore(location, options);
        } catch (const db::DbError& e) {
            appendLine(fd, std::string("# error open ") + kindName(e.kind()));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    Clinician clinician(*store, index, clients, "c" + std::to_string(index) + "r" + std::to_string(restart),
                        static_cast<unsigned>(index * 7919 + restart));
    for (;;) {
        const Op op = clinician.pick();
        try {
            clinician.run(op, [&](const Ack& a) { appendLine(fd, a.line()); });
        } catch (const db::DbError& e) {
            appendLine(fd, std::string("# error ") + kindName(e.kind()));
            std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the server may be restarting
        }
    }
}

struct Client {
    pid_t pid = -1;
    int restarts = 0;
};

class Driver {
public:
    Driver(std::string location, int clients, fs::path ackDir)
        : m_location(std::move(location)), m_clients(static_cast<std::size_t>(clients)), m_ackDir(std::move(ackDir))
    {
        fs::remove_all(m_ackDir);
        fs::create_directories(m_ackDir);
        for (std::size_t i = 0; i < m_clients.size(); ++i)
            start(i);
    }
    void killOne(std::mt19937& rng)
    {
        const std::size_t i = rng() % m_clients.size();
        stop(i);
        ++m_clients[i].restarts;
        start(i);
    }
    void stopAll()
    {
        for (std::size_t i = 0; i < m_clients.size(); ++i)
            stop(i);
    }
    std::vector<Ack> acks(std::map<std::string, std::size_t>& errors) const
    {
        std::vector<Ack> out;
        for (std::size_t i = 0; i < m_clients.size(); ++i) {
            std::ifstream in(ackFile(i));
            for (std::string line; std::getline(in, line);) {
                if (line.size() < 2 || line.compare(line.size() - 2, 2, " .") != 0)
                    continue; // cut short (never seen: one write per line)
                line.resize(line.size() - 2);
                if (line.rfind("# error ", 0) == 0)
                    ++errors[line.substr(8)];
                else if (auto a = Ack::parse(line))
                    out.push_back(*a);
            }
        }
        return out;
    }

private:
    std::string ackFile(std::size_t i) const { return (m_ackDir / ("client-" + std::to_string(i) + ".acks")).string(); }
    void start(std::size_t i)
    {
        const std::vector<std::string> args{"/proc/self/exe", "client", m_location, std::to_string(i),
                                            std::to_string(m_clients.size()), std::to_string(m_clients[i].restarts),
                                            ackFile(i)};
        const pid_t pid = ::fork();
        if (pid < 0)
            throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
        if (pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive the driver
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            std::vector<char*> argv;
            for (const std::string& a : args)
                argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv("/proc/self/exe", argv.data());
            ::_exit(127);
        }
        m_clients[i].pid = pid;
    }
    void stop(std::size_t i)
    {
        ::kill(m_clients[i].pid, SIGKILL);
        int status = 0;
        ::waitpid(m_clients[i].pid, &status, 0);
        if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
            throw std::runtime_error("client " + std::to_string(i) + " had ended by itself (status " +
                                     std::to_string(status) + ") before it was killed");
    }

    std::string m_location;
    std::vector<Client> m_clients;
    fs::path m_ackDir;
};

struct Soak {
    int kills = 0, crashes = 0;
    std::string engine;
};

// `crash` (may be empty) crashes the server and starts it again.
Soak soak(Driver& driver, int kills, int crashes, const std::function<void()>& crash)
{
    std::mt19937 rng(17);
    Soak s;
    const int every = crashes > 0 ? std::max(1, kills / crashes) : 0;
    for (int k = 1; k <= kills; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng() % 500));
        driver.killOne(rng);
        ++s.kills;
        if (every && k % every == 0 && s.crashes < crashes) {
            crash();
            ++s.crashes;
        }
        if (k % 100 == 0)
            std::fprintf(stderr, "bench_soak: %d kills, %d server crashes\n", s.kills, s.crashes);
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
    driver.stopAll();
    return s;
}

int verify(const Soak& s, const Driver& driver, const std::string& location, double seconds)
{
    std::map<std::string, std::size_t> errors;
    const std::vector<Ack> acks = driver.acks(errors);
    db::StoreOptions options;
    options.actor = "soak-check";
    auto store = db::openClinicStore(location, options);
    const Verification v = verifyAcks(*store, acks);
    const db::CheckReport check = store->check();
    std::string failed;
    for (const auto& [kind, count] : errors)
        failed += (failed.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
    std::printf("\n%s soak: %d client kills (SIGKILL), %d server crashes, %.0f s (%.1f min)\n"
                "acknowledged writes %zu, lost %zu%s\n"
                "writes and reads that failed, not acknowledged: %s\n"
                "audit chain: %s (head entry %lld); check %s\n",
                s.engine.c_str(), s.kills, s.crashes, seconds, seconds / 60, v.checked, v.missing,
                v.missing ? (" (first: " + v.firstMissing + ")").c_str() : "", failed.empty() ? "none" : failed.c_str(),
                check.auditChain.detail.c_str(), static_cast<long long>(check.auditHead.id),
                check.ok() ? "ok" : ("FAILED: " + check.integrity.detail + "; " + check.auditAnchor.detail).c_str());
    std::printf("{\"kills\": %d, \"crashes\": %d, \"seconds\": %.0f, \"acknowledged\": %zu, \"lost\": %zu, "
                "\"chain_ok\": %s}\n",
                s.kills, s.crashes, seconds, v.checked, v.missing, check.ok() ? "true" : "false");
    return v.missing == 0 && check.ok() && v.checked > 0 ? 0 : 1;
}

int onServer(const std::string& pluginsDir, int kills, int crashes, int clients)
{
    ClinicServer server(pluginsDir);
    std::fprintf(stderr, "bench_soak: server with the clinic's rows ready in %.0f s\n", server.loadSeconds());
    const auto start = Clock::now();
    Driver driver(server.appLocation(), clients, server.cluster().folder() / "acks"); // removed with the cluster
    const int port = server.cluster().port();
    Soak s = soak(driver, kills, crashes, [&] {
        server.cluster().stop(test::StopMode::Immediate);
        server.cluster().start();
        if (server.cluster().port() != port)
            throw std::runtime_error("the server came back on another port (its start on the old one failed):\n" +
                                     server.cluster().logTail(20));
    });
    s.engine = "PostgreSQL (" + std::to_string(clients) + " client processes)";
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return verify(s, driver, server.appLocation(), seconds);
}

int onFile(const std::string& file, int kills, int clients)
{
    const fs::path copy = file + ".soak";
    for (const char* suffix : {"", ".chain", "-wal", "-shm", ".lock"})
        fs::remove(copy.string() + suffix);
    fs::copy_file(file, copy);
    if (fs::exists(file + ".chain"))
        fs::copy_file(file + ".chain", copy.string() + ".chain");
    const auto start = Clock::now();
    Driver driver(copy.string(), clients, copy.string() + "-acks");
    Soak s = soak(driver, kills, 0, {});
    s.engine = "SQLite (" + std::to_string(clients) + " client processes on one file)";
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return verify(s, driver, copy.string(), seconds);
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 2 ? argv[1] : "";
    const auto arg = [&](int i, int fallback) { return argc > i ? std::stoi(argv[i]) : fallback; };
    try {
        if (mode == "client" && argc == 7)
            return client(argv[2], std::stoi(argv[3]), std::stoi(argv[4]), std::stoi(argv[5]), argv[6]);
        if (mode == "server")
            return onServer(argv[2], arg(3, 1000), arg(4, 50), arg(5, 32));
        if (mode == "file")
            return onFile(argv[2], arg(3, 1000), arg(4, 8));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_soak: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: bench_soak server PLUGINS_DIR [KILLS] [CRASHES] [CLIENTS]\n"
                         "       bench_soak file DB_FILE [KILLS] [CLIENTS]\n");
    return 2;
}
