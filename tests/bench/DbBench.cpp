// Clinic database benchmark on a large database: patient search and follow-ups due
// (p50/p99), and note inserts with synchronous=FULL, everything measured through the
// store's API (ClinicStore). Prints one JSON object; tests/bench/perf.py takes medians.
//
// Usage: bench_db make DB_FILE PLUGINS_DIR   make the database once (see ClinicData.h)
//        bench_db query DB_FILE              measure
#include "BenchClock.h"
#include "ClinicData.h"

#include "db/sqlite/SqliteStore.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace sp;
using namespace sp::db;
namespace fs = std::filesystem;
using namespace sp::bench;

namespace {

// What a receptionist types: the start of a surname, a whole surname, first and last
// name, two prefixes, with and without accents, in any case.
std::vector<std::string> patientQueries(std::size_t count)
{
    std::mt19937 rng(5);
    std::vector<std::string> out;
    const auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    while (out.size() < count) {
        const std::string first = pick(bench::firstNames());
        const std::string last = pick(bench::lastNames());
        switch (rng() % 5) {
        case 0: out.push_back(last.substr(0, 3)); break;
        case 1: out.push_back(last); break;
        case 2: out.push_back(first + " " + last); break;
        case 3: out.push_back(first.substr(0, 2) + " " + last.substr(0, 4)); break;
        default: out.push_back(bench::asciiUpper(last)); break;
        }
    }
    return out;
}

FollowUpNote benchNote(std::int64_t patientId, int i)
{
    FollowUpNote n;
    n.patientId = patientId;
    n.visitDate = Date{2026, 11, 24};
    n.painNow = i % 8;
    n.painWorst = 8;
    n.sessionsDone = 9;
    n.sessionsPrescribed = 14;
    n.psfs = {{"Putting on socks", 6}, {"Driving 30 minutes", 4}};
    n.subjective = "Morning stiffness eases after ten minutes; sitting still aggravates.";
    n.objective = "Flexion to mid-shin, extension full and pain-free, SLR 70° both sides.";
    n.assessment = "Improving; directional preference for extension holds.";
    n.planText = "Continue the home programme, add the bridge hold, review in two weeks.";
    n.nextDue = Date{2026, 12, 8};
    return n;
}

int query(const fs::path& file)
{
    StoreOptions options;
    options.actor = "bench";
    auto store = openSqliteStore(file, options);

    const std::vector<std::string> queries = patientQueries(1000);
    // Warm the page cache as an open app has it: the first pass is not counted.
    for (std::size_t i = 0; i < 50; ++i)
        store->patients().search({queries[i]});
    std::vector<double> search, searchCpu;
    std::size_t found = 0;
    for (const std::string& q : queries) {
        const double cpuStart = threadCpuMs();
        const auto start = Clock::now();
        found += store->patients().search({q}).size();
        search.push_back(ms(Clock::now() - start));
        searchCpu.push_back(threadCpuMs() - cpuStart);
    }

    // Today, next week, next month: the lists a clinic opens every morning.
    const std::vector<Date> untils{bench::kToday, bench::kToday.plusDays(7), bench::kToday.plusDays(30)};
    std::vector<double> due, dueCpu;
    std::size_t dueRows = 0;
    store->notes().due(untils[0]);
    for (int round = 0; round < 20; ++round)
        for (const Date& until : untils) {
            const double cpuStart = threadCpuMs();
            const auto start = Clock::now();
            dueRows += store->notes().due(until).size();
            due.push_back(ms(Clock::now() - start));
            dueCpu.push_back(threadCpuMs() - cpuStart);
        }

    // Each add() is its own transaction with its audit entry, fsynced (synchronous=FULL).
    constexpr int kNotes = 200;
    std::mt19937 rng(9);
    const auto start = Clock::now();
    for (int i = 0; i < kNotes; ++i)
        store->notes().add(benchNote(1 + static_cast<std::int64_t>(rng() % bench::kPatients), i));
    const double insertMs = ms(Clock::now() - start);

    std::printf("{\"patient_search_p50_ms\": %.3f, \"patient_search_p99_ms\": %.3f, \"patient_search_cpu_p99_ms\": %.3f, "
                "\"patient_mean_hits\": %.1f, \"due_p50_ms\": %.3f, \"due_p99_ms\": %.3f, \"due_cpu_p99_ms\": %.3f, "
                "\"due_mean_rows\": %.0f, "
                "\"note_inserts_per_s\": %.1f, \"note_insert_ms\": %.2f}\n",
                percentile(search, 0.5), percentile(search, 0.99), percentile(searchCpu, 0.99),
                static_cast<double>(found) / static_cast<double>(queries.size()), percentile(due, 0.5),
                percentile(due, 0.99), percentile(dueCpu, 0.99), static_cast<double>(dueRows) / static_cast<double>(due.size()),
                kNotes * 1000.0 / insertMs, insertMs / kNotes);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "make" && argc == 4)
            return bench::makeClinicDatabase(argv[2], argv[3]);
        if (mode == "query" && argc == 3)
            return query(argv[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_db: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: bench_db make DB_FILE PLUGINS_DIR | query DB_FILE\n");
    return 2;
}
