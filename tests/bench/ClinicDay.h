// A clinic day as one clinician works it, for bench_clinic_day and the soak: patient
// search 40%, open a patient (record, plans, the active plan's latest revision, notes)
// 30%, add a follow-up note 15%, save a plan revision 10%, log a handout 5%. Reads go to
// any patient of the generated clinic (ClinicData.h); writes only to the clinician's own
// patients (those whose id is the clinician's index modulo the number of clinicians), so
// two clinicians never revise one plan: no Conflict is expected, and every failure counts
// as an error. Each write the store acknowledged (its call returned) is reported as an Ack,
// which verifyAcks() later finds in the database.
#pragma once

#include "db/ClinicStore.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace sp::bench {

enum class Op { Search = 0, Open, AddNote, Revise, Handout };
inline constexpr std::array<Op, 5> kOps{Op::Search, Op::Open, Op::AddNote, Op::Revise, Op::Handout};
const char* opName(Op op);

// One acknowledged write: a note (id, patient), a revision (plan, number, and the tag in
// its reason) or a handout (id, patient). One line of text each, for the soak's files.
struct Ack {
    Op op = Op::AddNote;
    std::int64_t id = 0;    // note or handout id; the plan id for a revision
    std::int64_t owner = 0; // the patient; the revision's number
    std::string tag;        // a revision's reason ends with it
    std::string line() const;
    static std::optional<Ack> parse(const std::string& line);
};

class Clinician {
public:
    // `tag` names this clinician's revisions (unique per run and client).
    Clinician(db::ClinicStore& store, int index, int clinicians, std::string tag, unsigned seed);
    Op pick();
    // Runs one operation; a write calls `ack` once the store's call has returned. Throws
    // DbError as the store does.
    void run(Op op, const std::function<void(const Ack&)>& ack);

private:
    std::int64_t anyPatient();
    std::int64_t ownPatient();
    std::int64_t ownPlan(std::int64_t patient);

    db::ClinicStore& m_store;
    int m_index, m_clinicians;
    std::string m_tag;
    std::mt19937 m_rng;
    std::vector<std::string> m_queries;
    std::int64_t m_writes = 0;
};

struct Verification {
    std::size_t checked = 0, missing = 0;
    std::string firstMissing; // what was not found, for the report
};
// Looks each acknowledged write up through the store's API.
Verification verifyAcks(const db::ClinicStore& store, const std::vector<Ack>& acks);

} // namespace sp::bench
