// The timeline: a patient's revisions, notes and handouts in one list, oldest first.
#include "DbFixtures.h"

#include "db/Timeline.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

// A clock the test sets by hand before each change.
struct HandClock {
    std::shared_ptr<std::string> time = std::make_shared<std::string>("2025-01-01T00:00:00.000Z");
    std::function<std::string()> function() const
    {
        return [t = time] { return *t; };
    }
    void set(const std::string& when) { *time = when; }
};

using Kind = TimelineEvent::Kind;

} // namespace

BOOST_AUTO_TEST_SUITE(patient_timeline)

BOOST_AUTO_TEST_CASE(lists_revisions_notes_and_handouts_oldest_first)
{
    TempDir dir;
    HandClock clock;
    StoreOptions options = testOptions();
    options.now = clock.function();
    auto store = openClinicStore(freshDatabase(dir.path()).location, options);
    clock.set("2025-01-10T09:00:00.000Z");
    const auto patientId = store->patients().add(samplePatient());
    clock.set("2025-01-10T09:10:00.000Z");
    const auto planId = store->plans().create(patientId, "Low back", sampleRevision());
    const auto r1 = store->plans().revision(planId).id;
    HandoutRecord h;
    h.revisionId = r1;
    h.channel = HandoutChannel::Print;
    h.recipient = "Front desk";
    h.sha256 = std::string(64, 'a');
    clock.set("2025-01-10T09:20:00.000Z");
    const auto handoutId = store->handouts().add(h);
    FollowUpNote late = sampleNote(patientId, Date{2025, 1, 24}); // typed up ten days after the visit
    late.revisionId = r1;
    clock.set("2025-02-03T16:00:00.000Z");
    const auto lateNote = store->notes().add(late);
    clock.set("2025-02-03T08:00:00.000Z");
    store->plans().revise(planId, sampleRevision("Progressed"), 1);
    clock.set("2025-02-03T09:00:00.000Z");
    const auto sameDayNote = store->notes().add(sampleNote(patientId, Date{2025, 2, 3}));
    clock.set("2025-02-10T10:00:00.000Z");
    const auto otherPlan = store->plans().create(patientId, "Neck", sampleRevision());

    const auto events = timeline(*store, patientId);
    BOOST_TEST_REQUIRE(events.size() == 6u);
    BOOST_TEST((events[0].kind == Kind::Revision));
    BOOST_TEST(events[0].id == r1);
    BOOST_TEST(events[0].planId == planId);
    BOOST_TEST(contains(events[0].summary, "Low back"));
    BOOST_TEST((events[1].kind == Kind::Handout));
    BOOST_TEST(events[1].id == handoutId);
    BOOST_TEST(events[1].planId == planId);
    BOOST_TEST((events[2].kind == Kind::Note)); // by its visit date, not when it was typed
    BOOST_TEST(events[2].id == lateNote);
    BOOST_TEST(events[2].when == "2025-01-24");
    BOOST_TEST(events[2].planId == planId);
    // 3 February: revision 2 stored at 08:00, the note at 09:00.
    BOOST_TEST((events[3].kind == Kind::Revision));
    BOOST_TEST(contains(events[3].summary, "revision 2"));
    BOOST_TEST((events[4].kind == Kind::Note));
    BOOST_TEST(events[4].id == sameDayNote);
    BOOST_TEST(events[4].planId == 0);
    BOOST_TEST(events[5].planId == otherPlan);
}

BOOST_AUTO_TEST_CASE(is_empty_for_a_new_patient_and_refuses_an_unknown_one)
{
    StoreFixture f;
    const auto id = f.store->patients().add(samplePatient());
    BOOST_TEST(timeline(*f.store, id).empty());
    expectDbError(DbErrorKind::NotFound, [&] { timeline(*f.store, 999); });
}

BOOST_AUTO_TEST_SUITE_END()
