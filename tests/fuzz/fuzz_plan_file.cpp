// Fuzzes what a plan file holds byte for byte (`plan import`, `handout --plan`): the JSON
// text, the plan file parser with each item's snapshot held to the pack rules, the items
// resolved against a catalog (the built-in lumbar pack), and each snapshot compared with
// the installed exercise. Whatever is accepted must write back and parse to equal items.
#include "core/ExerciseJson.h"
#include "core/JsonText.h"
#include "core/PlanJson.h"
#include "core/SnapshotDiff.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

namespace {

sp::Catalog lumbarCatalog()
{
    const std::filesystem::path folder = std::filesystem::path(SP_SOURCE_DIR) / "plugins" / "lumbar";
    std::vector<sp::Exercise> exercises;
    for (const auto& entry : std::filesystem::directory_iterator(folder / "exercises")) {
        std::ifstream in(entry.path());
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        std::vector<sp::Problem> problems;
        sp::ProblemSink sink(entry.path().string(), problems);
        if (auto doc = sp::parseJsonText(text, sink))
            if (auto ex = sp::parseExercise(*doc, sink)) {
                ex->pack = "lumbar";
                exercises.push_back(std::move(*ex));
            }
    }
    sp::Catalog catalog;
    catalog.addPack({{"lumbar", "Lumbar", "1.0.0", 1, "a", "b", "c"}, folder.string(), {}}, std::move(exercises));
    return catalog;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const sp::Catalog catalog = lumbarCatalog();
    std::vector<sp::Problem> problems;
    sp::ProblemSink sink("plan.json", problems);
    const auto doc = sp::parseJsonText(std::string_view(reinterpret_cast<const char*>(data), size), sink);
    if (!doc)
        return 0;
    const auto spec = sp::parsePlanFile(*doc, sink);
    for (const sp::Problem& p : problems)
        (void)p.format();
    if (!spec)
        return 0;
    for (const sp::PlanItemSpec& item : spec->items)
        if (item.snapshot)
            for (const sp::ImageRef& image : item.snapshot->media.images)
                if (!sp::packPathProblem(image.file).empty())
                    __builtin_trap(); // a path the pack rules refuse got through
    sp::FieldErrors errors;
    const auto items = sp::resolveItems(spec->items, catalog, errors);
    (void)errors.summary();
    for (const sp::SnapshotDiff& d : sp::snapshotDiffs(items, catalog))
        (void)d.message();
    if (!errors.empty())
        return 0;
    // What is accepted must write back (as `plan export-json` does) and read to equal items.
    sp::Plan plan;
    plan.id = 1;
    plan.title = spec->title;
    sp::Patient patient;
    patient.id = 1;
    patient.name = "Fuzz";
    sp::PlanRevision revision;
    revision.number = 1;
    revision.reason = spec->reason;
    revision.goals = spec->goals;
    revision.items = items;
    const sp::Json again = sp::planFileJson(plan, patient, revision);
    std::vector<sp::Problem> againProblems;
    sp::ProblemSink againSink("again.json", againProblems);
    const auto round = sp::parsePlanFile(again, againSink);
    if (!round)
        __builtin_trap();
    sp::FieldErrors againErrors;
    if (sp::resolveItems(round->items, catalog, againErrors) != items)
        __builtin_trap();
    return 0;
}
