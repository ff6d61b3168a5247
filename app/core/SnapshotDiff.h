// Whether a plan item's exercise snapshot still says what the installed pack says. A plan
// prints its snapshot, not the pack, so that a revision reads the same years later; but a
// snapshot from a plan file is text anyone could have written under a pack's exercise id.
// A difference is never silent: the command line warns, the desktop app marks the item
// and the guidance rules add a warning before the handout goes out.
#pragma once

#include "core/Catalog.h"
#include "core/Plan.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sp {

struct SnapshotDiff {
    std::size_t item = 0;            // position in the plan, from 0
    std::string exerciseId;          // "lumbar/bridge-hold"
    std::string exerciseName;        // the snapshot's name, as the handout prints it
    std::string pack;                // "lumbar 1.2.0" when installed
    bool exerciseInstalled = false;  // false: the pack is not installed, or has no such exercise
    std::vector<std::string> fields; // pack-format keys that differ: "steps", "media", ...

    // One line for the clinician, e.g. `item 2 (lumbar/bridge-hold, "Bridge hold"): the
    // plan's copy differs from the installed pack lumbar 1.2.0 in steps, cues; the handout
    // prints the plan's text, not the pack's`.
    std::string message() const;
};

// The item's difference, or nullopt when its snapshot equals the installed exercise.
std::optional<SnapshotDiff> snapshotDiff(const PlanItem& item, std::size_t position, const Catalog& catalog);

// Every item whose snapshot is not what the installed packs say, in plan order.
std::vector<SnapshotDiff> snapshotDiffs(const std::vector<PlanItem>& items, const Catalog& catalog);

} // namespace sp
