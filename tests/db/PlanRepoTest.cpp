// Plans: revision 1 with the plan, later revisions numbered on, each item's exercise
// kept as it was, and no revision ever changed or removed.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

struct PlanFixture : StoreFixture {
    PlanFixture()
    {
        StoreOptions options = testOptions("pt.rivera");
        options.now = steppingClock();
        store = open(options);
        patientId = store->patients().add(samplePatient());
    }
    std::int64_t patientId = 0;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(plans, PlanFixture)

BOOST_AUTO_TEST_CASE(creates_an_active_plan_with_revision_one)
{
    const auto planId = store->plans().create(patientId, "Low back", sampleRevision());
    const Plan plan = store->plans().get(planId);
    BOOST_TEST(plan.patientId == patientId);
    BOOST_TEST(plan.title == "Low back");
    BOOST_TEST((plan.status == PlanStatus::Active));
    BOOST_TEST(plan.latestRevision == 1);
    BOOST_TEST(!plan.createdAt.empty());
}

BOOST_AUTO_TEST_CASE(reads_back_a_revision_exactly_with_author_and_time_set_by_the_store)
{
    PlanRevision first = sampleRevision();
    first.author = "someone else"; // the store records who is working
    first.reason = std::string("After visit; pain \"better\" -- 50%\0really", 40);
    if (onPostgres()) {
        // PostgreSQL cannot store a NUL in text: the store refuses it, saying so, and writes nothing.
        const DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().create(patientId, "Low back", first); });
        BOOST_TEST(contains(e.what(), "NUL character"), e.what());
        BOOST_TEST(countRows(*store, "plans") == 0);
        BOOST_TEST(countRows(*store, "plan_revisions") == 0);
        first.reason.erase(first.reason.find('\0'), 1); // the rest is kept exactly
    }
    const auto planId = store->plans().create(patientId, "Low back", first);
    const PlanRevision stored = store->plans().revision(planId, 1);
    BOOST_TEST(stored.author == "pt.rivera");
    BOOST_TEST(stored.createdAt.rfind("2025-03-01T", 0) == 0u);
    BOOST_TEST(stored.number == 1);
    BOOST_TEST(stored.planId == planId);
    PlanRevision expected = first;
    expected.id = stored.id;
    expected.planId = planId;
    expected.number = 1;
    expected.author = stored.author;
    expected.createdAt = stored.createdAt;
    BOOST_TEST((stored == expected));
    BOOST_TEST((store->plans().revisionById(stored.id) == stored));
}

BOOST_AUTO_TEST_CASE(numbers_revisions_on_and_keeps_the_old_ones)
{
    const auto planId = store->plans().create(patientId, "Low back", sampleRevision());
    PlanRevision second = sampleRevision("Progressed");
    second.items.pop_back();
    second.items[0].dosage.reps = 15;
    BOOST_TEST(store->plans().revise(planId, second, 1) == 2);
    BOOST_TEST(store->plans().revise(planId, sampleRevision("Third"), 2) == 3);
    BOOST_TEST(store->plans().get(planId).latestRevision == 3);
    BOOST_TEST(store->plans().revision(planId, 1).items.size() == 2u);
    BOOST_TEST(store->plans().revision(planId, 2).items.at(0).dosage.reps == 15);
    BOOST_TEST(store->plans().revision(planId).reason == "Third"); // 0 = latest
    const auto history = store->plans().history(planId);
    BOOST_TEST_REQUIRE(history.size() == 3u);
    BOOST_TEST(history[0].number == 1);
    BOOST_TEST(history[2].number == 3);
    BOOST_TEST(history[1].reason == "Progressed");
    BOOST_TEST(history[1].items.empty()); // histories come without items
}

BOOST_AUTO_TEST_CASE(keeps_the_exercise_snapshot_when_the_pack_changes)
{
    PlanRevision r = sampleRevision();
    r.items[0].snapshot.steps = {"The old wording."};
    const auto planId = store->plans().create(patientId, "Low back", r);
    const PlanItem item = store->plans().revision(planId).items.at(0);
    BOOST_TEST(item.snapshot.steps == std::vector<std::string>{"The old wording."});
    BOOST_TEST(item.snapshot.pack == "lumbar");
    BOOST_TEST((item == r.items[0]));
}

BOOST_AUTO_TEST_CASE(lists_a_patients_plans_and_changes_status)
{
    const auto a = store->plans().create(patientId, "Low back", sampleRevision());
    const auto b = store->plans().create(patientId, "Neck", sampleRevision());
    store->plans().setStatus(a, PlanStatus::Closed);
    const auto plans = store->plans().listForPatient(patientId);
    BOOST_TEST_REQUIRE(plans.size() == 2u);
    BOOST_TEST(plans[0].id == a);
    BOOST_TEST((plans[0].status == PlanStatus::Closed));
    BOOST_TEST(plans[1].id == b);
    BOOST_TEST((plans[1].status == PlanStatus::Active));
    const auto other = store->patients().add(samplePatient("Ann Lee"));
    BOOST_TEST(store->plans().listForPatient(other).empty());
}

