// Purge (the right to erasure) and backup: after a purge the patient's data is gone from
// the file's very bytes; a backup is a consistent, private copy even while others write.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <set>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

// Personal data of a patient, spelled so that nothing else in the file contains it.
struct Victim {
    std::string name = "Quorblatt Zyxwvut";
    std::string folded = "quorblatt";
    std::string email = "quorblatt.zyx@example.org";
    std::string noteText = "Complains of Xylophagous nightmares";
};

std::int64_t addVictim(ClinicStore& store, const Victim& v)
{
    Patient p = samplePatient(v.name);
    p.email = v.email;
    const auto id = store.patients().add(p);
    const auto planId = store.plans().create(id, "Neck", sampleRevision());
    FollowUpNote n = sampleNote(id);
    n.subjective = v.noteText;
    n.revisionId = store.plans().revision(planId).id;
    store.notes().add(n);
    HandoutRecord h;
    h.revisionId = *n.revisionId;
    h.channel = HandoutChannel::Email;
    h.recipient = v.email;
    h.sha256 = std::string(64, 'd');
    store.handouts().add(h);
    store.plans().revise(planId, sampleRevision("Second"), 1);
    return id;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(purge, StoreFixture)

BOOST_AUTO_TEST_CASE(removes_every_row_of_the_patient_and_keeps_the_others)
{
    const Victim v;
    const auto keep = store->patients().add(samplePatient("Ann Lee"));
    store->plans().create(keep, "Knee", sampleRevision());
    const auto id = addVictim(*store, v);
    store->patients().purge(id);

    expectDbError(DbErrorKind::NotFound, [&] { store->patients().get(id); });
    BOOST_TEST(store->patients().search({"quorblatt", true}).empty());
    BOOST_TEST(countRows(*store, "follow_up_notes") == 0);
    BOOST_TEST(countRows(*store, "psfs_scores") == 0);
    BOOST_TEST(countRows(*store, "handout_log") == 0);
    BOOST_TEST(countRows(*store, "plans") == 1);
    BOOST_TEST(countRows(*store, "plan_revisions") == 1);
    BOOST_TEST(countRows(*store, "plan_items") == 2);
    BOOST_TEST(countRows(*store, "purge_guard") == 0);
    BOOST_TEST(countRows(*store, "latest_notes") == 0);
    BOOST_TEST(store->patients().get(keep).name == "Ann Lee");
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_CASE(leaves_one_audit_entry_and_the_older_ones_with_the_bare_id)
{
    const auto id = addVictim(*store, Victim{});
    const auto before = store->audit().list({id}).size();
    store->patients().purge(id);
    const auto entries = store->audit().list({id});
    BOOST_TEST(entries.size() == before + 1);
    BOOST_TEST(entries[0].action == "purge");
    BOOST_TEST(entries[0].entityId == id);
    BOOST_TEST(entries[0].details == "{}");
    BOOST_TEST(store->check().auditChain.ok);
}

BOOST_AUTO_TEST_CASE(takes_the_patient_off_the_follow_ups_due_and_leaves_the_others_due)
{
    const auto keep = store->patients().add(samplePatient("Ann Lee"));
    store->notes().add(sampleNote(keep, Date{2025, 3, 1}));
    const auto id = addVictim(*store, Victim{});
    store->notes().add(sampleNote(id, Date{2025, 3, 2}));
    BOOST_TEST(store->notes().due(Date{2100, 1, 1}).size() == 2u);
    store->patients().purge(id);
    const auto due = store->notes().due(Date{2100, 1, 1});
    BOOST_TEST_REQUIRE(due.size() == 1u);
    BOOST_TEST(due[0].patientId == keep);
    BOOST_TEST((due[0].lastVisit == Date{2025, 3, 1}));
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_CASE(never_gives_a_purged_patients_id_to_someone_new)
{
    const auto id = store->patients().add(samplePatient());
    store->patients().purge(id);
    BOOST_TEST(store->patients().add(samplePatient()) > id);
}

BOOST_AUTO_TEST_CASE(leaves_no_trace_of_the_personal_data_in_the_file, *boost::unit_test::precondition(sqliteOnly))
{
    const Victim v;
    store->patients().add(samplePatient("Ann Lee"));
    const auto id = addVictim(*store, v);
    // The data is in the file before the purge: the check below can see it.
    store->check();
    {
        auto raw = rawConnection(file);
        raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const std::string before = readBytes(file);
    BOOST_TEST(contains(before, v.name));
    BOOST_TEST(contains(before, v.noteText));

    store->patients().purge(id);
    store.reset(); // closed: the log is checkpointed into the file and removed
    BOOST_TEST(!std::filesystem::exists(file.string() + "-wal"));
    const std::string after = readBytes(file);
    for (const std::string& secret : {v.name, v.folded, v.email, v.noteText})
        BOOST_TEST(!contains(after, secret), "\"" << secret << "\" is still in the file");
    BOOST_TEST(contains(after, "Ann Lee"));
}

BOOST_AUTO_TEST_CASE(takes_the_free_text_of_the_patients_audit_entries_and_keeps_the_chain_whole)
{
    const std::string reason = "Quorblatt has cauda equina symptoms";
    const auto keep = store->patients().add(samplePatient("Ann Lee"));
    const auto id = addVictim(*store, Victim{});
    store->audit().record("override", "revision", 1, id, R"({"action":"export"})", reason);
    store->audit().record("override", "revision", 2, keep, R"({"action":"print"})", "Ann agreed by phone");
    const auto before = store->audit().list({id, 1}).at(0);
    BOOST_TEST(before.freeText == reason);
    BOOST_TEST(!contains(before.details, "cauda"));

    // A file is wiped by the store itself; a server's own storage is the server's to erase.
    BOOST_TEST((store->patients().purge(id) == (onPostgres() ? Erasure::ByServer : Erasure::Complete)));
    const auto after = store->audit().list({id, 2}).at(1);
    BOOST_TEST(after.action == "override");
    BOOST_TEST(after.freeText.empty());
    BOOST_TEST(store->audit().list({keep, 1}).at(0).freeText == "Ann agreed by phone");
    const CheckReport report = store->check();
    BOOST_TEST(report.auditChain.ok, report.auditChain.detail);
    BOOST_TEST(report.auditAnchor.ok, report.auditAnchor.detail);
    BOOST_TEST(storeScalar(*store, "SELECT count(*) FROM audit_texts WHERE text LIKE '%cauda equina%'") == 0);
    if (onPostgres())
        return;
    store.reset();
    BOOST_TEST(!contains(readBytes(file), "cauda equina"));
}

BOOST_AUTO_TEST_CASE(the_audit_texts_are_kept_from_everyone_but_a_purge)
{
    const auto id = store->patients().add(samplePatient());
    store->audit().record("override", "revision", 1, id, "{}", "Screened by phone");
    BOOST_TEST(refused(database, "DELETE FROM audit_texts"));
    BOOST_TEST(refused(database, "UPDATE audit_texts SET text = 'forged'"));
    if (onPostgres()) // the owner's way around the trigger
        tamper(database, "ALTER TABLE audit_texts DISABLE TRIGGER audit_texts_are_immutable; "
                         "UPDATE audit_texts SET text = 'Not screened'; "
                         "ALTER TABLE audit_texts ENABLE TRIGGER audit_texts_are_immutable");
    else
        tamper(database, "DROP TRIGGER audit_texts_are_immutable; UPDATE audit_texts SET text = 'Not screened'");
    const CheckResult chain = store->check().auditChain;
    BOOST_TEST(!chain.ok);
    BOOST_TEST(contains(chain.detail, "the text of audit entry 2 was changed"), chain.detail);
}

// A second connection in the middle of a read holds the pages the purge freed: the
// write-ahead log must keep them for it. The purge says so instead of claiming success,
// and the next store opened on the file finishes the erasure.
BOOST_AUTO_TEST_CASE(says_when_a_reader_holds_the_data_and_the_next_open_finishes_the_erasure, *boost::unit_test::precondition(sqliteOnly))
{
    const Victim v;
    StoreOptions options = testOptions();
    options.busyTimeoutMs = 300;
    store = openSqliteStore(file, options);
    store->patients().add(samplePatient("Ann Lee"));
    const auto id = addVictim(*store, v);
    {
        auto reader = rawConnection(file);
        reader.exec("BEGIN");
        BOOST_TEST(reader.execAndGet("SELECT count(*) FROM patients").getInt() == 2);
        BOOST_TEST((store->patients().purge(id) == Erasure::WhenReadersClose));
        BOOST_TEST(countRows(file, "pending_erasure") == 1);
        BOOST_TEST(reader.execAndGet("SELECT count(*) FROM patients").getInt() == 2); // its snapshot
        reader.exec("COMMIT");
    }
    store.reset();
    store = openSqliteStore(file, options);
    BOOST_TEST(countRows(file, "pending_erasure") == 0);
    for (const char* suffix : {"", "-wal"}) {
        const std::string bytes = readBytes(file.string() + suffix);
        for (const std::string& secret : {v.name, v.email, v.noteText})
            BOOST_TEST(!contains(bytes, secret), "\"" << secret << "\" is still in clinic.db" << suffix);
    }
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(backup, StoreFixture)

BOOST_AUTO_TEST_CASE(writes_a_private_copy_that_opens_with_the_same_records)
{
    const auto id = store->patients().add(samplePatient());
    store->plans().create(id, "Low back", sampleRevision());
    const auto target = dir / "backups" / "clinic-2025-03-01.db";
    std::filesystem::create_directories(target.parent_path());
    store->backup(target);
    struct stat st {};
    BOOST_TEST_REQUIRE(::stat(target.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    // Nothing else is left in the folder but the copy's own checkpoints: no temporary
    // file, no journal.
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(target.parent_path()))
        names.insert(entry.path().filename().string());
    BOOST_TEST((names == std::set<std::string>{"clinic-2025-03-01.db", "clinic-2025-03-01.db.chain"}));
    auto copy = openSqliteStore(target, testOptions());
    BOOST_TEST(copy->patients().get(id).name == "José Álvarez");
    BOOST_TEST(copy->plans().listForPatient(id).size() == 1u);
    BOOST_TEST(copy->check().ok());
}

BOOST_AUTO_TEST_CASE(refuses_to_overwrite_an_existing_file)
{
    const auto target = dir / "existing.db";
    writeBytes(target, "precious");
    const DbError e = expectDbError(DbErrorKind::Io, [&] { store->backup(target); });
    BOOST_TEST(contains(e.what(), "already exists"));
    BOOST_TEST(readBytes(target) == "precious");
    expectDbError(DbErrorKind::Io, [&] { store->backup(dir / "missing-folder" / "b.db"); });
}

BOOST_AUTO_TEST_CASE(makes_consistent_copies_while_another_process_keeps_writing, *boost::unit_test::precondition(sqliteOnly))
{
    const auto patientId = store->patients().add(samplePatient());
    store.reset(); // no connection crosses the fork
    const pid_t writer = ::fork();
    BOOST_TEST_REQUIRE(writer >= 0);
    if (writer == 0) {
        try {
            auto own = openSqliteStore(file, testOptions("writer"));
            for (int i = 0; i < 100000; ++i) {
                FollowUpNote n = sampleNote(patientId);
                n.subjective = std::string(2000, static_cast<char>('a' + i % 26)); // pages churn
                own->notes().add(n);
            }
        } catch (...) {
            ::_exit(1);
        }
        ::_exit(0);
    }
    store = openSqliteStore(file, testOptions());
    std::vector<std::size_t> noteCounts;
    for (int i = 0; i < 8; ++i) {
        ::usleep(30000);
        const auto target = dir / ("backup-" + std::to_string(i) + ".db");
        store->backup(target);
        auto copy = openSqliteStore(target, testOptions("checker"));
        const CheckReport report = copy->check();
        BOOST_TEST(report.integrity.ok, report.integrity.detail);
        BOOST_TEST(report.foreignKeys.ok, report.foreignKeys.detail);
        BOOST_TEST(report.auditChain.ok, report.auditChain.detail);
        noteCounts.push_back(copy->notes().listForPatient(patientId).size());
    }
    ::kill(writer, SIGKILL);
    int status = 0;
    ::waitpid(writer, &status, 0);
    BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL), "the writer stopped on its own");
    BOOST_TEST(noteCounts.back() > noteCounts.front(), "the writer made no progress during the backups");
}

BOOST_AUTO_TEST_SUITE_END()
