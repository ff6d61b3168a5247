// Running the guidance rules for a stored plan and printing what they find; the rule
// that holds handouts back is sp_delivery's (GuidanceGate.h), shared with the desktop app.
#pragma once

#include "cli/CliContext.h"
#include "core/Guidance.h"
#include "core/JsonText.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sp::cli {

// The findings for a revision of a stored plan, with the patient's record and notes.
std::vector<Finding> checkPlan(CliContext& ctx, const Plan& plan, const PlanRevision& revision);

// "warning  direction.flexion-vs-extension-preference  Knee hug moves ..." lines.
std::string findingsText(const std::vector<Finding>& findings);
Json findingsJson(const std::vector<Finding>& findings);

inline constexpr int kExitBlocked = 4;

} // namespace sp::cli
