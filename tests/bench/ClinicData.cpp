#include "ClinicData.h"

#include "core/ExerciseJson.h"
#include "core/TextFold.h"
#include "db/sqlite/SqliteStore.h"
#include "pluginhost/PluginHost.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace sp::bench {
namespace {

std::string stampOf()
{
    return "clinic-db generator " + std::to_string(kGeneratorVersion) + " patients " + std::to_string(kPatients) +
           " notes " + std::to_string(kNotes) + "\n";
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct NoteRow {
    int patient;
    long visitDays;
};

const char* const kSoap[] = {
    "Less stiff in the mornings; sitting for long still aggravates.",
    "Pain after gardening at the weekend, settled within a day.",
    "Walking 30 minutes without leg symptoms; sleep improving.",
    "Flexion to mid-shin, extension full and pain-free.",
    "SLR 70° both sides, neuro screen clear, no red flags.",
    "Improving as expected; directional preference for extension holds.",
    "Continue the programme, add the bridge hold, review in two weeks.",
};

} // namespace

const std::vector<std::string>& firstNames()
{
    static const std::vector<std::string> names{
        "José", "Zoë", "María", "Łukasz", "Søren", "Chloé", "Jürgen", "Anaïs", "Siobhán", "Nguyễn", "Ana", "Tomás",
        "Emma", "Olivia", "Noah", "Liam", "Amelia", "Ava", "Lucas", "Mia", "Ella", "Oscar", "Freya", "Jack",
        "Isla", "Leo", "Harper", "Mateo", "Sofía", "Hugo", "Inès", "Matthias", "Agnieszka", "Björn", "Dmitri",
        "Aoife", "Kofi", "Amara", "Priya", "Arjun", "Yusuf", "Fatima", "Chen", "Mei", "Hiroshi", "Yuki",
        "Élodie", "François", "Gökhan", "Ayşe"};
    return names;
}

const std::vector<std::string>& lastNames()
{
    static const std::vector<std::string> names{
        "Álvarez", "Núñez", "Łukasik", "Müller", "O'Brien", "García López", "Smith", "Jones", "Williams",
        "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Walker", "Wright",
        "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Martin",
        "Jackson", "Clarke", "Lewis", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Dubois", "Lefèvre", "Moreau", "Rossi", "Russo", "Ferrari", "Esposito", "Kowalski", "Nowak",
        "Wiśniewski", "Kovačević", "Horvát", "Novák", "Svensson", "Johansson", "Nielsen", "Hansen", "Sánchez",
        "Pérez", "Gómez", "Fernández", "Rodríguez", "Martínez", "Silva", "Santos", "Oliveira", "Costa",
        "Papadopoulos", "Yılmaz", "Kaya", "Demir", "Tanaka", "Suzuki", "Wang", "Li", "Zhang", "Liu", "Patel",
        "Singh", "Kumar", "Okafor", "Mensah", "Haddad", "Cohen", "Levi", "Murphy", "Kelly", "Byrne", "Ryan",
        "MacDonald", "Campbell", "Stewart", "Anderson", "Scott", "Reid", "Ross", "Fraser", "Grant", "Ó Súilleabháin",
        "van der Berg", "de Vries"};
    return names;
}

std::string asciiUpper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return c < 0x80 ? static_cast<char>(std::toupper(c)) : static_cast<char>(c); });
    return text;
}

