// Amending a follow-up note: a correction replaces the note's fields, and every version it
// replaced stays readable; bad amendments change nothing; the follow-ups-due list follows
// an amended visit or due date; the database refuses overwrites that bypass the store.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

struct AmendFixture : StoreFixture {
    AmendFixture()
    {
        patientId = store->patients().add(samplePatient());
        planId = store->plans().create(patientId, "Low back", sampleRevision());
        revisionId = store->plans().revision(planId).id;
        FollowUpNote n = sampleNote(patientId, Date{2025, 3, 1});
        n.revisionId = revisionId;
        noteId = store->notes().add(n);
        original = store->notes().get(noteId);
    }
    std::int64_t patientId = 0;
    std::int64_t planId = 0;
    std::int64_t revisionId = 0;
    std::int64_t noteId = 0;
    FollowUpNote original;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(note_amendments, AmendFixture)

BOOST_AUTO_TEST_CASE(amends_a_note_and_keeps_every_version_it_replaces)
{
    FollowUpNote changed = original;
    changed.painNow = 5;
    changed.painBest.reset();
    changed.psfs = {{"Putting on socks", 7}};
    changed.assessment = "Improving; flare-up after gardening.";
    changed.nextDue = Date{2025, 3, 22};
    BOOST_TEST(store->notes().amend(changed, "Pain now was misheard") == 2);

    const FollowUpNote now = store->notes().get(noteId);
    BOOST_TEST(now.version == 2);
    BOOST_TEST(now.painNow == 5);
    BOOST_TEST(!now.painBest.has_value());
    BOOST_TEST((now.psfs == changed.psfs));
    BOOST_TEST(now.author == original.author); // the first author stays
    BOOST_TEST(now.createdAt == original.createdAt);
    BOOST_TEST(now.amendedBy == "pt.rivera");
    BOOST_TEST(!now.amendedAt.empty());
    BOOST_TEST(store->notes().listForPatient(patientId).size() == 1u); // amended, not added

    changed = now;
    changed.objective = "Flexion 70°.";
    BOOST_TEST(store->notes().amend(changed, "Measured again") == 3);

    const std::vector<NoteVersion> versions = store->notes().versions(noteId);
    BOOST_TEST_REQUIRE(versions.size() == 3u);
    BOOST_TEST(versions[0].version == 1);
    BOOST_TEST((versions[0].note == original)); // every field, PSFS included, as first written
    BOOST_TEST(versions[0].writtenBy == original.author);
    BOOST_TEST(versions[0].writtenAt == original.createdAt);
    BOOST_TEST(versions[0].reason.empty());
    BOOST_TEST(versions[1].version == 2);
    BOOST_TEST(versions[1].note.painNow == 5);
    BOOST_TEST(versions[1].note.objective == original.objective);
    BOOST_TEST(versions[1].reason == "Pain now was misheard");
    BOOST_TEST(versions[2].version == 3);
    BOOST_TEST(versions[2].note.objective == "Flexion 70°.");
    BOOST_TEST(versions[2].reason == "Measured again");
    BOOST_TEST((versions[2].note == store->notes().get(noteId)));
}

BOOST_AUTO_TEST_CASE(audits_an_amendment_with_the_changed_fields_but_no_clinical_text)
{
    FollowUpNote changed = original;
    changed.subjective = "Secret detail about the patient";
    changed.painWorst = 8;
    store->notes().amend(changed, "Typo in the subjective");
    const AuditEntry last = store->audit().list({patientId, 1}).at(0);
    BOOST_TEST(last.action == "amend");
    BOOST_TEST(last.entity == "note");
    BOOST_TEST(last.entityId == noteId);
    BOOST_TEST(contains(last.details, "\"version\":2"));
    BOOST_TEST(contains(last.details, "subjective"));
    BOOST_TEST(contains(last.details, "pain_worst"));
    BOOST_TEST(!contains(last.details, "Secret"));
    BOOST_TEST(!contains(last.details, "Typo"));
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_CASE(the_due_list_follows_an_amended_due_date_or_visit)
{
    FollowUpNote earlier = sampleNote(patientId, Date{2025, 2, 1});
    earlier.nextDue = Date{2025, 2, 10};
    const std::int64_t earlierId = store->notes().add(earlier);
    // The latest note (1 March) asks for 15 March.
    BOOST_TEST_REQUIRE(store->notes().due(Date{2025, 12, 31}).size() == 1u);
    BOOST_TEST((store->notes().due(Date{2025, 12, 31})[0].due == Date{2025, 3, 15}));

    FollowUpNote changed = original;
    changed.nextDue = Date{2025, 4, 2};
    store->notes().amend(changed, "Patient away");
    BOOST_TEST((store->notes().due(Date{2025, 12, 31}).at(0).due == Date{2025, 4, 2}));
    BOOST_TEST(store->notes().due(Date{2025, 3, 31}).empty());

    changed = store->notes().get(noteId);
    changed.nextDue.reset();
    store->notes().amend(changed, "Discharged");
    BOOST_TEST(store->notes().due(Date{2025, 12, 31}).empty());

    // The visit really was in January: the February note becomes the latest and decides.
    changed = store->notes().get(noteId);
    changed.visitDate = Date{2025, 1, 20};
    store->notes().amend(changed, "Wrong visit date");
    const auto due = store->notes().due(Date{2025, 12, 31});
    BOOST_TEST_REQUIRE(due.size() == 1u);
    BOOST_TEST((due[0].due == Date{2025, 2, 10}));
    BOOST_TEST((due[0].lastVisit == Date{2025, 2, 1}));
    BOOST_TEST(store->notes().listForPatient(patientId).at(0).id == earlierId);
}

BOOST_AUTO_TEST_CASE(refuses_bad_amendments_and_changes_nothing)
{
    FollowUpNote changed = original;
    changed.painNow = 6;

    FollowUpNote unknown = changed;
    unknown.id = 9999;
    DbError e = expectDbError(DbErrorKind::NotFound, [&] { store->notes().amend(unknown, "Why"); });
    BOOST_TEST(std::string(e.what()) == "no note 9999");
    expectDbError(DbErrorKind::NotFound, [&] { store->notes().get(9999); });
    expectDbError(DbErrorKind::NotFound, [&] { store->notes().versions(9999); });

    FollowUpNote pain = changed;
    pain.painNow = 11;
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(pain, "Why"); });
    BOOST_TEST(hasFieldError(e, "pain"));
    BOOST_TEST(contains(e.what(), "11 is out of range"));

