// The plan templates (protocols) in templates/plans/*.json, loaded and checked.
#pragma once

#include "core/PlanJson.h"
#include "core/Problem.h"

#include <filesystem>
#include <vector>

namespace sp {

// builtInDataDir()/templates/plans
std::filesystem::path builtInPlanTemplateDir();

struct PlanTemplateLoad {
    std::vector<PlanTemplate> templates; // by id
    std::vector<Problem> problems;       // one per problem; a broken template is left out
};

// Every *.json in `dir`; a template id used twice keeps the first file (by name).
PlanTemplateLoad loadPlanTemplates(const std::filesystem::path& dir);

} // namespace sp
