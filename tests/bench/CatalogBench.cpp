// Catalog benchmark: load time and peak memory of a large catalog, and search latency.
// One load per process, so that the peak memory is this load's alone; tests/bench/perf.py
// runs it several times and takes medians. Prints one JSON object.
//
// Usage: bench_catalog load PLUGINS_DIR [PACK_CACHE_DIR]   (with a cache folder: packs come
//          from the pack-load cache where their files are unchanged, as at every start but the first)
//        bench_catalog search PLUGINS_DIR QUERIES_FILE
#include "BenchClock.h"

#include "pluginhost/PluginHost.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace sp;
namespace fs = std::filesystem;
using namespace sp::bench;

namespace {

// A field of /proc/self/status in KiB (VmRSS now, VmHWM the peak so far).
long statusKb(const std::string& field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field + ":", 0) == 0)
            return std::stol(line.substr(field.size() + 1));
    return -1;
}

CatalogLoad load(const fs::path& dir, const fs::path& packCache = {})
{
    LoadOptions options;
    options.native.cacheFile = fs::path(); // packs only: nothing to cache
    options.packCacheDir = packCache;      // empty: every pack read from its files
    return loadCatalog({{dir, PluginOrigin::CommandLine}}, options);
}

std::size_t problems(const CatalogLoad& c)
{
    std::size_t n = c.folderProblems.size();
    for (const PackReport& r : c.packs)
        n += r.problems.size();
    return n;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (argc < 3 || (mode != "load" && mode != "search") || (mode == "search" && argc < 4)) {
        std::fprintf(stderr, "usage: bench_catalog load PLUGINS_DIR [PACK_CACHE_DIR] | search PLUGINS_DIR QUERIES_FILE\n");
        return 2;
    }
    const fs::path dir = argv[2];
    if (mode == "load") {
        const long rssBefore = statusKb("VmRSS");
        const double cpuBefore = processCpuMs();
        const auto start = Clock::now();
        const CatalogLoad catalog = load(dir, argc > 3 ? fs::path(argv[3]) : fs::path());
        const double loadMs = ms(Clock::now() - start);
        const double cpuMs = processCpuMs() - cpuBefore;
        const long peak = statusKb("VmHWM");
        std::printf("{\"load_ms\": %.1f, \"load_cpu_ms\": %.1f, \"peak_mb\": %.1f, \"exercises\": %zu, \"packs\": %zu, \"problems\": %zu}\n",
                    loadMs, cpuMs, static_cast<double>(peak - rssBefore) / 1024.0, catalog.catalog.exercises().size(),
                    catalog.catalog.packs().size(), problems(catalog));
        return problems(catalog) == 0 ? 0 : 1;
    }

    const CatalogLoad catalog = load(dir);
    std::ifstream in(argv[3]);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            queries.push_back(line);
    std::vector<double> latencies, cpu;
    std::size_t hits = 0, empty = 0;
    for (const std::string& q : queries) {
        const double cpuStart = threadCpuMs();
        const auto start = Clock::now();
        const auto found = catalog.catalog.search(q);
        latencies.push_back(ms(Clock::now() - start));
        cpu.push_back(threadCpuMs() - cpuStart);
        hits += found.size();
        empty += found.empty() ? 1 : 0;
    }
    std::printf("{\"search_p50_ms\": %.3f, \"search_p99_ms\": %.3f, \"search_cpu_p99_ms\": %.3f, \"queries\": %zu, \"mean_hits\": %.1f, "
                "\"no_hits\": %zu}\n",
                percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(cpu, 0.99), queries.size(),
                static_cast<double>(hits) / static_cast<double>(queries.size()), empty);
    return 0;
}
