// No lost update, on both engines: two clients on one database, each working from what it
// read. A change made from an old read is refused with who saved what, and when; nothing
// of it is written; changes to different fields of a patient both stay.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

// A second workstation on the same database, signed in as someone else.
struct TwoClients : StoreFixture {
    std::unique_ptr<ClinicStore> other = db::openClinicStore(
        onPostgres() ? TestServer::get().appLocation(database.database, "pt.okafor") : database.location,
        testOptions("pt.okafor"));
    std::int64_t patientId = store->patients().add(samplePatient());
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(no_lost_update, TwoClients)

BOOST_AUTO_TEST_CASE(a_revision_based_on_an_old_one_is_refused_and_names_who_saved_the_newer)
{
    const auto planId = store->plans().create(patientId, "Low back", sampleRevision());
    // Both open revision 1; the other clinician saves first.
    BOOST_TEST(other->plans().revise(planId, sampleRevision("Theirs"), 1) == 2);
    const long long revisions = countRows(*store, "plan_revisions");
    const long long audit = countRows(*store, "audit_log");
    const DbError e = expectDbError(DbErrorKind::Conflict,
                                    [&] { store->plans().revise(planId, sampleRevision("Mine"), 1); });
    BOOST_TEST(contains(e.what(), "revision 2 was saved by pt.okafor at "));
    BOOST_TEST(contains(e.what(), "based on revision 1"));
    BOOST_TEST(contains(e.what(), "Nothing was saved"));
    BOOST_TEST(countRows(*store, "plan_revisions") == revisions);
    BOOST_TEST(countRows(*store, "audit_log") == audit);
    BOOST_TEST(store->plans().revision(planId).reason == "Theirs");
    // After review the draft goes on top of theirs.
    BOOST_TEST(store->plans().revise(planId, sampleRevision("Mine"), 2) == 3);
    BOOST_TEST(store->plans().revision(planId, 3).reason == "Mine");
}

BOOST_AUTO_TEST_CASE(a_base_revision_the_plan_never_had_is_invalid)
{
    const auto planId = store->plans().create(patientId, "Low back", sampleRevision());
    const DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().revise(planId, sampleRevision(), 5); });
    BOOST_TEST(contains(e.what(), "has no revision 5"));
    expectDbError(DbErrorKind::Invalid, [&] { store->plans().revise(planId, sampleRevision(), 0); });
    BOOST_TEST(countRows(*store, "plan_revisions") == 1);
}

BOOST_AUTO_TEST_CASE(edits_of_different_patient_fields_both_stay)
{
    const Patient readHere = store->patients().get(patientId);
    const Patient readThere = other->patients().get(patientId);
    Patient theirs = readThere;
    theirs.phone = "+34 611 111 111";
    other->patients().update(readThere, theirs);
    Patient mine = readHere;
    mine.email = "jose.new@example.org";
    store->patients().update(readHere, mine); // read before their change: their phone must stay
    const Patient stored = store->patients().get(patientId);
    BOOST_TEST(stored.phone == "+34 611 111 111");
    BOOST_TEST(stored.email == "jose.new@example.org");
    BOOST_TEST(stored.name == readHere.name);
}

BOOST_AUTO_TEST_CASE(an_edit_of_a_field_someone_else_changed_is_refused)
{
    const Patient readHere = store->patients().get(patientId);
    const Patient readThere = other->patients().get(patientId);
    Patient theirs = readThere;
    theirs.email = "theirs@example.org";
    other->patients().update(readThere, theirs);
    Patient mine = readHere;
    mine.email = "mine@example.org";
    mine.phone = "+34 622 222 222";
    const long long audit = countRows(*store, "audit_log");
    const DbError e = expectDbError(DbErrorKind::Conflict, [&] { store->patients().update(readHere, mine); });
    BOOST_TEST(contains(e.what(), "was changed by pt.okafor at "));
    BOOST_TEST(contains(e.what(), "(email)"));
    const Patient stored = store->patients().get(patientId);
    BOOST_TEST(stored.email == "theirs@example.org");
    BOOST_TEST(stored.phone == readHere.phone); // nothing of the refused edit was written
    BOOST_TEST(countRows(*store, "audit_log") == audit);
    // The same value on both sides is no conflict.
    Patient same = readHere;
    same.email = "theirs@example.org";
    store->patients().update(readHere, same);
}

BOOST_AUTO_TEST_CASE(an_edit_claiming_another_patients_record_is_invalid)
{
    const auto secondId = store->patients().add(samplePatient("Ana Ruiz"));
    const Patient read = store->patients().get(patientId);
    Patient edited = store->patients().get(secondId);
    edited.email = "x@example.org";
    expectDbError(DbErrorKind::Invalid, [&] { store->patients().update(read, edited); });
    BOOST_TEST(store->patients().get(secondId).email == "jose@example.org");
}

BOOST_AUTO_TEST_CASE(an_amendment_from_an_old_version_is_refused)
{
    const auto noteId = store->notes().add(sampleNote(patientId));
    FollowUpNote theirs = other->notes().get(noteId);
    FollowUpNote mine = store->notes().get(noteId);
    theirs.painNow = 2;
    BOOST_TEST(other->notes().amend(theirs, "pain re-scored at the end of the visit") == 2);
    mine.assessment = "Much improved.";
    const DbError e =
        expectDbError(DbErrorKind::Conflict, [&] { store->notes().amend(mine, "assessment clarified"); });
    BOOST_TEST(contains(e.what(), "was amended by pt.okafor at "));
    BOOST_TEST(contains(e.what(), "now version 2"));
    BOOST_TEST(store->notes().versions(noteId).size() == 2u);
    BOOST_TEST(store->notes().get(noteId).assessment == "Improving.");
    mine = store->notes().get(noteId);
    mine.assessment = "Much improved.";
    BOOST_TEST(store->notes().amend(mine, "assessment clarified") == 3);
}

BOOST_AUTO_TEST_SUITE_END()
