// What the database benchmarks ask of the store, shared by bench_db, bench_clinic_day and
// the soak: the patient searches a receptionist types and the follow-up note a clinician
// writes.
#pragma once

#include "core/FollowUpNote.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sp::bench {

// The start of a surname, a whole surname, first and last name, two prefixes, with and
// without accents, in any case: `count` of them, the same for the same seed.
std::vector<std::string> patientQueries(std::size_t count, unsigned seed = 5);

// A follow-up note of today's visit for `patientId` (pain varies with `i`).
FollowUpNote benchNote(std::int64_t patientId, int i);

} // namespace sp::bench
