#include "cli/GuidanceOutput.h"

#include "cli/TextFormat.h"

namespace sp::cli {

std::vector<Finding> checkPlan(CliContext& ctx, const Plan& plan, const PlanRevision& revision)
{
    const Patient patient = ctx.store().patients().get(plan.patientId);
    const auto notes = ctx.store().notes().listForPatient(plan.patientId);
    return evaluate(revision, patient, notes, ctx.load().catalog, ctx.thresholds(), CliContext::today());
}

std::string findingsText(const std::vector<Finding>& findings)
{
    std::string out;
    for (const Finding& f : findings) {
        out += std::string(toString(f.severity)) + ": " + f.message + " [" + f.code + "]\n";
        if (!f.suggestions.empty())
            out += "    try: " + join(f.suggestions) + "\n";
    }
    return out;
}

Json findingsJson(const std::vector<Finding>& findings)
{
    Json out = Json::array();
    for (const Finding& f : findings)
        out.push_back({{"severity", toString(f.severity)},
                       {"code", f.code},
                       {"message", f.message},
                       {"items", f.items},
                       {"suggestions", f.suggestions}});
    return out;
}

void enforceGuidance(CliContext& ctx, const Plan& plan, const PlanRevision& revision, const std::string& action,
                     const std::string& overrideReason)
{
    const auto findings = checkPlan(ctx, plan, revision);
    if (!hasBlocker(findings))
        return;
    std::vector<Finding> blockers;
    for (const Finding& f : findings)
        if (f.severity == Severity::Blocker)
            blockers.push_back(f);
    if (overrideReason.empty())
        throw CliError("not done: the plan has a blocker (give --override-reason TEXT to go ahead anyway):\n" +
                           findingsText(blockers),
                       kExitBlocked);
    std::vector<std::string> codes;
    for (const Finding& f : blockers)
        codes.push_back(f.code);
    // The reason is the clinician's own words about the decision; codes say what was overridden.
    ctx.store().audit().record("override", "revision", revision.id, plan.patientId,
                               Json{{"action", action}, {"blockers", codes}, {"reason", overrideReason}}.dump());
    ctx.err() << "warning: going ahead despite " << blockers.size() << " blocker(s); the override is in the audit log\n";
}

} // namespace sp::cli
