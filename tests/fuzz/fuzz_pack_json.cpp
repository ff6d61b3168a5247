// Fuzzes what a pack author (or attacker) controls byte for byte: the JSON text of a
// manifest, exercise or guidance file, through the same parsers the loader uses.
#include "core/ExerciseJson.h"
#include "core/JsonText.h"
#include "core/PackJson.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<sp::Problem> problems;
    sp::ProblemSink sink("fuzz.json", problems);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto doc = sp::parseJsonText(text, sink);
    if (!doc)
        return 0;
    if (auto ex = sp::parseExercise(*doc, sink)) {
        // What is accepted must write back and parse to the same exercise.
        std::vector<sp::Problem> again;
        sp::ProblemSink againSink("again.json", again);
        const auto round = sp::parseExercise(sp::toJson(*ex), againSink);
        if (!round || !(*round == *ex))
            __builtin_trap();
    }
    (void)sp::parseManifest(*doc, sink);
    (void)sp::parseGuidance(*doc, sink);
    for (const sp::Problem& p : problems)
        (void)p.format();
    return 0;
}
