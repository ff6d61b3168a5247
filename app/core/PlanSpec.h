// A plan as someone asks for it, before it is checked against the catalog: exercise ids
// with dosage changes over each exercise's default. Plan templates, imported plan files
// and the command line all produce one, and resolveItems() turns it into plan items.
#pragma once

#include "core/Catalog.h"
#include "core/Plan.h"
#include "core/Validation.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sp {

// Only the dosage fields given; the rest come from the exercise's default.
struct DosageOverrides {
    std::map<std::string, int, std::less<>> values; // keyed by kDosageFields' keys
    std::optional<Side> side;

    Dosage applyTo(Dosage base) const;
    bool empty() const { return values.empty() && !side; }
};

struct PlanItemSpec {
    std::string exercise;           // "pack/exercise", or a bare id where unambiguous
    std::optional<Exercise> snapshot; // from an exported plan: used as is, catalog or not
    DosageOverrides dosage;
    std::optional<std::string> note;
};

struct PlanSpec {
    std::optional<std::int64_t> patientId;
    std::string patientName; // from a plan file, for handouts made without the database
    std::string author;      // likewise: who made the revision, and when
    std::string createdAt;
    std::string title;
    std::string reason;
    std::vector<std::string> goals;
    std::vector<PlanItemSpec> items;
};

// Plan items for the specs: each exercise looked up (or its snapshot taken), its dosage
// the default with the overrides applied. Problems are added as "items/N/...".
std::vector<PlanItem> resolveItems(const std::vector<PlanItemSpec>& specs, const Catalog& catalog,
                                   FieldErrors& errors);

} // namespace sp
