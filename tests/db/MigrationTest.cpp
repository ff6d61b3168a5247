// Migrations: a database left at any older version, holding the rows that version wrote,
// opens in this build with every row readable through the repositories.
#include "DbFixtures.h"

#include "core/TextFold.h"
#include "db/store/AuditChain.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

// An override reason: free text about patient 7, which a purge must take away.
const std::string kOldReason = "Jos\u00e9 has saddle numbness \"since Monday\"; referred";

// A logo as version 4 stored it: a BLOB, NULs and all.
const std::string kStoredLogo = std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0logo\0bytes", 11);

void bindAll(SQLite::Statement&) {}
template <class First, class... Rest> void bindAll(SQLite::Statement& st, First&& first, Rest&&... rest)
{
    const int index = st.getBindParameterCount() - static_cast<int>(sizeof...(Rest));
    if constexpr (std::is_same_v<std::decay_t<First>, std::nullptr_t>)
        st.bind(index);
    else
        st.bind(index, first);
    bindAll(st, std::forward<Rest>(rest)...);
}

template <class... Values> void insert(SQLite::Database& db, const std::string& sql, Values&&... values)
{
    SQLite::Statement st(db, sql);
    bindAll(st, std::forward<Values>(values)...);
    st.exec();
}

// The rows an older StretchPlan at `version` would have written, with raw SQL.
void writeRowsOfVersion(const std::filesystem::path& file, int version)
{
    auto db = rawConnection(file);
    if (version >= 1) {
        insert(db, "INSERT INTO patients (id, name, date_of_birth, email, phone, clinician, archived, notes, "
                   "preference, screening_date, screening_answers, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               int64_t{7}, std::string("José Álvarez"), std::string("1980-04-12"), std::string("jose@example.org"),
               std::string("+34 600 123 456"), std::string("Dr Rivera"), 0, std::string("Likes 'quotes'; -- and %_"),
               std::string("extension-relieves"), std::string("2024-01-05"),
               std::string(R"([{"flag":"lumbar/saddle-anaesthesia","present":false}])"),
               std::string("2024-01-05T09:00:00Z"), std::string("2024-01-05T09:00:00Z"));
        insert(db, "INSERT INTO plans (id, patient_id, title, status, created_at) VALUES (?, ?, ?, ?, ?)",
               int64_t{3}, int64_t{7}, std::string("Low back"), std::string("active"),
               std::string("2024-01-05T09:10:00Z"));
        insert(db, "INSERT INTO plan_revisions (id, plan_id, number, created_at, author, reason, goals) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
               int64_t{11}, int64_t{3}, 1, std::string("2024-01-05T09:10:00Z"), std::string("pt.old"),
               std::string("First visit"), std::string(R"(["Walk the dog"])"));
        const PlanItem item = sampleItem();
        insert(db, "INSERT INTO plan_items (revision_id, position, exercise_id, snapshot, sets, reps, hold_s, "
                   "rest_s, per_day, days_per_week, side, tempo_s, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               int64_t{11}, 0, item.exerciseId, toJson(item.snapshot).dump(), item.dosage.sets, item.dosage.reps,
               item.dosage.hold_s, item.dosage.rest_s, item.dosage.perDay, item.dosage.daysPerWeek,
               std::string(toString(item.dosage.side)), item.dosage.tempo_s, item.note);
    }
    if (version >= 2) {
        insert(db, "INSERT INTO follow_up_notes (id, patient_id, revision_id, visit_date, pain_now, pain_worst, "
                   "pain_best, sessions_done, sessions_prescribed, subjective, objective, assessment, plan_text, "
                   "next_due, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               int64_t{21}, int64_t{7}, int64_t{11}, std::string("2024-01-19"), 3, 6, nullptr, 9, 14,
               std::string("Better"), std::string(""), std::string("Improving"), std::string("Continue"),
               std::string("2024-02-02"), std::string("pt.old"), std::string("2024-01-19T10:00:00Z"));
        insert(db, "INSERT INTO psfs_scores (note_id, position, activity, score) VALUES (?, ?, ?, ?)", int64_t{21},
               0, std::string("Lifting groceries"), 5);
        insert(db, "INSERT INTO handout_log (id, patient_id, revision_id, channel, recipient, sha256, at, author) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               int64_t{31}, int64_t{7}, int64_t{11}, std::string("email"), std::string("jose@example.org"),
               std::string(64, 'a'), std::string("2024-01-05T09:20:00Z"), std::string("pt.old"));
        AuditEntry e;
        e.at = "2024-01-05T09:20:00Z";
        e.actor = "pt.old";
        e.action = "create";
        e.entity = "handout";
        e.entityId = 31;
        e.patientId = 7;
        e.details = R"({"channel":"email"})";
        e.hash = auditEntryHash(e);
        insert(db, "INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, details, prev_hash, "
                   "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               e.at, e.actor, e.action, e.entity, e.entityId, *e.patientId, e.details, e.prevHash, e.hash);
        // An override: before version 9 its reason was part of the chained details.
        AuditEntry o = e;
        o.prevHash = e.hash;
        o.at = "2024-01-05T09:21:00Z";
        o.action = "override";
        o.entity = "revision";
        o.entityId = 11;
        if (version < 9) {
            o.details = Json{{"action", "export"}, {"blockers", {"redflag.not-screened"}}, {"reason", kOldReason}}.dump();
            o.hash = auditEntryHash(o);
            insert(db, "INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, details, prev_hash, "
                       "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   o.at, o.actor, o.action, o.entity, o.entityId, *o.patientId, o.details, o.prevHash, o.hash);
        } else { // the reason apart, chained by its salted digest
            o.details = Json{{"action", "export"}, {"blockers", {"redflag.not-screened"}}}.dump();
            const std::string digest = auditTextDigest("0123456789abcdef0123456789abcdef", kOldReason);
            o.hash = auditEntryHashV2(o, digest);
            insert(db, "INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, details, prev_hash, "
                       "hash, format, text_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?)",
                   o.at, o.actor, o.action, o.entity, o.entityId, *o.patientId, o.details, o.prevHash, o.hash, digest);
            insert(db, "INSERT INTO audit_texts (entry_id, patient_id, salt, text) VALUES (2, 7, ?, ?)",
                   std::string("0123456789abcdef0123456789abcdef"), kOldReason);
        }
    }
    if (version >= 3) { // what this version's own code keeps beside each name
        const std::string folded = foldForSearch("José Álvarez");
        insert(db, "UPDATE patients SET folded_name = ? WHERE id = 7", folded);
        for (const std::string& word : splitWords(folded))
            insert(db, "INSERT INTO patient_name_words (word, patient_id) VALUES (?, 7)", word);
    }
    if (version >= 4) {
        SQLite::Statement st(db, "INSERT INTO clinic_profile (id, name, address, phone, email, web, accent, footer, "
                                 "logo, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bindAll(st, std::string("Riverside Physiotherapy"), std::string("12 Mill Lane\nRiverside"),
                std::string("555-0100"), std::string("info@example.org"), std::string("https://example.org"),
                std::string("#1B7F6B"), std::string("Stop if unsure."), nullptr, std::string("2024-01-05T09:00:00Z"));
        st.bind(8, kStoredLogo.data(), static_cast<int>(kStoredLogo.size()));
        st.exec();
    }
    if (version >= 5) // an e-mailed handout with its Message-ID
        insert(db, "INSERT INTO handout_log (id, patient_id, revision_id, channel, recipient, sha256, at, author, "
                   "message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               int64_t{32}, int64_t{7}, int64_t{11}, std::string("email"), std::string("jose@example.org"),
               std::string(64, 'b'), std::string("2024-02-01T09:00:00Z"), std::string("pt.old"),
               std::string("<0123abcd.1706778000@example.org>"));
    if (version >= 7) { // note 21 amended once: version 1 kept, the row at version 2
        insert(db, "INSERT INTO note_versions (note_id, version, revision_id, visit_date, pain_now, pain_worst, "
                   "pain_best, sessions_done, sessions_prescribed, subjective, objective, assessment, plan_text, "
                   "next_due, written_by, written_at, reason) SELECT id, version, revision_id, visit_date, pain_now, "
                   "pain_worst, pain_best, sessions_done, sessions_prescribed, subjective, objective, assessment, "
                   "plan_text, next_due, author, created_at, NULL FROM follow_up_notes WHERE id = ?",
               int64_t{21});
        insert(db, "INSERT INTO note_version_psfs (note_id, version, position, activity, score) "
                   "SELECT note_id, 1, position, activity, score FROM psfs_scores WHERE note_id = ?", int64_t{21});
        insert(db, "UPDATE follow_up_notes SET pain_now = 2, version = 2, amended_by = ?, amended_at = ?, "
                   "amend_reason = ? WHERE id = 21",
               std::string("pt.new"), std::string("2024-01-20T08:00:00Z"), std::string("Pain misread"));
    }
}

void expectRowsReadable(ClinicStore& store, int version)
{
    if (version < 1) {
        BOOST_TEST(store.patients().search({}).empty());
        BOOST_TEST(!store.clinic().get().has_value());
        return;
    }
    const Patient p = store.patients().get(7);
    BOOST_TEST(p.name == "José Álvarez");
    BOOST_TEST(p.notes == "Likes 'quotes'; -- and %_");
    BOOST_TEST((p.dateOfBirth == Date{1980, 4, 12}));
    BOOST_TEST((p.preference == DirectionalPreference::ExtensionRelieves));
    BOOST_TEST_REQUIRE(p.screening.has_value());
    BOOST_TEST(p.screening->answers.size() == 1u);
    // Found by the word index the version-3 post-step built from the stored names.
    BOOST_TEST(store.patients().search({"jose"}).size() == 1u);
    BOOST_TEST(store.patients().search({"ALV"}).size() == 1u);
    const PlanRevision r = store.plans().revision(3);
    BOOST_TEST(r.id == 11);
    BOOST_TEST_REQUIRE(r.items.size() == 1u);
    BOOST_TEST((r.items[0] == sampleItem()));
    BOOST_TEST(store.plans().get(3).latestRevision == 1);
    if (version >= 2) {
        const auto notes = store.notes().listForPatient(7);
        BOOST_TEST_REQUIRE(notes.size() == 1u);
        BOOST_TEST(notes[0].psfs.size() == 1u);
        BOOST_TEST(!notes[0].painBest.has_value());
        const auto versions = store.notes().versions(21);
        BOOST_TEST_REQUIRE(versions.size() == (version >= 7 ? 2u : 1u));
        BOOST_TEST(versions[0].note.painNow == 3);
        BOOST_TEST(versions[0].note.psfs.size() == 1u);
        BOOST_TEST(notes[0].painNow == (version >= 7 ? 2 : 3));
        if (version >= 7)
            BOOST_TEST(versions[1].reason == "Pain misread");
        const auto handouts = store.handouts().listForPatient(7); // newest first
        BOOST_TEST_REQUIRE(handouts.size() == (version >= 5 ? 2u : 1u));
        BOOST_TEST(handouts.back().messageId == ""); // logged before Message-IDs were kept
        if (version >= 5)
            BOOST_TEST(handouts.front().messageId == "<0123abcd.1706778000@example.org>");
        // The follow-ups-due list, kept from each patient's latest note, starts from the
        // notes already there.
        const auto due = store.notes().due(Date{2024, 12, 31});
        BOOST_TEST_REQUIRE(due.size() == 1u);
        BOOST_TEST((due[0].due == Date{2024, 2, 2}));
        BOOST_TEST((due[0].lastVisit == Date{2024, 1, 19}));
        // Migration 9 moved the override's reason out of the chained details.
        const auto audit = store.audit().list({7});
        BOOST_TEST_REQUIRE(audit.size() >= 2u);
        const AuditEntry& overridden = audit.at(audit.size() - 2);
        BOOST_TEST(overridden.action == "override");
        BOOST_TEST(overridden.freeText == kOldReason);
        BOOST_TEST(overridden.details == R"({"action":"export","blockers":["redflag.not-screened"]})");
    }
    const std::optional<ClinicProfile> clinic = store.clinic().get();
    if (version >= 4) {
        BOOST_TEST_REQUIRE(clinic.has_value());
        BOOST_TEST(clinic->name == "Riverside Physiotherapy");
        BOOST_TEST(clinic->address == "12 Mill Lane\nRiverside");
        BOOST_TEST(clinic->accent == "#1B7F6B");
        BOOST_TEST(clinic->logo == kStoredLogo);
    } else {
        BOOST_TEST(!clinic.has_value()); // the demo branding stands in until one is set
    }
    // And the migrated rows take new ones: a note on the old revision, a new revision.
    auto note = sampleNote(7, Date{2024, 3, 1});
    note.revisionId = 11;
    store.notes().add(note);
    // A later visit decides from now on.
    BOOST_TEST_REQUIRE(store.notes().due(Date{2024, 12, 31}).size() == 1u);
    BOOST_TEST((store.notes().due(Date{2024, 12, 31})[0].due == *note.nextDue));
    BOOST_TEST(store.plans().revise(3, sampleRevision("Progress"), 1) == 2);
    ClinicProfile edited = clinic.value_or(ClinicProfile{});
    edited.name = "Riverside Physio";
    store.clinic().set(edited);
    BOOST_TEST(store.clinic().get()->name == "Riverside Physio");
}

// A file left at `version` with that version's rows, opened by this build.
void openFromVersion(int version)
{
    TempDir dir;
    const auto file = dir / "clinic.db";
    createSchemaAtVersion(file, version);
    writeRowsOfVersion(file, version);
    auto store = openSqliteStore(file, testOptions());
    BOOST_TEST(store->schemaVersion() == latestSchemaVersion());
    expectRowsReadable(*store, version);
    const CheckReport report = store->check();
    BOOST_TEST(report.integrity.ok, report.integrity.detail);
    BOOST_TEST(report.foreignKeys.ok, report.foreignKeys.detail);
    BOOST_TEST(report.auditChain.ok, report.auditChain.detail);
    BOOST_TEST(report.auditAnchor.ok, report.auditAnchor.detail);
    if (version < 2)
        return;
    // The reason goes with the patient, and the chain still verifies without it.
    store->patients().purge(7);
    const CheckReport afterPurge = store->check();
    BOOST_TEST(afterPurge.auditChain.ok, afterPurge.auditChain.detail);
    BOOST_TEST(afterPurge.auditAnchor.ok, afterPurge.auditAnchor.detail);
    BOOST_TEST(contains(afterPurge.auditChain.detail, "by their links alone") == (version < 9),
               afterPurge.auditChain.detail);
    store.reset();
    BOOST_TEST(!contains(readBytes(file), "saddle numbness"));
}

} // namespace

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(are_embedded_numbered_without_gaps_and_recorded)
{
    StoreFixture f;
    const int latest = latestSchemaVersionFor(f.database.location);
    BOOST_TEST(latest >= 4);
    BOOST_TEST(f.store->schemaVersion() == latest);
    db::store::Statement st(*db::store::contextOf(*f.store).session,
                            "SELECT version, name FROM schema_migrations ORDER BY version");
    int expected = 1;
    std::vector<std::string> names;
    while (st.executeStep()) {
        BOOST_TEST(st.getColumn(0).getInt() == expected++);
        names.push_back(st.getColumn(1).getString());
    }
    BOOST_TEST(expected - 1 == latest);
    BOOST_TEST(names.at(0) == "patients_and_plans");
    BOOST_TEST(names.at(2) == "patient_name_search");
    BOOST_TEST(names.at(3) == "clinic_profile");
    BOOST_TEST(names.at(4) == "handout_message_id");
    BOOST_TEST(names.at(5) == "latest_notes");
    BOOST_TEST(names.at(6) == "note_versions");
    BOOST_TEST(names.at(8) == "audit_texts");
}

BOOST_AUTO_TEST_CASE(bring_every_older_version_up_to_date_with_its_rows_readable, *boost::unit_test::precondition(sqliteOnly))
{
    for (int version = 0; version < latestSchemaVersion(); ++version) {
        BOOST_TEST_CONTEXT("from schema version " << version)
        {
            openFromVersion(version);
        }
    }
}

// The rows the newest version writes are what the next migration will be tested with:
// they must be right already, while nothing migrates them.
BOOST_AUTO_TEST_CASE(opens_a_file_of_the_latest_version_with_its_rows_readable, *boost::unit_test::precondition(sqliteOnly))
{
    openFromVersion(latestSchemaVersion());
}

// A patient purged before version 9 left their override reason in the audit log: the
// migration takes it out of the file rather than keep it apart for a purge that has been.
BOOST_AUTO_TEST_CASE(drops_the_override_reason_of_a_patient_purged_before_version_9, *boost::unit_test::precondition(sqliteOnly))
{
    TempDir dir;
    const auto file = dir / "clinic.db";
    createSchemaAtVersion(file, 8);
    writeRowsOfVersion(file, 8);
    {
        auto db = rawConnection(file);
        AuditEntry o;
        o.prevHash = db.execAndGet("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").getString();
        o.at = "2024-03-01T10:00:00Z";
        o.actor = "pt.old";
        o.action = "override";
        o.entity = "revision";
        o.entityId = 40;
        o.patientId = 40; // purged long ago
        o.details = Json{{"action", "print"}, {"blockers", {"redflag.present"}}, {"reason", "Xavier Quux said yes"}}.dump();
        o.hash = auditEntryHash(o);
        insert(db, "INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, details, prev_hash, "
                   "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               o.at, o.actor, o.action, o.entity, o.entityId, *o.patientId, o.details, o.prevHash, o.hash);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    BOOST_TEST_REQUIRE(contains(readBytes(file), "Xavier Quux"));
    auto store = openSqliteStore(file, testOptions());
    BOOST_TEST(store->audit().list({40}).at(0).freeText.empty());
    BOOST_TEST(countRows(file, "pending_erasure") == 0);
    const CheckReport report = store->check();
    BOOST_TEST(report.auditChain.ok, report.auditChain.detail);
    BOOST_TEST(contains(report.auditChain.detail, "1 entries written before schema version 9"), report.auditChain.detail);
    store.reset();
    BOOST_TEST(!contains(readBytes(file), "Xavier Quux"));
}

BOOST_AUTO_TEST_CASE(schema_at_a_version_has_only_that_versions_tables, *boost::unit_test::precondition(sqliteOnly))
{
    TempDir dir;
    createSchemaAtVersion(dir / "v1.db", 1);
    SQLite::Database raw(dir / "v1.db", SQLite::OPEN_READONLY);
    BOOST_TEST(raw.tableExists("plan_items"));
    BOOST_TEST(!raw.tableExists("follow_up_notes"));
    BOOST_TEST(!raw.tableExists("clinic_profile"));
    BOOST_TEST(raw.execAndGet("SELECT max(version) FROM schema_migrations").getInt() == 1);
}

BOOST_AUTO_TEST_CASE(schema_at_a_version_refuses_unknown_versions_and_existing_files, *boost::unit_test::precondition(sqliteOnly))
{
    TempDir dir;
    const DbError tooNew =
        expectDbError(DbErrorKind::Invalid, [&] { createSchemaAtVersion(dir / "a.db", latestSchemaVersion() + 1); });
    BOOST_TEST(contains(tooNew.what(), "no schema version " + std::to_string(latestSchemaVersion() + 1)));
    expectDbError(DbErrorKind::Invalid, [&] { createSchemaAtVersion(dir / "a.db", -1); });
    BOOST_TEST(!std::filesystem::exists(dir / "a.db"));
    writeBytes(dir / "b.db", "");
    const DbError exists = expectDbError(DbErrorKind::Io, [&] { createSchemaAtVersion(dir / "b.db", 1); });
    BOOST_TEST(contains(exists.what(), "already exists"));
    BOOST_TEST(readBytes(dir / "b.db").empty());
}

BOOST_AUTO_TEST_SUITE_END()
