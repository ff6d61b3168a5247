// The clinic-day load: CLIENTS clinicians (32) each with its own connection, its own
// ClinicStore, on its own thread, run the mix of ClinicDay.h for SECONDS (60) against a
// throw-away PostgreSQL server holding the generated clinic (ClinicServer.h); or the same
// mix from one thread on one SQLite store (a copy of the generated file), the clinicians
// taking turns. Then every acknowledged write is looked up and the store's check() run.
// Prints a Markdown table and, last, one JSON line.
//
// Usage: bench_clinic_day server PLUGINS_DIR [SECONDS] [CLIENTS]
//        bench_clinic_day file DB_FILE [SECONDS] [CLINICIANS]   (runs on DB_FILE.day, a fresh copy)
//        bench_clinic_day at LOCATION [SECONDS] [CLIENTS]       (a server holding the generated clinic,
//                                                                e.g. the one `bench_db serve` keeps)
#include "BenchClock.h"
#include "ClinicDay.h"
#include "ClinicServer.h"

#include "db/OpenStore.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace sp;
using namespace sp::bench;
namespace fs = std::filesystem;

namespace {

struct Tally {
    std::array<std::vector<double>, kOps.size()> ms;
    std::array<std::size_t, kOps.size()> errors{};
    std::string firstError;
    std::vector<Ack> acks;

    void add(const Tally& other)
    {
        for (std::size_t i = 0; i < kOps.size(); ++i) {
            ms[i].insert(ms[i].end(), other.ms[i].begin(), other.ms[i].end());
            errors[i] += other.errors[i];
        }
        if (firstError.empty())
            firstError = other.firstError;
        acks.insert(acks.end(), other.acks.begin(), other.acks.end());
    }
};

void oneOp(Clinician& clinician, Tally& tally)
{
    const Op op = clinician.pick();
    const auto i = static_cast<std::size_t>(op);
    const auto start = Clock::now();
    try {
        clinician.run(op, [&](const Ack& a) { tally.acks.push_back(a); });
        tally.ms[i].push_back(ms(Clock::now() - start));
    } catch (const std::exception& e) {
        if (tally.errors[i]++ == 0 && tally.firstError.empty())
            tally.firstError = std::string(opName(op)) + ": " + e.what();
    }
}

db::StoreOptions clinicianOptions(int index)
{
    db::StoreOptions options;
    options.actor = "pt.clinician" + std::to_string(index);
    return options;
}

struct Run {
    Tally tally;
    double seconds = 0;
    std::string engine, clients;
};

Run runOnServer(const std::string& location, int seconds, int clients)
{
    std::vector<std::unique_ptr<db::ClinicStore>> stores;
    for (int c = 0; c < clients; ++c)
        stores.push_back(db::openClinicStore(location, clinicianOptions(c)));
    std::vector<Tally> tallies(static_cast<std::size_t>(clients));
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    const auto until = [&] { return Clock::now() + std::chrono::seconds(seconds); };
    Clock::time_point end;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            Clinician clinician(*stores[c], c, clients, "c" + std::to_string(c), 1000u + static_cast<unsigned>(c));
            while (!go.load())
                std::this_thread::yield();
            while (Clock::now() < end)
                oneOp(clinician, tallies[static_cast<std::size_t>(c)]);
        });
    end = until();
    const auto start = Clock::now();
    go = true;
    for (std::thread& t : threads)
        t.join();
    Run run;
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (const Tally& t : tallies)
        run.tally.add(t);
    run.engine = "PostgreSQL 15, loopback TCP";
    run.clients = std::to_string(clients) + " clients, each its own connection and thread";
    return run;
}

