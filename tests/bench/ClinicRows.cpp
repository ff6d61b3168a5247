#include "ClinicRows.h"

#include "ClinicData.h"

#include "core/ExerciseJson.h"
#include "core/TextFold.h"
#include "pluginhost/PluginHost.h"

#include <algorithm>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>

namespace sp::bench {
namespace {

const char* const kSoap[] = {
    "Less stiff in the mornings; sitting for long still aggravates.",
    "Pain after gardening at the weekend, settled within a day.",
    "Walking 30 minutes without leg symptoms; sleep improving.",
    "Flexion to mid-shin, extension full and pain-free.",
    "SLR 70° both sides, neuro screen clear, no red flags.",
    "Improving as expected; directional preference for extension holds.",
    "Continue the programme, add the bridge hold, review in two weeks.",
};
const char* const kActivities[] = {"Putting on socks", "Driving 30 minutes"};
constexpr std::string_view kCreated = "2026-01-01T09:00:00.000Z";

struct NoteRow {
    int patient;
    long visitDays;
};

struct PsfsRow {
    std::int64_t note;
    int position;
    int score;
};

// One table, whole: beginTable, rows, endTable.
class TableWriter {
public:
    TableWriter(RowSink& sink, const std::string& table, const std::vector<std::string>& columns) : m_sink(sink)
    {
        m_sink.beginTable(table, columns);
    }
    ~TableWriter() noexcept(false) { m_sink.endTable(); }
    void operator()(const std::vector<Value>& values) { m_sink.row(values); }

private:
    RowSink& m_sink;
};

Value text(const std::string& s)
{
    return std::string_view(s);
}

class Generator {
public:
    Generator(RowSink& sink, const ExerciseSnapshots& exercises) : m_sink(sink), m_ex(exercises) {}

    void run()
    {
        patients();
        plans();
        notes();
    }

private:
    // Each patient's last visit, spread over eight years: most are long discharged.
    void patients()
    {
        const auto& first = firstNames();
        const auto& last = lastNames();
        m_lastVisit.assign(kPatients + 1, 0);
        std::vector<std::pair<std::string, int>> words;
        {
            TableWriter rows(m_sink, "patients",
                             {"id", "name", "date_of_birth", "email", "phone", "clinician", "archived", "notes",
                              "preference", "created_at", "updated_at", "folded_name"});
            for (int id = 1; id <= kPatients; ++id) {
                std::string name = first[m_rng() % first.size()] + " " + last[m_rng() % last.size()];
                if (m_rng() % 10 == 0)
                    name += "-" + last[m_rng() % last.size()];
                const std::string folded = foldForSearch(name);
                m_lastVisit[id] = m_today - 1 - static_cast<long>(m_rng() % 2920);
                const bool archived = m_today - m_lastVisit[id] > 1000 && m_rng() % 4 == 0;
                const std::string born = Date::fromDays(m_today - 6000 - static_cast<long>(m_rng() % 25000)).toString();
                const std::string email = "patient" + std::to_string(id) + "@example.org";
                rows({std::int64_t{id}, text(name), text(born), text(email), std::string_view(""),
                      std::string_view("Dr Rivera"), std::int64_t{archived ? 1 : 0}, std::string_view(""),
                      std::string_view("unknown"), kCreated, kCreated, text(folded)});
                const std::vector<std::string> split = splitWords(folded);
                for (const std::string& w : std::set<std::string>(split.begin(), split.end()))
                    words.emplace_back(w, id);
            }
        }
        TableWriter rows(m_sink, "patient_name_words", {"word", "patient_id"});
        for (const auto& [word, id] : words)
            rows({text(word), std::int64_t{id}});
    }

    void plans()
    {
        {
            TableWriter rows(m_sink, "plans", {"id", "patient_id", "title", "status", "created_at"});
            std::int64_t planId = 0;
            for (int patientId = 1; patientId <= kPatients; ++patientId)
                for (int p = 0; p < kPlansPerPatient; ++p)
                    rows({++planId, std::int64_t{patientId}, std::string_view(p == 0 ? "Low back" : "Hip and knee"),
                          std::string_view(p == 0 ? "closed" : "active"), kCreated});
        }
        const std::int64_t revisions = std::int64_t{kPatients} * kPlansPerPatient * kRevisionsPerPlan;
        {
            TableWriter rows(m_sink, "plan_revisions",
                             {"id", "plan_id", "number", "created_at", "author", "reason", "goals"});
            for (std::int64_t id = 1; id <= revisions; ++id) {
                const std::int64_t number = (id - 1) % kRevisionsPerPlan + 1;
                rows({id, (id - 1) / kRevisionsPerPlan + 1, number, kCreated, std::string_view("pt.bench"),
                      std::string_view(number == 1 ? "First visit" : "Progress"),
                      std::string_view("[\"Walk the dog\"]")});
            }
        }
        TableWriter rows(m_sink, "plan_items",
                         {"id", "revision_id", "position", "exercise_id", "snapshot", "sets", "reps", "hold_s",
                          "rest_s", "per_day", "days_per_week", "side", "tempo_s", "note"});
        for (std::int64_t id = 1; id <= revisions; ++id) {
            const std::size_t e = m_rng() % m_ex.exercises.size();
            const Exercise& ex = m_ex.exercises[e];
            const std::string qualified = ex.qualifiedId();
            const Dosage& d = ex.dosage;
            rows({id, id, std::int64_t{0}, text(qualified), text(m_ex.snapshots[e]), std::int64_t{d.sets},
                  std::int64_t{d.reps}, std::int64_t{d.hold_s}, std::int64_t{d.rest_s}, std::int64_t{d.perDay},
                  std::int64_t{d.daysPerWeek}, toString(d.side), std::int64_t{d.tempo_s}, std::string_view("")});
        }
    }

