#include "delivery/GuidanceGate.h"

#include "core/JsonText.h"

namespace sp::delivery {

std::vector<Finding> checkPlan(const db::ClinicStore& store, const Catalog& catalog,
                               const GuidanceThresholds& thresholds, const Date& today, const Plan& plan,
                               const PlanRevision& revision)
{
    const Patient patient = store.patients().get(plan.patientId);
    const auto notes = store.notes().listForPatient(plan.patientId);
    return evaluate(revision, patient, notes, catalog, thresholds, today);
}

std::vector<Finding> checkPlan(const DeliveryContext& ctx, const Plan& plan, const PlanRevision& revision)
{
    return checkPlan(ctx.store, ctx.catalog, ctx.thresholds, ctx.today, plan, revision);
}

std::vector<Finding> blockersOf(const std::vector<Finding>& findings)
{
    std::vector<Finding> blockers;
    for (const Finding& f : findings)
        if (f.severity == Severity::Blocker)
            blockers.push_back(f);
    return blockers;
}

std::vector<Finding> enforceGuidance(DeliveryContext& ctx, const Plan& plan, const PlanRevision& revision,
                                     const std::string& action, const std::string& overrideReason)
{
    std::vector<Finding> blockers = blockersOf(checkPlan(ctx, plan, revision));
    if (blockers.empty())
        return {};
    if (overrideReason.find_first_not_of(" \t\r\n") == std::string::npos) {
        std::string codes;
        for (const Finding& f : blockers)
            codes += (codes.empty() ? "" : ", ") + f.code;
        throw BlockedError("not done: the plan has a blocker (" + codes + ")", std::move(blockers));
    }
    std::vector<std::string> codes;
    for (const Finding& f : blockers)
        codes.push_back(f.code);
    // The codes say what was overridden; the reason is the clinician's own words about the
    // patient, so it is the entry's free text, which goes with the patient in a purge.
    ctx.store.audit().record("override", "revision", revision.id, plan.patientId,
                             Json{{"action", action}, {"blockers", codes}}.dump(), overrideReason);
    return blockers;
}

} // namespace sp::delivery
