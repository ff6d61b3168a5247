#include "core/Guidance.h"

namespace sp {

SessionEstimate estimateSession(const PlanRevision& plan, const GuidanceThresholds& t)
{
    SessionEstimate e;
    double sessionSeconds = 0;
    double weeklySeconds = 0;
    for (const PlanItem& item : plan.items) {
        const Dosage& d = item.dosage;
        // "each" means every set on one side, then on the other.
        const int sides = d.side == Side::Each ? 2 : 1;
        const double work = double(sides) * d.sets * d.reps * (d.tempo_s + d.hold_s);
        const double rest = double(sides) * (d.sets - 1) * d.rest_s;
        const double seconds = work + rest + t.transitionSeconds;
        e.itemSeconds.push_back(seconds);
        sessionSeconds += seconds;
        weeklySeconds += seconds * d.perDay * d.daysPerWeek;
    }
    e.sessionMinutes = sessionSeconds / 60.0;
    e.weeklyMinutes = weeklySeconds / 60.0;
    return e;
}

bool hasBlocker(const std::vector<Finding>& findings)
{
    for (const Finding& f : findings)
        if (f.severity == Severity::Blocker)
            return true;
    return false;
}

} // namespace sp
