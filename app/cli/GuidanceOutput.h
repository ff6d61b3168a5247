// Running the guidance rules for a stored plan, printing what they find, and holding
// handouts back while a blocker stands.
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

// For actions that hand the plan to the patient (handout export, e-mail): refuses with
// exit 4 while a blocker stands, unless the clinician gives an override reason, which
// the audit log records.
void enforceGuidance(CliContext& ctx, const Plan& plan, const PlanRevision& revision, const std::string& action,
                     const std::string& overrideReason);

inline constexpr int kExitBlocked = 4;

} // namespace sp::cli
