// A patient's history in one list: every revision of every plan, every follow-up note and
// every handout, oldest first. Built from ClinicStore alone, so it works on any backend.
#pragma once

#include "db/ClinicStore.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sp::db {

struct TimelineEvent {
    enum class Kind { Revision = 1, Note, Handout } kind;
    std::string when;       // YYYY-MM-DD (a note's visit date) or an ISO timestamp
    std::int64_t id = 0;    // of the revision, note or handout record
    std::int64_t planId = 0; // the plan concerned; 0 for a note that follows no plan
    std::string summary;    // one line for the screen (it may name the plan and the note's pain)
};

// By date (the first ten characters of `when`); on the same day by the time each record
// was stored, so a visit's note comes before the handout given at the end of it.
std::vector<TimelineEvent> timeline(const ClinicStore& store, std::int64_t patientId);

} // namespace sp::db
