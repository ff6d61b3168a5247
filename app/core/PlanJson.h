// Plans in JSON: the plan file (`plan export-json` writes it, `plan import` reads it, and
// handouts can be made from it) and plan templates (templates/plans/*.json). Both are
// parsed as strictly as packs, with every problem named by its JSON pointer.
#pragma once

#include "core/JsonText.h"
#include "core/Patient.h"
#include "core/Plan.h"
#include "core/PlanSpec.h"
#include "core/Problem.h"

#include <optional>
#include <string>
#include <vector>

namespace sp {

inline constexpr int kPlanFormatVersion = 1;

struct PlanTemplate {
    std::string id;
    std::string title;
    std::string description;
    std::vector<std::string> goals;
    std::vector<PlanItemSpec> items;
};

// A plan file: the revision with every item's full exercise snapshot, so that it reads
// the same years later whatever happens to the packs.
Json planFileJson(const Plan& plan, const Patient& patient, const PlanRevision& revision);
std::optional<PlanSpec> parsePlanFile(const Json& document, ProblemSink& sink);

std::optional<PlanTemplate> parsePlanTemplate(const Json& document, ProblemSink& sink);

// Dosage fields given in a JSON object, each checked against its range.
std::optional<DosageOverrides> parseDosageOverrides(const Json& value, const std::string& pointer,
                                                    ProblemSink& sink);

} // namespace sp