    FollowUpNote order = changed;
    order.painWorst = 2; // below the pain now
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(order, "Why"); });
    BOOST_TEST(hasFieldError(e, "pain_worst"));

    FollowUpNote due = changed;
    due.nextDue = Date{2025, 2, 1}; // before the visit
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(due, "Why"); });
    BOOST_TEST(hasFieldError(e, "next_due"));

    FollowUpNote psfs = changed;
    psfs.psfs.push_back({"", 4});
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(psfs, "Why"); });
    BOOST_TEST(hasFieldError(e, "psfs/2/activity"));

    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(changed, ""); });
    BOOST_TEST(hasFieldError(e, "reason"));
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(changed, "two\nlines"); });
    BOOST_TEST(hasFieldError(e, "reason"));
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(changed, std::string(501, 'x')); });
    BOOST_TEST(hasFieldError(e, "reason"));

    const std::int64_t other = store->patients().add(samplePatient("Ann Lee"));
    FollowUpNote moved = changed;
    moved.patientId = other;
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(moved, "Why"); });
    BOOST_TEST(hasFieldError(e, "patient"));

    const std::int64_t otherPlan = store->plans().create(other, "Neck", sampleRevision());
    FollowUpNote foreign = changed;
    foreign.revisionId = store->plans().revision(otherPlan).id;
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(foreign, "Why"); });
    BOOST_TEST(hasFieldError(e, "revision"));

    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().amend(original, "Nothing"); });
    BOOST_TEST(hasFieldError(e, "note"));

    BOOST_TEST((store->notes().get(noteId) == original));
    BOOST_TEST(store->notes().versions(noteId).size() == 1u);
    BOOST_TEST(countRows(*store, "note_versions") == 0);
    BOOST_TEST(countRows(*store, "note_version_psfs") == 0);
    for (const AuditEntry& entry : store->audit().list({}))
        BOOST_TEST(entry.action != "amend"); // a refused amendment leaves no entry
}

BOOST_AUTO_TEST_CASE(refuses_raw_overwrites_that_do_not_keep_the_version_they_replace)
{
    BOOST_TEST(refused(database, "UPDATE follow_up_notes SET pain_now = 0"));
    BOOST_TEST(refused(database, "UPDATE follow_up_notes SET pain_now = 0, version = 2"));
    BOOST_TEST(refused(database, "DELETE FROM psfs_scores"));
    // A copy that is not the version being replaced does not let the update through.
    tamper(database, "INSERT INTO note_versions (note_id, version, visit_date, pain_now, subjective, objective, "
                     "assessment, plan_text, written_by, written_at) VALUES (" + std::to_string(noteId) +
                         ", 1, '2025-03-01', 9, '', '', '', '', 'x', 'y')");
    BOOST_TEST(refused(database, "UPDATE follow_up_notes SET pain_now = 0, version = 2"));
    BOOST_TEST(refused(database, "DELETE FROM psfs_scores"));
    BOOST_TEST(refused(database, "UPDATE note_versions SET pain_now = 1"));
    BOOST_TEST(refused(database, "DELETE FROM note_versions"));
    BOOST_TEST((store->notes().get(noteId).painNow == original.painNow));
}

BOOST_AUTO_TEST_CASE(a_purge_removes_every_version_too)
{
    FollowUpNote changed = original;
    changed.planText = "Discharge next time.";
    store->notes().amend(changed, "Plan agreed");
    BOOST_TEST(countRows(*store, "note_versions") == 1);
    BOOST_TEST(countRows(*store, "note_version_psfs") == 2);
    store->patients().purge(patientId);
    BOOST_TEST(countRows(*store, "note_versions") == 0);
    BOOST_TEST(countRows(*store, "note_version_psfs") == 0);
    BOOST_TEST(countRows(*store, "follow_up_notes") == 0);
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_SUITE_END()
