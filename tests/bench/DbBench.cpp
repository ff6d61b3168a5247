// Clinic database benchmark on a large database: patient search and follow-ups due
// (p50/p99), and note inserts (each commit on disk), everything measured through the
// store's API (ClinicStore), on the SQLite file or on a PostgreSQL server holding the same
// rows. Prints one JSON object per run; tests/bench/perf.py takes medians.
//
// Usage: bench_db make DB_FILE PLUGINS_DIR       make the database once (see ClinicData.h)
//        bench_db query DB_FILE                  measure the file
//        bench_db query-server PLUGINS_DIR [RUNS] start a throw-away server with the same rows
//                                                (ClinicServer.h) and measure it RUNS times
//        bench_db serve PLUGINS_DIR              start that server and keep it until Enter is
//                                                pressed (for EXPLAIN ANALYZE in psql)
#include "BenchClock.h"
#include "ClinicData.h"
#include "ClinicServer.h"
#include "Workload.h"

#include "db/OpenStore.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace sp;
using namespace sp::db;
using namespace sp::bench;

namespace {

void measure(ClinicStore& store)
{
    const std::vector<std::string> queries = patientQueries(1000);
    // Warm the caches as an open app has them: the first pass is not counted.
    for (std::size_t i = 0; i < 50; ++i)
        store.patients().search({queries[i]});
    std::vector<double> search, searchCpu;
    std::size_t found = 0;
    for (const std::string& q : queries) {
        const double cpuStart = threadCpuMs();
        const auto start = Clock::now();
        found += store.patients().search({q}).size();
        search.push_back(ms(Clock::now() - start));
        searchCpu.push_back(threadCpuMs() - cpuStart);
    }

    // SP_BENCH_SLOWEST=N: the N slowest searches on stderr, for EXPLAIN ANALYZE.
    if (const char* slowest = std::getenv("SP_BENCH_SLOWEST")) {
        std::vector<std::size_t> order(queries.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return search[a] > search[b]; });
        for (std::size_t i = 0; i < order.size() && i < std::stoul(slowest); ++i)
            std::fprintf(stderr, "%8.2f ms  %s\n", search[order[i]], queries[order[i]].c_str());
    }

    // Today, next week, next month: the lists a clinic opens every morning.
    const std::vector<Date> untils{kToday, kToday.plusDays(7), kToday.plusDays(30)};
    std::vector<double> due, dueCpu;
    std::size_t dueRows = 0;
    store.notes().due(untils[0]);
    for (int round = 0; round < 20; ++round)
        for (const Date& until : untils) {
            const double cpuStart = threadCpuMs();
            const auto start = Clock::now();
            dueRows += store.notes().due(until).size();
            due.push_back(ms(Clock::now() - start));
            dueCpu.push_back(threadCpuMs() - cpuStart);
        }

    // Each add() is its own transaction with its audit entry, on disk when it returns
    // (SQLite: synchronous=FULL; the server: fsync and synchronous_commit on).
    constexpr int kInserts = 200;
    std::mt19937 rng(9);
    const auto start = Clock::now();
    for (int i = 0; i < kInserts; ++i)
        store.notes().add(benchNote(1 + static_cast<std::int64_t>(rng() % kPatients), i));
    const double insertMs = ms(Clock::now() - start);

    std::printf("{\"patient_search_p50_ms\": %.3f, \"patient_search_p99_ms\": %.3f, \"patient_search_cpu_p99_ms\": %.3f, "
                "\"patient_mean_hits\": %.1f, \"due_p50_ms\": %.3f, \"due_p99_ms\": %.3f, \"due_cpu_p99_ms\": %.3f, "
                "\"due_mean_rows\": %.0f, "
                "\"note_inserts_per_s\": %.1f, \"note_insert_ms\": %.2f}\n",
                percentile(search, 0.5), percentile(search, 0.99), percentile(searchCpu, 0.99),
                static_cast<double>(found) / static_cast<double>(queries.size()), percentile(due, 0.5),
                percentile(due, 0.99), percentile(dueCpu, 0.99), static_cast<double>(dueRows) / static_cast<double>(due.size()),
                kInserts * 1000.0 / insertMs, insertMs / kInserts);
    std::fflush(stdout);
}

StoreOptions benchOptions()
{
    StoreOptions options;
    options.actor = "bench";
    return options;
}

int queryFile(const std::string& file)
{
    auto store = openClinicStore(file, benchOptions());
    measure(*store);
    return 0;
}

int queryServer(const std::string& pluginsDir, int runs)
{
    ClinicServer server(pluginsDir);
    std::fprintf(stderr, "bench_db: server with the clinic's rows ready in %.0f s\n", server.loadSeconds());
    for (int run = 0; run < runs; ++run) {
        auto store = openClinicStore(server.appLocation(), benchOptions());
        measure(*store);
    }
    return 0;
}

int serve(const std::string& pluginsDir)
{
    ClinicServer server(pluginsDir);
    test::PgCluster& cluster = server.cluster();
    std::printf("the clinic's server is ready (%.0f s); until Enter is pressed:\n"
                "  as the app:       %s\n"
                "  as the superuser: psql -h %s -d clinic\n",
                server.loadSeconds(), server.appLocation().c_str(), cluster.socketDir().c_str());
    std::fflush(stdout);
    std::getchar();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "make" && argc == 4)
            return makeClinicDatabase(argv[2], argv[3]);
        if (mode == "query" && argc == 3)
            return queryFile(argv[2]);
        if (mode == "query-server" && (argc == 3 || argc == 4))
            return queryServer(argv[2], argc == 4 ? std::stoi(argv[3]) : 1);
        if (mode == "serve" && argc == 3)
            return serve(argv[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_db: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: bench_db make DB_FILE PLUGINS_DIR | query DB_FILE | query-server PLUGINS_DIR [RUNS] | serve PLUGINS_DIR\n");
    return 2;
}
