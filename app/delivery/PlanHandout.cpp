#include "delivery/PlanHandout.h"

#include "delivery/GuidanceGate.h"
#include "handout/HandoutBuilder.h"

namespace fs = std::filesystem;

namespace sp::delivery {

PlanHandout readPlanHandout(DeliveryContext& ctx, std::int64_t planId, int revision, bool deterministic)
{
    PlanHandout h{ctx.store.plans().get(planId), ctx.store.plans().revision(planId, revision), {}, {}, {}, {}, {}};
    h.patient = ctx.store.patients().get(h.plan.patientId);
    const auto notes = ctx.store.notes().listForPatient(h.patient.id);
    if (!notes.empty())
        h.nextFollowUp = notes.front().nextDue;
    h.date = deterministic ? Date::parse(h.revision.createdAt.substr(0, 10)).value_or(ctx.today) : ctx.today;
    h.creationTimestamp = deterministic ? kDeterministicTimestamp : utcNow();
    if (const auto who = ctx.store.signedIn(); who && !who->fullName.empty())
        h.clinician = who->fullName;
    return h;
}

handout::HandoutContent planHandoutContent(const DeliveryContext& ctx, const PlanHandout& h,
                                           std::vector<std::string>& warnings)
{
    return handout::decodePictures(planHandoutDraft(ctx, h, warnings), warnings);
}

handout::HandoutDraft planHandoutDraft(const DeliveryContext& ctx, const PlanHandout& h,
                                       std::vector<std::string>& warnings)
{
    handout::HandoutRequest request;
    request.patientName = h.patient.name;
    // Who is named: the signed-in person on a server; on one computer the name the clinic
    // profile keeps for handouts; then the patient's treating clinician; the revision's
    // author (a login) only when nothing else names anyone.
    request.clinician = !h.clinician.empty()           ? h.clinician
                        : !ctx.clinic.clinician.empty() ? ctx.clinic.clinician
                        : !h.patient.clinician.empty()  ? h.patient.clinician
                                                        : h.revision.author;
    request.planTitle = h.plan.title;
    request.goals = h.revision.goals;
    request.items = h.revision.items;
    request.nextFollowUp = h.nextFollowUp;
    request.date = h.date;
    request.creationTimestamp = h.creationTimestamp;
    return handout::draftHandoutContent(request, ctx.catalog, ctx.clinic, warnings);
}

WrittenHandout writePlanHandout(DeliveryContext& ctx, std::int64_t planId, int revision, const HandoutOptions& o,
                                const std::string& action, const std::string& overrideReason, const fs::path& out)
{
    WrittenHandout w{readPlanHandout(ctx, planId, revision, o.deterministic), {}, {}};
    w.overridden = enforceGuidance(ctx, w.handout.plan, w.handout.revision, action, overrideReason);
    const HandoutRenderer renderer(o);
    const auto content = planHandoutContent(ctx, w.handout, w.warnings);
    const auto more = renderer.write(content, out);
    w.warnings.insert(w.warnings.end(), more.begin(), more.end());
    return w;
}

} // namespace sp::delivery
