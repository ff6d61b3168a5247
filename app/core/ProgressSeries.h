// What the follow-up charts show, worked out from the notes: pain (now, worst, best) and
// adherence per visit in date order, and a marker for each plan revision. Kept apart from
// drawing so the GUI chart only draws, and so this can be tested without a display.
#pragma once

#include "core/Date.h"
#include "core/FollowUpNote.h"
#include "core/Plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sp {

struct PainPoint {
    Date visit;
    int now = 0;
    std::optional<int> worst;
    std::optional<int> best;
};

struct AdherencePoint {
    Date visit;
    int done = 0;
    int prescribed = 0;
    double fraction() const { return prescribed > 0 ? static_cast<double>(done) / prescribed : 0.0; }
};

struct RevisionMarker {
    Date date;       // the day it was saved (UTC)
    std::string planTitle;
    int number = 0;  // 1, 2, ... within its plan
};

struct ProgressSeries {
    std::vector<PainPoint> pain;            // one per note, oldest first
    std::vector<AdherencePoint> adherence;  // notes that recorded sessions done and prescribed
    std::vector<RevisionMarker> revisions;  // oldest first
    std::optional<Date> first, last;        // the span of all of the above

    bool empty() const { return pain.empty() && revisions.empty(); }
};

struct PlanHistory {
    Plan plan;
    std::vector<PlanRevision> revisions;
};

ProgressSeries progressSeries(const std::vector<FollowUpNote>& notes, const std::vector<PlanHistory>& plans);

} // namespace sp
