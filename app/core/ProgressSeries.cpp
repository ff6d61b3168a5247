#include "core/ProgressSeries.h"

#include <algorithm>

namespace sp {

ProgressSeries progressSeries(const std::vector<FollowUpNote>& notes, const std::vector<PlanHistory>& plans)
{
    ProgressSeries s;
    std::vector<const FollowUpNote*> ordered;
    for (const FollowUpNote& n : notes)
        ordered.push_back(&n);
    // Oldest visit first; two notes on one day keep the order they were recorded in.
    std::stable_sort(ordered.begin(), ordered.end(), [](const FollowUpNote* a, const FollowUpNote* b) {
        return a->visitDate < b->visitDate;
    });
    const auto widen = [&s](const Date& d) {
        if (!s.first || d < *s.first)
            s.first = d;
        if (!s.last || *s.last < d)
            s.last = d;
    };
    for (const FollowUpNote* n : ordered) {
        s.pain.push_back({n->visitDate, n->painNow, n->painWorst, n->painBest});
        if (n->sessionsDone && n->sessionsPrescribed && *n->sessionsPrescribed > 0)
            s.adherence.push_back({n->visitDate, *n->sessionsDone, *n->sessionsPrescribed});
        widen(n->visitDate);
    }
    for (const PlanHistory& h : plans) {
        for (const PlanRevision& r : h.revisions) {
            // createdAt is "YYYY-MM-DDTHH:MM:SSZ"; its date part is the day.
            const auto day = Date::parse(std::string_view(r.createdAt).substr(0, 10));
            if (!day)
                continue;
            s.revisions.push_back({*day, h.plan.title, r.number});
            widen(*day);
        }
    }
    std::stable_sort(s.revisions.begin(), s.revisions.end(),
                     [](const RevisionMarker& a, const RevisionMarker& b) { return a.date < b.date; });
    return s;
}

} // namespace sp
