// The rule for every action that hands a plan to the patient (a saved PDF, a print, an
// e-mail): it does not happen while a guidance blocker stands, unless the clinician gives
// a reason, which the audit log records with the codes it overrode.
#pragma once

#include "delivery/DeliveryContext.h"

#include <string>
#include <vector>

namespace sp::delivery {

// The findings for a revision of a stored plan, with the patient's record and notes.
std::vector<Finding> checkPlan(const db::ClinicStore& store, const Catalog& catalog,
                               const GuidanceThresholds& thresholds, const Date& today, const Plan& plan,
                               const PlanRevision& revision);
std::vector<Finding> checkPlan(const DeliveryContext& ctx, const Plan& plan, const PlanRevision& revision);

// Just the blockers among them.
std::vector<Finding> blockersOf(const std::vector<Finding>& findings);

// Throws BlockedError (with the blockers) while one stands and `overrideReason` is empty
// (or only blanks). With a reason, records an "override" audit entry for the revision
// ({"action", "blockers": codes}, the reason as its free text, erased with the patient)
// and returns the blockers gone past; returns
// nothing when there is no blocker.
std::vector<Finding> enforceGuidance(DeliveryContext& ctx, const Plan& plan, const PlanRevision& revision,
                                     const std::string& action, const std::string& overrideReason);

} // namespace sp::delivery
