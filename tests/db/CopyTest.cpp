// `db copy`: a whole clinic from the engine under test into a SQLite file and from that
// file into a fresh database of the engine under test again (on the PostgreSQL run:
// server -> file -> server, the move onto a server and the portable copy back). Everything
// arrives: every record with its id, every note's versions, the audit history with its
// hashes and free text, the clinic profile's logo byte for byte; the target's chain checks
// whole. A target that holds records is refused and left as it was.
#include "DbFixtures.h"

#include "db/StoreCopy.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

std::string everyByte()
{
    std::string bytes("\x89PNG\r\n\x1A\n", 8);
    for (int i = 0; i < 4096; ++i)
        bytes += static_cast<char>(i % 256);
    return bytes;
}

// A small clinic with something of every kind.
struct FilledClinic : StoreFixture {
    std::int64_t patientId = 0, planId = 0, noteId = 0;
    FilledClinic()
    {
        ClinicProfile clinic;
        clinic.name = "Riverside Physiotherapy";
        clinic.address = "12 Mill Lane\nRiverside";
        clinic.logo = everyByte();
        clinic.clinician = "Sam Lee, physiotherapist";
        store->clinic().set(clinic);
        patientId = store->patients().add(samplePatient());
        store->patients().add(samplePatient("Zoë Ng"));
        planId = store->plans().create(patientId, "Low back", sampleRevision());
        store->plans().revise(planId, sampleRevision("Second visit"), 1);
        noteId = store->notes().add(sampleNote(patientId));
        FollowUpNote amended = store->notes().get(noteId);
        amended.painNow = 2;
        store->notes().amend(amended, "Pain was misread");
        HandoutRecord handout;
        handout.revisionId = store->plans().revision(planId).id;
        handout.recipient = "jose@example.org";
        handout.sha256 = std::string(64, 'a');
        store->handouts().add(handout);
        store->audit().record("override", "revision", handout.revisionId, patientId, "{\"rule\":\"dosage\"}",
                              "Patient insists; reviewed risks");
    }
};

std::vector<std::string> auditLines(ClinicStore& store)
{
    std::vector<std::string> lines;
    for (const AuditEntry& e : store.audit().list(AuditQuery{std::nullopt, 100000}))
        lines.push_back(std::to_string(e.id) + " " + e.at + " " + e.actor + " " + e.action + " " + e.entity + " " +
                        std::to_string(e.entityId) + " " + e.details + " [" + e.freeText + "] " + e.prevHash + " " +
                        e.hash);
    return lines;
}

void expectSameClinic(ClinicStore& a, ClinicStore& b, std::int64_t patientId, std::int64_t planId, std::int64_t noteId)
{
    for (const TableSpec& table : copiedTables())
        BOOST_TEST(countRows(a, table.name) == countRows(b, table.name), table.name);
    BOOST_TEST((a.patients().get(patientId) == b.patients().get(patientId)));
    BOOST_TEST(a.plans().history(planId).size() == 2u);
    for (int number : {1, 2})
        BOOST_TEST((a.plans().revision(planId, number) == b.plans().revision(planId, number)));
    const auto versions = b.notes().versions(noteId);
    BOOST_TEST_REQUIRE(versions.size() == 2u);
    BOOST_TEST(versions[0].note.painNow == 4);
    BOOST_TEST(versions[1].note.painNow == 2);
    BOOST_TEST(versions[1].reason == "Pain was misread");
    BOOST_TEST(a.handouts().listForPatient(patientId).size() == b.handouts().listForPatient(patientId).size());
    BOOST_TEST_REQUIRE(b.clinic().get().has_value());
    BOOST_TEST((b.clinic().get()->logo == everyByte()));
    BOOST_TEST(b.clinic().get()->clinician == "Sam Lee, physiotherapist");
    BOOST_TEST(auditLines(a) == auditLines(b), boost::test_tools::per_element());
    const CheckReport check = b.check();
    BOOST_TEST(check.auditChain.ok, check.auditChain.detail);
    BOOST_TEST(check.revisions.ok, check.revisions.detail);
    BOOST_TEST(check.auditHead.hash == a.check().auditHead.hash);
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(db_copy, FilledClinic)

BOOST_AUTO_TEST_CASE(a_clinic_goes_into_a_file_and_back_whole)
{
    const std::string portable = (dir / "portable.db").string();
    std::size_t lastDone = 0, total = 0;
    const CopyReport out = copyClinic(database.location, portable, testOptions("admin"),
                                      [&](std::size_t done, std::size_t all) {
                                          BOOST_TEST(done >= lastDone); // progress only goes forward
                                          lastDone = done;
                                          total = all;
                                      });
    BOOST_TEST(out.revisions == 2u);
    BOOST_TEST(total > 0u);
    BOOST_TEST(lastDone == total);
    auto file = openClinicStore(portable, testOptions("admin"));
    expectSameClinic(*store, *file, patientId, planId, noteId);

    // ... and from the file into a new, empty database of the engine under test: on a
    // server as its owner (docs/SERVER.md); the app's role may not reset the sequences,
    // and its refused copy leaves nothing behind.
    TempDir again;
    const TestDatabase back = freshDatabase(again.path());
    file.reset();
    std::string target = back.location;
    if (onPostgres()) {
        const DbError e = expectDbError(DbErrorKind::Forbidden,
                                        [&] { copyClinic(portable, back.location, testOptions("admin")); });
        BOOST_TEST(contains(e.what(), "may not copy the clinic"), e.what());
        BOOST_TEST(countRows(*openClinicStore(back.location, testOptions("admin")), "patients") == 0);
        target = TestServer::get().ownerLocation(back.database);
    }
    copyClinic(portable, target, testOptions("admin"));
    auto restored = openClinicStore(back.location, testOptions("admin"));
    expectSameClinic(*store, *restored, patientId, planId, noteId);
    // The copy goes on where the source left off: new records get new ids.
    BOOST_TEST(restored->patients().add(samplePatient("Next One")) > patientId + 1);
}

BOOST_AUTO_TEST_CASE(a_target_that_holds_records_is_refused_and_left_as_it_was)
{
    TempDir other;
    const TestDatabase target = freshDatabase(other.path());
    auto occupied = openClinicStore(target.location, testOptions("front.desk"));
    const std::int64_t theirs = occupied->patients().add(samplePatient("Already Here"));
    const long long auditBefore = countRows(*occupied, "audit_log");
    occupied.reset();

    const DbError e = expectDbError(DbErrorKind::Invalid,
                                    [&] { copyClinic(database.location, target.location, testOptions("admin")); });
    // A server database must be empty; a file target must not exist at all.
    BOOST_TEST(contains(e.what(), onPostgres() ? "is not empty" : "exists already"), e.what());
    auto after = openClinicStore(target.location, testOptions("front.desk"));
    BOOST_TEST(countRows(*after, "patients") == 1);
    BOOST_TEST(after->patients().get(theirs).name == "Already Here");
    BOOST_TEST(countRows(*after, "audit_log") == auditBefore);
}

BOOST_AUTO_TEST_CASE(an_existing_file_is_never_overwritten)
{
    const std::filesystem::path existing = dir / "existing.db";
    { std::ofstream(existing) << "someone's file"; }
    expectDbError(DbErrorKind::Invalid, [&] { copyClinic(database.location, existing.string(), testOptions("admin")); });
    BOOST_TEST(readBytes(existing) == "someone's file");
}

BOOST_AUTO_TEST_SUITE_END()