    // A patient's visits run back from their last one, a week or three apart, and are
    // written in visit order across the clinic.
    void notes()
    {
        std::vector<NoteRow> notes;
        notes.reserve(kNotes);
        std::vector<int> count(kPatients + 1, 0);
        for (int i = 0; i < kNotes; ++i)
            ++count[1 + static_cast<int>(m_rng() % kPatients)];
        for (int id = 1; id <= kPatients; ++id) {
            long visit = m_lastVisit[id];
            for (int k = 0; k < count[id]; ++k) {
                notes.push_back({id, visit});
                visit -= 7 + static_cast<long>(m_rng() % 15);
            }
        }
        std::sort(notes.begin(), notes.end(),
                  [](const NoteRow& a, const NoteRow& b) { return a.visitDays < b.visitDays; });
        std::vector<PsfsRow> psfs;
        psfs.reserve(notes.size() * 2);
        {
            TableWriter rows(m_sink, "follow_up_notes",
                             {"id", "patient_id", "revision_id", "visit_date", "pain_now", "pain_worst",
                              "sessions_done", "sessions_prescribed", "subjective", "objective", "assessment",
                              "plan_text", "next_due", "author", "created_at"});
            std::int64_t noteId = 0;
            for (const NoteRow& n : notes) {
                const bool latest = n.visitDays == m_lastVisit[n.patient];
                std::optional<long> nextDue;
                if (!latest)
                    nextDue = m_rng() % 5 != 0 ? std::optional<long>(n.visitDays + 14) : std::nullopt;
                else if (m_today - n.visitDays <= 60) // in treatment now
                    nextDue = n.visitDays + 7 + static_cast<long>(m_rng() % 36);
                else if (m_rng() % 33 == 0) // lost to follow-up: overdue ever since
                    nextDue = n.visitDays + 14;
                Value revision;
                if (m_rng() % 5 != 0)
                    revision = std::int64_t{(n.patient - 1) * kPlansPerPatient * kRevisionsPerPlan + 1 +
                                            static_cast<int>(m_rng() % (kPlansPerPatient * kRevisionsPerPlan))};
                const std::string visit = Date::fromDays(n.visitDays).toString();
                const std::int64_t pain = m_rng() % 11;
                const char* soap[4];
                for (const char*& s : soap)
                    s = kSoap[m_rng() % std::size(kSoap)];
                const std::string due = nextDue ? Date::fromDays(*nextDue).toString() : "";
                const std::string created = visit + "T10:00:00.000Z";
                rows({++noteId, std::int64_t{n.patient}, revision, text(visit), pain, std::int64_t{8}, std::int64_t{9},
                      std::int64_t{14}, std::string_view(soap[0]), std::string_view(soap[1]),
                      std::string_view(soap[2]), std::string_view(soap[3]), nextDue ? text(due) : Value{},
                      std::string_view("pt.bench"), text(created)});
                for (int s = 0; s < 2; ++s)
                    psfs.push_back({noteId, s, static_cast<int>(m_rng() % 11)});
            }
        }
        TableWriter rows(m_sink, "psfs_scores", {"note_id", "position", "activity", "score"});
        for (const PsfsRow& p : psfs)
            rows({p.note, std::int64_t{p.position}, std::string_view(kActivities[p.position]), std::int64_t{p.score}});
    }

    RowSink& m_sink;
    const ExerciseSnapshots& m_ex;
    std::mt19937 m_rng{2026};
    const long m_today = kToday.toDays();
    std::vector<long> m_lastVisit;
};

} // namespace

ExerciseSnapshots loadExerciseSnapshots(const std::string& pluginsDir)
{
    const CatalogLoad builtIn = loadCatalog({{pluginsDir, PluginOrigin::BuiltIn}});
    ExerciseSnapshots out;
    out.exercises = builtIn.catalog.exercises();
    if (out.exercises.empty())
        throw std::runtime_error("no exercises in " + pluginsDir);
    for (const Exercise& ex : out.exercises)
        out.snapshots.push_back(toJson(ex).dump());
    return out;
}

void generateClinicRows(RowSink& sink, const ExerciseSnapshots& exercises)
{
    Generator(sink, exercises).run();
}

const std::vector<std::string>& tablesWithGeneratedIds()
{
    static const std::vector<std::string> tables{"patients", "plans", "plan_revisions", "plan_items",
                                                 "follow_up_notes"};
    return tables;
}

} // namespace sp::bench