BOOST_AUTO_TEST_CASE(rejects_invalid_revisions_and_writes_nothing)
{
    const auto planId = store->plans().create(patientId, "Low back", sampleRevision());
    const auto revisionsBefore = countRows(*store, "plan_revisions");
    const auto itemsBefore = countRows(*store, "plan_items");
    const auto auditBefore = countRows(*store, "audit_log");

    PlanRevision negativeReps = sampleRevision();
    negativeReps.items[1].dosage.reps = -3;
    DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().revise(planId, negativeReps, 1); });
    BOOST_TEST(hasFieldError(e, "items/1/dosage/reps"));

    PlanRevision empty = sampleRevision();
    empty.items.clear();
    e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().create(patientId, "Neck", empty); });
    BOOST_TEST(hasFieldError(e, "items"));

    PlanRevision mismatched = sampleRevision();
    mismatched.items[0].exerciseId = "lumbar/something-else";
    e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().revise(planId, mismatched, 1); });
    BOOST_TEST(hasFieldError(e, "items/0/snapshot"));

    PlanRevision unqualified = sampleRevision();
    unqualified.items[0].exerciseId = "prone-press-up";
    e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().revise(planId, unqualified, 1); });
    BOOST_TEST(hasFieldError(e, "items/0/exercise"));

    PlanRevision brokenSnapshot = sampleRevision();
    brokenSnapshot.items[0].snapshot.name = "";
    e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().revise(planId, brokenSnapshot, 1); });
    BOOST_TEST(hasFieldError(e, "items/0/snapshot"));

    PlanRevision badNote = sampleRevision();
    badNote.items[0].note = "caf\xE9";
    e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().revise(planId, badNote, 1); });
    BOOST_TEST(hasFieldError(e, "items/0/note"));

    e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().create(patientId, "", sampleRevision()); });
    BOOST_TEST(hasFieldError(e, "title"));

    e = expectDbError(DbErrorKind::Invalid, [&] { store->plans().setStatus(planId, static_cast<PlanStatus>(0)); });
    BOOST_TEST(hasFieldError(e, "status"));
    BOOST_TEST((store->plans().get(planId).status == PlanStatus::Active));

    BOOST_TEST(countRows(*store, "plans") == 1);
    BOOST_TEST(countRows(*store, "plan_revisions") == revisionsBefore);
    BOOST_TEST(countRows(*store, "plan_items") == itemsBefore);
    BOOST_TEST(countRows(*store, "audit_log") == auditBefore);
}

BOOST_AUTO_TEST_CASE(reports_unknown_ids_as_not_found)
{
    const auto planId = store->plans().create(patientId, "Low back", sampleRevision());
    BOOST_TEST(std::string(expectDbError(DbErrorKind::NotFound, [&] {
                               store->plans().create(999, "Low back", sampleRevision());
                           }).what()) == "no patient 999");
    BOOST_TEST(std::string(expectDbError(DbErrorKind::NotFound, [&] { store->plans().get(77); }).what()) ==
               "no plan 77");
    expectDbError(DbErrorKind::NotFound, [&] { store->plans().revise(77, sampleRevision(), 1); });
    expectDbError(DbErrorKind::NotFound, [&] { store->plans().setStatus(77, PlanStatus::Closed); });
    expectDbError(DbErrorKind::NotFound, [&] { store->plans().history(77); });
    expectDbError(DbErrorKind::NotFound, [&] { store->plans().listForPatient(999); });
    BOOST_TEST(std::string(expectDbError(DbErrorKind::NotFound, [&] { store->plans().revision(planId, 5); }).what()) ==
               "plan " + std::to_string(planId) + " has no revision 5");
    BOOST_TEST(std::string(expectDbError(DbErrorKind::NotFound, [&] { store->plans().revisionById(555); }).what()) ==
               "no plan revision 555");
}

BOOST_AUTO_TEST_CASE(refuses_raw_changes_to_stored_revisions_and_items)
{
    store->plans().create(patientId, "Low back", sampleRevision());
    for (const char* sql : {"UPDATE plan_revisions SET reason = 'rewritten'", "DELETE FROM plan_revisions",
                            "UPDATE plan_items SET reps = 99", "DELETE FROM plan_items", "DELETE FROM plans",
                            "DELETE FROM patients"}) {
        BOOST_TEST_CONTEXT(sql)
        {
            BOOST_TEST(refused(database, sql));
        }
    }
    BOOST_TEST(store->plans().revision(1).reason == "First visit");
    BOOST_TEST(store->plans().revision(1).items.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
