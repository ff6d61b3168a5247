#include "db/Timeline.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace sp::db {
namespace {

struct Sortable {
    std::string day;    // YYYY-MM-DD
    std::string stored; // ISO timestamp of when the record was written
    TimelineEvent event;
};

std::string dayOf(const std::string& when)
{
    return when.substr(0, 10);
}

std::string planLabel(const Plan& plan)
{
    return "\"" + plan.title + "\"";
}

} // namespace

std::vector<TimelineEvent> timeline(const ClinicStore& store, std::int64_t patientId)
{
    std::vector<Sortable> all;
    std::map<std::int64_t, std::int64_t> planOfRevision;
    std::map<std::int64_t, std::string> planTitles;
    for (const Plan& plan : store.plans().listForPatient(patientId)) {
        planTitles[plan.id] = planLabel(plan);
        for (const PlanRevision& r : store.plans().history(plan.id)) {
            planOfRevision[r.id] = plan.id;
            std::string summary = "Plan " + planLabel(plan) + (r.number == 1 ? " created" : " revision " +
                                                                                  std::to_string(r.number));
            if (!r.reason.empty())
                summary += ": " + r.reason;
            all.push_back({dayOf(r.createdAt), r.createdAt,
                           {TimelineEvent::Kind::Revision, r.createdAt, r.id, plan.id, summary}});
        }
    }
    for (const FollowUpNote& n : store.notes().listForPatient(patientId)) {
        const std::int64_t planId = n.revisionId ? planOfRevision[*n.revisionId] : 0;
        std::string summary = "Follow-up visit, pain " + std::to_string(n.painNow) + "/10";
        if (planId)
            summary += ", following plan " + planTitles[planId];
        const std::string when = n.visitDate.toString();
        all.push_back({when, n.createdAt, {TimelineEvent::Kind::Note, when, n.id, planId, summary}});
    }
    for (const HandoutRecord& h : store.handouts().listForPatient(patientId)) {
        const std::int64_t planId = planOfRevision[h.revisionId];
        const std::string summary = "Handout (" + std::string(toString(h.channel)) + ") of plan " +
                                    planTitles[planId];
        all.push_back({dayOf(h.at), h.at, {TimelineEvent::Kind::Handout, h.at, h.id, planId, summary}});
    }
    std::stable_sort(all.begin(), all.end(), [](const Sortable& a, const Sortable& b) {
        return std::tie(a.day, a.stored, a.event.kind, a.event.id) < std::tie(b.day, b.stored, b.event.kind, b.event.id);
    });
    std::vector<TimelineEvent> out;
    out.reserve(all.size());
    for (Sortable& s : all)
        out.push_back(std::move(s.event));
    return out;
}

} // namespace sp::db
