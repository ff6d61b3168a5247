#include "ClinicDay.h"

#include "ClinicData.h"
#include "Workload.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace sp::bench {
namespace {

// Out of 100: search 40, open 30, note 15, revision 10, handout 5.
constexpr std::array<int, 5> kWeights{40, 30, 15, 10, 5};

std::string hexDigest(std::mt19937& rng)
{
    static const char digits[] = "0123456789abcdef";
    std::string out(64, '0');
    for (char& c : out)
        c = digits[rng() % 16];
    return out;
}

} // namespace

const char* opName(Op op)
{
    switch (op) {
    case Op::Search: return "patient search";
    case Op::Open: return "open a patient";
    case Op::AddNote: return "add a note";
    case Op::Revise: return "save a plan revision";
    case Op::Handout: return "log a handout";
    }
    return "?";
}

std::string Ack::line() const
{
    const char* kind = op == Op::AddNote ? "note" : op == Op::Revise ? "revision" : "handout";
    return std::string(kind) + " " + std::to_string(id) + " " + std::to_string(owner) + (tag.empty() ? "" : " " + tag);
}

std::optional<Ack> Ack::parse(const std::string& line)
{
    std::istringstream in(line);
    std::string kind;
    Ack a;
    if (!(in >> kind >> a.id >> a.owner))
        return std::nullopt;
    if (kind == "note")
        a.op = Op::AddNote;
    else if (kind == "handout")
        a.op = Op::Handout;
    else if (kind == "revision" && (in >> a.tag))
        a.op = Op::Revise;
    else
        return std::nullopt;
    return a;
}

Clinician::Clinician(db::ClinicStore& store, int index, int clinicians, std::string tag, unsigned seed)
    : m_store(store), m_index(index), m_clinicians(clinicians), m_tag(std::move(tag)), m_rng(seed),
      m_queries(patientQueries(1000, seed))
{
}

Op Clinician::pick()
{
    int r = static_cast<int>(m_rng() % 100);
    for (std::size_t i = 0; i < kWeights.size(); ++i) {
        if (r < kWeights[i])
            return kOps[i];
        r -= kWeights[i];
    }
    return Op::Search;
}

std::int64_t Clinician::anyPatient()
{
    return 1 + static_cast<std::int64_t>(m_rng() % kPatients);
}

std::int64_t Clinician::ownPatient()
{
    const std::int64_t own = (kPatients - m_index + m_clinicians - 1) / m_clinicians; // ids index+1, index+1+n, ...
    return 1 + m_index + m_clinicians * static_cast<std::int64_t>(m_rng() % static_cast<std::uint64_t>(own));
}

// The generated plans of patient p are (p-1)*2+1 and (p-1)*2+2 (ClinicRows.cpp).
std::int64_t Clinician::ownPlan(std::int64_t patient)
{
    return (patient - 1) * kPlansPerPatient + 1 + static_cast<std::int64_t>(m_rng() % kPlansPerPatient);
}

void Clinician::run(Op op, const std::function<void(const Ack&)>& ack)
{
    switch (op) {
    case Op::Search:
        m_store.patients().search({m_queries[m_rng() % m_queries.size()]});
        return;
    case Op::Open: {
        const std::int64_t patient = anyPatient();
        m_store.patients().get(patient);
        const std::vector<Plan> plans = m_store.plans().listForPatient(patient);
        const auto active = std::find_if(plans.begin(), plans.end(),
                                         [](const Plan& p) { return p.status == PlanStatus::Active; });
        if (active != plans.end())
            m_store.plans().revision(active->id);
        m_store.notes().listForPatient(patient);
        return;
    }
    case Op::AddNote: {
        const std::int64_t patient = ownPatient();
        const std::int64_t id = m_store.notes().add(benchNote(patient, static_cast<int>(++m_writes)));
        ack({Op::AddNote, id, patient, {}});
        return;
    }
    case Op::Revise: {
        // Open the plan's latest revision, change a dosage, save it on top of that one.
        const std::int64_t plan = ownPlan(ownPatient());
        PlanRevision next = m_store.plans().revision(plan);
        const int base = next.number;
        const std::string tag = m_tag + "-" + std::to_string(++m_writes);
        next.reason = "Progressed at the visit (" + tag + ")";
        for (PlanItem& item : next.items)
            item.dosage.reps = item.dosage.reps % 20 + 1;
        const int number = m_store.plans().revise(plan, next, base);
        ack({Op::Revise, plan, number, tag});
        return;
    }
    case Op::Handout: {
        const std::int64_t patient = ownPatient();
        HandoutRecord record;
        record.revisionId = (ownPlan(patient) - 1) * kRevisionsPerPlan + 1; // a generated revision of the plan
        record.channel = HandoutChannel::Pdf;
        record.recipient = "handout-" + std::to_string(patient) + ".pdf";
        record.sha256 = hexDigest(m_rng);
        const std::int64_t id = m_store.handouts().add(record);
        ack({Op::Handout, id, patient, {}});
        return;
    }
    }
}

Verification verifyAcks(const db::ClinicStore& store, const std::vector<Ack>& acks)
{
    Verification v;
    const auto missing = [&](const Ack& a, const std::string& why) {
        if (v.missing++ == 0)
            v.firstMissing = a.line() + ": " + why;
    };
    std::map<std::int64_t, std::set<std::int64_t>> handoutsOf; // patient -> handout ids
    for (const Ack& a : acks) {
        ++v.checked;
        try {
            if (a.op == Op::AddNote) {
                if (store.notes().get(a.id).patientId != a.owner)
                    missing(a, "the note is another patient's");
            } else if (a.op == Op::Revise) {
                const PlanRevision r = store.plans().revision(a.id, static_cast<int>(a.owner));
                if (r.reason.find("(" + a.tag + ")") == std::string::npos)
                    missing(a, "the revision holds another reason: " + r.reason);
            } else {
                auto [it, fresh] = handoutsOf.try_emplace(a.owner);
                if (fresh)
                    for (const HandoutRecord& h : store.handouts().listForPatient(a.owner))
                        it->second.insert(h.id);
                if (!it->second.count(a.id))
                    missing(a, "not in the patient's handout log");
            }
        } catch (const db::DbError& e) {
            missing(a, e.what());
        }
    }
    return v;
}

} // namespace sp::bench
