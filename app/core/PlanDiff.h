// What changed between two revisions of a plan: exercises added and removed, dosage and
// note changes of those in both, and whether the goals or the order changed.
#pragma once

#include "core/Plan.h"

#include <string>
#include <vector>

namespace sp {

struct FieldChange {
    std::string field; // "sets", "side", "note", ...
    std::string from;
    std::string to;
};

struct ItemChange {
    std::string exerciseId;
    std::string name;
    std::vector<FieldChange> changes;
};

struct PlanDiff {
    std::vector<const PlanItem*> added;   // items of `to` not in `from`
    std::vector<const PlanItem*> removed; // items of `from` not in `to`
    std::vector<ItemChange> changed;      // in both, with a different dosage or note
    bool goalsChanged = false;
    bool orderChanged = false; // the exercises in both appear in another order

    bool empty() const
    {
        return added.empty() && removed.empty() && changed.empty() && !goalsChanged && !orderChanged;
    }
};

// Pointers in the result point into `from` and `to`, which must outlive it.
PlanDiff diff(const PlanRevision& from, const PlanRevision& to);

} // namespace sp