// No ANALYZE: the store never runs it, so the benchmark must not plan with statistics
// a clinic's file would not have.
static void fillDatabase(const fs::path& part, const std::vector<Exercise>& exercises, const std::vector<std::string>& snapshots)
{
    SQLite::Database db(part, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA synchronous = OFF"); // generating only; what is measured uses the store
    SQLite::Transaction tx(db);
    std::mt19937 rng(2026);
    const auto& first = firstNames();
    const auto& last = lastNames();
    const std::string created = "2026-01-01T09:00:00.000Z";

    // Each patient's last visit, spread over eight years: most are long discharged.
    std::vector<long> lastVisit(kPatients + 1);
    const long today = kToday.toDays();
    {
        SQLite::Statement patient(db, "INSERT INTO patients (id, name, date_of_birth, email, phone, clinician, "
                                      "archived, notes, preference, created_at, updated_at, folded_name) "
                                      "VALUES (?1, ?2, ?3, ?4, '', 'Dr Rivera', ?5, '', 'unknown', ?6, ?6, ?7)");
        SQLite::Statement word(db, "INSERT OR IGNORE INTO patient_name_words (word, patient_id) VALUES (?1, ?2)");
        for (int id = 1; id <= kPatients; ++id) {
            std::string name = first[rng() % first.size()] + " " + last[rng() % last.size()];
            if (rng() % 10 == 0)
                name += "-" + last[rng() % last.size()];
            const std::string folded = foldForSearch(name);
            lastVisit[id] = today - 1 - static_cast<long>(rng() % 2920);
            const bool archived = today - lastVisit[id] > 1000 && rng() % 4 == 0;
            patient.bind(1, id);
            patient.bind(2, name);
            patient.bind(3, Date::fromDays(today - 6000 - static_cast<long>(rng() % 25000)).toString());
            patient.bind(4, "patient" + std::to_string(id) + "@example.org");
            patient.bind(5, archived ? 1 : 0);
            patient.bind(6, created);
            patient.bind(7, folded);
            patient.exec();
            patient.reset();
            for (const std::string& w : splitWords(folded)) {
                word.bind(1, w);
                word.bind(2, id);
                word.exec();
                word.reset();
            }
        }
    }
    {
        SQLite::Statement plan(db, "INSERT INTO plans (id, patient_id, title, status, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)");
        SQLite::Statement revision(db, "INSERT INTO plan_revisions (id, plan_id, number, created_at, author, reason, "
                                       "goals) VALUES (?1, ?2, ?3, ?4, 'pt.bench', ?5, '[\"Walk the dog\"]')");
        SQLite::Statement item(db, "INSERT INTO plan_items (revision_id, position, exercise_id, snapshot, sets, reps, "
                                   "hold_s, rest_s, per_day, days_per_week, side, tempo_s, note) "
                                   "VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, '')");
        int planId = 0, revisionId = 0;
        for (int patientId = 1; patientId <= kPatients; ++patientId)
            for (int p = 0; p < kPlansPerPatient; ++p) {
                plan.bind(1, ++planId);
                plan.bind(2, patientId);
                plan.bind(3, p == 0 ? "Low back" : "Hip and knee");
                plan.bind(4, p == 0 ? "closed" : "active");
                plan.bind(5, created);
                plan.exec();
                plan.reset();
                for (int r = 1; r <= kRevisionsPerPlan; ++r) {
                    revision.bind(1, ++revisionId);
                    revision.bind(2, planId);
                    revision.bind(3, r);
                    revision.bind(4, created);
                    revision.bind(5, r == 1 ? "First visit" : "Progress");
                    revision.exec();
                    revision.reset();
                    const std::size_t e = rng() % exercises.size();
                    const Exercise& ex = exercises[e];
                    item.bind(1, revisionId);
                    item.bind(2, ex.qualifiedId());
                    item.bind(3, snapshots[e]);
                    item.bind(4, ex.dosage.sets);
                    item.bind(5, ex.dosage.reps);
                    item.bind(6, ex.dosage.hold_s);
                    item.bind(7, ex.dosage.rest_s);
                    item.bind(8, ex.dosage.perDay);
                    item.bind(9, ex.dosage.daysPerWeek);
                    item.bind(10, std::string(toString(ex.dosage.side)));
                    item.bind(11, ex.dosage.tempo_s);
                    item.exec();
                    item.reset();
                }
            }
    }
    {
        // Notes: a patient's visits run back from their last one, a week or three apart.
        std::vector<NoteRow> notes;
        notes.reserve(kNotes);
        std::vector<int> count(kPatients + 1, 0);
        for (int i = 0; i < kNotes; ++i)
            ++count[1 + static_cast<int>(rng() % kPatients)];
        for (int id = 1; id <= kPatients; ++id) {
            long visit = lastVisit[id];
            for (int k = 0; k < count[id]; ++k) {
                notes.push_back({id, visit});
                visit -= 7 + static_cast<long>(rng() % 15);
            }
        }
        // Inserted in visit order across the clinic, as they were written.
        std::sort(notes.begin(), notes.end(),
                  [](const NoteRow& a, const NoteRow& b) { return a.visitDays < b.visitDays; });
        SQLite::Statement note(db, "INSERT INTO follow_up_notes (patient_id, revision_id, visit_date, pain_now, "
                                   "pain_worst, sessions_done, sessions_prescribed, subjective, objective, "
                                   "assessment, plan_text, next_due, author, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, 9, 14, ?6, ?7, ?8, ?9, ?10, 'pt.bench', ?11)");
        SQLite::Statement psfs(db, "INSERT INTO psfs_scores (note_id, position, activity, score) VALUES (?1, ?2, ?3, ?4)");
        for (const NoteRow& n : notes) {
            const bool latest = n.visitDays == lastVisit[n.patient];
            std::optional<long> nextDue;
            if (!latest)
                nextDue = rng() % 5 != 0 ? std::optional<long>(n.visitDays + 14) : std::nullopt;
            else if (today - n.visitDays <= 60) // in treatment now
                nextDue = n.visitDays + 7 + static_cast<long>(rng() % 36);
            else if (rng() % 33 == 0) // lost to follow-up: overdue ever since
                nextDue = n.visitDays + 14;
            note.bind(1, n.patient);
            if (rng() % 5 == 0)
                note.bind(2);
            else
                note.bind(2, (n.patient - 1) * kPlansPerPatient * kRevisionsPerPlan + 1 +
                                 static_cast<int>(rng() % (kPlansPerPatient * kRevisionsPerPlan)));
            note.bind(3, Date::fromDays(n.visitDays).toString());
            note.bind(4, static_cast<int>(rng() % 11));
            note.bind(5, 8);
            for (int s = 0; s < 4; ++s)
                note.bind(6 + s, kSoap[rng() % std::size(kSoap)]);
            if (nextDue)
                note.bind(10, Date::fromDays(*nextDue).toString());
            else
                note.bind(10);
            note.bind(11, Date::fromDays(n.visitDays).toString() + "T10:00:00.000Z");
            note.exec();
            note.reset();
            const std::int64_t noteId = db.getLastInsertRowid();
            for (int s = 0; s < 2; ++s) {
                psfs.bind(1, static_cast<int64_t>(noteId));
                psfs.bind(2, s);
                psfs.bind(3, s == 0 ? "Putting on socks" : "Driving 30 minutes");
                psfs.bind(4, static_cast<int>(rng() % 11));
                psfs.exec();
                psfs.reset();
            }
        }
    }
    tx.commit();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}


int makeClinicDatabase(const fs::path& file, const fs::path& pluginsDir)
{
    const fs::path stamp = fs::path(file.string() + ".generator");
    if (fs::exists(file) && fs::exists(stamp) && readAll(stamp) == stampOf()) {
        std::printf("clinic database: up to date (%s)\n", file.filename().c_str());
        return 0;
    }
    const auto started = std::chrono::steady_clock::now();
    const fs::path part = fs::path(file.string() + ".part");
    for (const fs::path& old : {file, part, stamp, fs::path(file.string() + "-wal"), fs::path(file.string() + "-shm"),
                                fs::path(part.string() + "-wal"), fs::path(part.string() + "-shm")})
        fs::remove(old);

    // The schema comes from the store itself: every migration, with its triggers.
    {
        db::StoreOptions options;
        options.actor = "bench";
        db::openSqliteStore(part, options);
    }
    const CatalogLoad builtIn = loadCatalog({{pluginsDir, PluginOrigin::BuiltIn}});
    const std::vector<Exercise>& exercises = builtIn.catalog.exercises();
    if (exercises.empty()) {
        std::fprintf(stderr, "no exercises in %s\n", pluginsDir.c_str());
        return 1;
    }
    std::vector<std::string> snapshots;
    for (const Exercise& ex : exercises)
        snapshots.push_back(toJson(ex).dump());

    fillDatabase(part, exercises, snapshots);
    fs::rename(part, file);
    std::ofstream(stamp) << stampOf();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("clinic database: made %s in %.0f s\n", file.filename().c_str(), s);
    return 0;
}

} // namespace sp::bench
