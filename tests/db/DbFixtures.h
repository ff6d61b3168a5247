// Shared helpers for the clinic database tests: throw-away folders, a store on a fresh
// file, valid records that tests change one field at a time, and raw access to the file
// behind the store's back.
#pragma once

#include "core/ExerciseJson.h"
#include "core/JsonText.h"
#include "TestBackend.h"
#include "db/ClinicStore.h"
#include "db/OpenStore.h"
#include "db/sqlite/SqliteStore.h"
#include "db/store/SharedStore.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace sp::test {

inline bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

// A temporary folder removed at the end of the test.
class TempDir {
public:
    TempDir()
    {
        static int counter = 0;
        m_path = std::filesystem::temp_directory_path() /
                 ("sp-dbtest-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() { std::filesystem::remove_all(m_path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// A clock that moves one second per call, so that stored timestamps are predictable.
inline std::function<std::string()> steppingClock(int startSecond = 0)
{
    auto second = std::make_shared<int>(startSecond);
    return [second] {
        const int s = (*second)++;
        char text[40];
        std::snprintf(text, sizeof text, "2025-03-01T%02d:%02d:%02d.000Z", (s / 3600) % 24, (s / 60) % 60, s % 60);
        return std::string(text);
    };
}

inline db::StoreOptions testOptions(const std::string& actor = "pt.rivera")
{
    db::StoreOptions options;
    options.actor = actor;
    return options;
}

// A fresh clinic database of the engine under test (a file in `dir`, or a database on the
// test server), and a store on it.
struct StoreFixture {
    TempDir dir;
    TestDatabase database = freshDatabase(dir.path());
    std::filesystem::path file = database.file; // SQLite only
    std::unique_ptr<db::ClinicStore> store = db::openClinicStore(database.location, testOptions());

    // Another store on the same database, with other options (a clock, an actor).
    std::unique_ptr<db::ClinicStore> open(const db::StoreOptions& options) const
    {
        return db::openClinicStore(database.location, options);
    }
};

inline Exercise sampleExercise(const std::string& pack = "lumbar", const std::string& id = "prone-press-up")
{
    const Json document = Json::parse(R"({
      "id": "placeholder",
      "name": "Prone press-up",
      "aliases": ["Cobra"],
      "summary": "Eases low back pain that is better when you stand tall.",
      "type": "mobility",
      "regions": ["lumbar"],
      "directions": ["extension"],
      "position": "prone",
      "equipment": [],
      "start_position": "Lie on your front, hands under your shoulders.",
      "steps": ["Press up slowly.", "Keep your hips down.", "Lower again."],
      "cues": ["Let your back sag."],
      "common_mistakes": ["Lifting the hips."],
      "precautions": ["Stop if pain spreads down your leg."],
      "dosage": {"sets": 1, "reps": 10, "hold_s": 2, "rest_s": 0, "per_day": 3,
                 "days_per_week": 7, "side": "both", "tempo_s": 3},
      "progressions": [],
      "regressions": ["prone-lying"],
      "media": {"images": []}
    })");
    std::vector<Problem> problems;
    ProblemSink sink("fixture", problems);
    auto exercise = parseExercise(document, sink);
    if (!exercise)
        throw std::logic_error("the fixture exercise does not parse: " + problems.front().format());
    exercise->id = id;
    exercise->pack = pack;
    return *exercise;
}

inline PlanItem sampleItem(const std::string& id = "prone-press-up")
{
    PlanItem item;
    item.snapshot = sampleExercise("lumbar", id);
    item.exerciseId = item.snapshot.qualifiedId();
    item.dosage = item.snapshot.dosage;
    item.dosage.sets = 2;
    item.note = "Only to the point of mild stretch.";
    return item;
}

inline PlanRevision sampleRevision(const std::string& reason = "First visit")
{
    PlanRevision r;
    r.reason = reason;
    r.goals = {"Sit through a school run without pain", "Sleep through the night"};
    r.items = {sampleItem("prone-press-up"), sampleItem("cat-camel")};
    return r;
}

inline Patient samplePatient(const std::string& name = "José Álvarez")
{
    Patient p;
    p.name = name;
    p.dateOfBirth = Date{1980, 4, 12};
    p.email = "jose@example.org";
    p.phone = "+34 600 123 456";
    p.clinician = "Dr Rivera";
    p.notes = "Prefers morning appointments.";
    p.preference = DirectionalPreference::ExtensionRelieves;
    return p;
}

inline FollowUpNote sampleNote(std::int64_t patientId, Date visit = Date{2025, 3, 1})
{
    FollowUpNote n;
    n.patientId = patientId;
    n.visitDate = visit;
    n.painNow = 4;
    n.painWorst = 7;
    n.painBest = 2;
    n.sessionsDone = 10;
    n.sessionsPrescribed = 14;
    n.psfs = {{"Putting on socks", 6}, {"Driving 30 minutes", 4}};
    n.subjective = "Better in the mornings.";
    n.objective = "Flexion 60°, extension full.";
    n.assessment = "Improving.";
    n.planText = "Continue; add walking.";
    n.nextDue = visit.plusDays(14);
    return n;
}

inline std::string readBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeBytes(const std::filesystem::path& file, const std::string& bytes)
{
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// A connection that bypasses the store: for tampering and for rows an older version wrote.
inline SQLite::Database rawConnection(const std::filesystem::path& file)
{
    SQLite::Database db(file, SQLite::OPEN_READWRITE, 5000);
    db.exec("PRAGMA foreign_keys = ON");
    return db;
}

inline long long countRows(const std::filesystem::path& file, const std::string& table)
{
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    SQLite::Statement st(db, "SELECT count(*) FROM " + table);
    st.executeStep();
    return st.getColumn(0).getInt64();
}

// The first column of the first row of `sql`, read through the store's own session.
inline long long storeScalar(db::ClinicStore& store, const std::string& sql)
{
    db::store::Statement st(*db::store::contextOf(store).session, sql);
    if (!st.executeStep())
        throw std::logic_error("no row from: " + sql);
    return st.getColumn(0).getInt64();
}

// True when tampering with `sql` around the store is refused by the database itself (a
// trigger or a constraint: on the server even its superuser is refused). A mistake in the
// SQL is not a refusal.
inline bool refused(const TestDatabase& database, const std::string& sql)
{
    try {
        tamper(database, sql);
    } catch (const SQLite::Exception& e) {
        return !onPostgres() && !contains(e.what(), "syntax error") && !contains(e.what(), "no such");
    } catch (const std::runtime_error& e) {
        return onPostgres() && !contains(e.what(), "syntax error") && !contains(e.what(), "does not exist");
    }
    return false;
}

// Runs `action`, which must throw DbError of `kind`; returns the error for more checks.
template <class Action> db::DbError expectDbError(db::DbErrorKind kind, Action&& action)
{
    try {
        action();
    } catch (const db::DbError& e) {
        if (e.kind() != kind)
            throw std::logic_error("expected DbError kind " + std::to_string(static_cast<int>(kind)) + ", got " +
                                   std::to_string(static_cast<int>(e.kind())) + ": " + e.what());
        return e;
    }
    throw std::logic_error("expected a DbError, nothing was thrown");
}

inline bool hasFieldError(const db::DbError& e, const std::string& field)
{
    for (const FieldError& f : e.fieldErrors())
        if (f.field == field)
            return true;
    return false;
}

} // namespace sp::test
