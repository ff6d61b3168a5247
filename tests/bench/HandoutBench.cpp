// Handout benchmark: one 10-exercise handout in process (layout + PDF in memory), and a
// batch of handouts written to files on every core. Prints a Markdown table row set for
// docs/benchmarks.md. Usage: bench_handout [BATCH_SIZE] [OUT_DIR]
#include "BenchClock.h"

#include "core/JsonText.h"
#include "core/PlanJson.h"
#include "handout/FontSet.h"
#include "handout/HandoutBuilder.h"
#include "handout/HandoutLayout.h"
#include "handout/HandoutTemplateFiles.h"
#include "handout/Paper.h"
#include "handout/PdfWriter.h"
#include "pluginhost/DemoClinic.h"
#include "pluginhost/PluginHost.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include <sys/resource.h>

using namespace sp;
using namespace sp::handout;
namespace fs = std::filesystem;
using namespace sp::bench;

namespace {

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

} // namespace

int main(int argc, char** argv)
{
    const int batch = argc > 1 ? std::atoi(argv[1]) : 1000;
    const fs::path outDir = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "sp-bench-handouts";
    fs::create_directories(outDir);

    const CatalogLoad catalog = loadCatalog({{fs::path(SP_SOURCE_DIR) / "plugins", PluginOrigin::BuiltIn}});
    std::ifstream in(fs::path(SP_SOURCE_DIR) / "tests" / "data" / "plans" / "zoe-full-routine.json");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<Problem> problems;
    ProblemSink sink("plan", problems);
    const PlanSpec spec = *parsePlanFile(*parseJsonText(text, sink), sink);
    FieldErrors errors;
    HandoutRequest request;
    request.items = resolveItems(spec.items, catalog.catalog, errors);
    request.patientName = spec.patientName;
    request.planTitle = spec.title;
    request.goals = spec.goals;
    request.date = *Date::parse("2026-11-24");
    request.creationTimestamp = "2026-11-24T00:00:00Z";
    const ClinicProfile clinic = *loadClinicBranding(fs::path(SP_SOURCE_DIR) / "templates" / "branding" / "demo").profile;
    std::vector<std::string> warnings;
    const HandoutContent content = buildHandoutContent(request, catalog.catalog, clinic, warnings);
    const HandoutTemplate tmpl =
        loadHandoutTemplates(fs::path(SP_SOURCE_DIR) / "templates" / "handouts").templates.at(0); // classic
    const LayoutOptions layout{pageSize(Paper::A4), false};
    const FontSet fonts;

    // One handout, in process, many times: median and worst.
    std::vector<double> single;
    std::size_t bytes = 0;
    for (int i = 0; i < 60; ++i) {
        const auto start = Clock::now();
        const LaidOutDocument doc = layoutHandout(content, tmpl, layout, fonts);
        bytes = renderPdf(doc, {}).size();
        single.push_back(ms(Clock::now() - start));
    }
    std::sort(single.begin(), single.end());

    // The batch: every core, each handout laid out and written to its own file.
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::atomic<int> next{0};
    const auto start = Clock::now();
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (int i = next++; i < batch; i = next++) {
                const LaidOutDocument doc = layoutHandout(content, tmpl, layout, fonts);
                writePdfFile(doc, {}, outDir / ("handout-" + std::to_string(i) + ".pdf"));
            }
        });
    for (std::thread& t : pool)
        t.join();
    const double batchMs = ms(Clock::now() - start);
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    fs::remove_all(outDir);

    std::printf("| one 10-exercise handout, in process (median of 60) | %.1f ms |\n", single[single.size() / 2]);
    std::printf("| one 10-exercise handout, in process (slowest of 60) | %.1f ms |\n", single.back());
    std::printf("| handout size | %zu KB |\n", bytes / 1024);
    std::printf("| batch of %d handouts written to files, %u threads | %.0f handouts/s (%.2f s) |\n", batch, threads,
                batch * 1000.0 / batchMs, batchMs / 1000);
    // CPU time per handout in the batch: on a shared machine, what waiting for a core
    // does not inflate; the batch rate on an idle machine is at most cores / this.
    const auto cpuMs = [](const rusage& u) {
        return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
    };
    std::printf("| batch CPU time per handout | %.1f ms |\n", (cpuMs(after) - cpuMs(before)) / batch);
    std::printf("| peak RSS of the whole run | %ld MB |\n", peakRssKb() / 1024);
    return 0;
}