Run runOnFile(const std::string& location, int seconds, int clinicians)
{
    auto store = db::openClinicStore(location, clinicianOptions(0));
    std::vector<Clinician> day;
    for (int c = 0; c < clinicians; ++c)
        day.emplace_back(*store, c, clinicians, "c" + std::to_string(c), 1000u + static_cast<unsigned>(c));
    Run run;
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    while (Clock::now() < end)
        for (Clinician& clinician : day)
            oneOp(clinician, run.tally);
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    run.engine = "SQLite, one file";
    run.clients = std::to_string(clinicians) + " clinicians' mix taking turns on one store, one thread";
    return run;
}

int report(const Run& run, const std::string& location)
{
    const Tally& t = run.tally;
    std::vector<double> all;
    std::size_t ops = 0, errors = 0;
    std::printf("\n%s: %s, %.0f s\n\n| operation | ops | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n",
                run.engine.c_str(), run.clients.c_str(), run.seconds);
    for (std::size_t i = 0; i < kOps.size(); ++i) {
        const auto& v = t.ms[i];
        all.insert(all.end(), v.begin(), v.end());
        ops += v.size();
        errors += t.errors[i];
        std::printf("| %s | %zu | %.2f | %.2f | %zu |\n", opName(kOps[i]), v.size(),
                    v.empty() ? 0.0 : percentile(v, 0.5), v.empty() ? 0.0 : percentile(v, 0.99), t.errors[i]);
    }
    const double p50 = all.empty() ? 0 : percentile(all, 0.5), p99 = all.empty() ? 0 : percentile(all, 0.99);
    const double rate = static_cast<double>(ops) / run.seconds;
    std::printf("| all | %zu (%.0f ops/s) | %.2f | %.2f | %zu |\n", ops, rate, p50, p99, errors);
    if (!t.firstError.empty())
        std::printf("\nfirst error: %s\n", t.firstError.c_str());

    auto store = db::openClinicStore(location, clinicianOptions(0));
    const Verification v = verifyAcks(*store, t.acks);
    const db::CheckReport check = store->check();
    std::printf("\nacknowledged writes %zu, missing %zu%s; audit chain %s (head entry %lld); check %s\n", v.checked,
                v.missing, v.missing ? (" (first: " + v.firstMissing + ")").c_str() : "",
                check.auditChain.detail.c_str(), static_cast<long long>(check.auditHead.id),
                check.ok() ? "ok" : "FAILED");
    std::printf("{\"ops_per_s\": %.1f, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"errors\": %zu, \"acknowledged\": %zu, "
                "\"missing\": %zu, \"check_ok\": %s}\n",
                rate, p50, p99, errors, v.checked, v.missing, check.ok() ? "true" : "false");
    return errors == 0 && v.missing == 0 && check.ok() ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 2 ? argv[1] : "";
    const int seconds = argc > 3 ? std::stoi(argv[3]) : 60;
    const int clients = argc > 4 ? std::stoi(argv[4]) : 32;
    try {
        if (mode == "server") {
            ClinicServer server(argv[2]);
            std::fprintf(stderr, "bench_clinic_day: server with the clinic's rows ready in %.0f s\n",
                         server.loadSeconds());
            return report(runOnServer(server.appLocation(), seconds, clients), server.appLocation());
        }
        if (mode == "at")
            return report(runOnServer(argv[2], seconds, clients), argv[2]);
        if (mode == "file") {
            const fs::path copy = std::string(argv[2]) + ".day";
            for (const char* suffix : {"", ".chain", "-wal", "-shm", ".lock"})
                fs::remove(copy.string() + suffix);
            fs::copy_file(argv[2], copy);
            if (fs::exists(std::string(argv[2]) + ".chain"))
                fs::copy_file(std::string(argv[2]) + ".chain", copy.string() + ".chain");
            return report(runOnFile(copy.string(), seconds, clients), copy.string());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_clinic_day: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: bench_clinic_day server PLUGINS_DIR [SECONDS] [CLIENTS]\n"
                         "       bench_clinic_day file DB_FILE [SECONDS] [CLINICIANS]\n"
                         "       bench_clinic_day at LOCATION [SECONDS] [CLIENTS]\n");
    return 2;
}
