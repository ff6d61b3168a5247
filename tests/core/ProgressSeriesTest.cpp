// The follow-up chart's data: visits in date order, adherence only where it was recorded,
// revision markers on the day they were saved.
#include "core/ProgressSeries.h"

#include <boost/test/unit_test.hpp>

using namespace sp;

namespace {

FollowUpNote note(const char* day, int now, std::optional<int> worst = {}, std::optional<int> done = {},
                  std::optional<int> prescribed = {})
{
    FollowUpNote n;
    n.visitDate = *Date::parse(day);
    n.painNow = now;
    n.painWorst = worst;
    n.sessionsDone = done;
    n.sessionsPrescribed = prescribed;
    return n;
}

PlanHistory history(const char* title, std::vector<const char*> savedAt)
{
    PlanHistory h;
    h.plan.title = title;
    int number = 0;
    for (const char* at : savedAt) {
        PlanRevision r;
        r.number = ++number;
        r.createdAt = at;
        h.revisions.push_back(r);
    }
    return h;
}

} // namespace

BOOST_AUTO_TEST_SUITE(progress_series)

BOOST_AUTO_TEST_CASE(no_notes_and_no_plans_is_empty)
{
    const ProgressSeries s = progressSeries({}, {});
    BOOST_TEST(s.empty());
    BOOST_TEST(!s.first.has_value());
}

BOOST_AUTO_TEST_CASE(one_note_gives_one_point_and_a_one_day_span)
{
    const ProgressSeries s = progressSeries({note("2026-11-02", 6, 8)}, {});
    BOOST_TEST_REQUIRE(s.pain.size() == 1u);
    BOOST_TEST(s.pain[0].now == 6);
    BOOST_TEST(*s.pain[0].worst == 8);
    BOOST_TEST(!s.pain[0].best.has_value());
    BOOST_TEST((*s.first == *s.last));
}

BOOST_AUTO_TEST_CASE(visits_are_sorted_and_adherence_needs_both_counts)
{
    const ProgressSeries s = progressSeries(
        {note("2026-11-20", 3, {}, 9, 10), note("2026-11-01", 7, {}, 2, {}), note("2026-11-10", 5, {}, 4, 0)}, {});
    BOOST_TEST_REQUIRE(s.pain.size() == 3u);
    BOOST_TEST(s.pain[0].now == 7);
    BOOST_TEST(s.pain[2].now == 3);
    BOOST_TEST_REQUIRE(s.adherence.size() == 1u); // missing or zero prescribed sessions are not a rate
    BOOST_TEST(s.adherence[0].fraction() == 0.9);
    BOOST_TEST(s.first->toString() == "2026-11-01");
    BOOST_TEST(s.last->toString() == "2026-11-20");
}

BOOST_AUTO_TEST_CASE(revisions_mark_their_day_and_widen_the_span)
{
    const ProgressSeries s = progressSeries(
        {note("2026-11-10", 5)},
        {history("Low back", {"2026-11-03T09:00:00Z", "2026-11-24T15:30:00Z"}), history("Neck", {"2026-11-05T08:00:00Z"})});
    BOOST_TEST_REQUIRE(s.revisions.size() == 3u);
    BOOST_TEST(s.revisions[0].date.toString() == "2026-11-03");
    BOOST_TEST(s.revisions[1].planTitle == "Neck");
    BOOST_TEST(s.revisions[2].number == 2);
    BOOST_TEST(s.first->toString() == "2026-11-03");
    BOOST_TEST(s.last->toString() == "2026-11-24");
}

BOOST_AUTO_TEST_CASE(twenty_visits_keep_their_recorded_order_within_a_day)
{
    std::vector<FollowUpNote> notes;
    for (int i = 0; i < 20; ++i)
        notes.push_back(note(i < 10 ? "2026-10-01" : "2026-10-02", i % 11));
    const ProgressSeries s = progressSeries(notes, {});
    BOOST_TEST_REQUIRE(s.pain.size() == 20u);
    for (int i = 0; i < 20; ++i)
        BOOST_TEST(s.pain[static_cast<std::size_t>(i)].now == i % 11);
}

BOOST_AUTO_TEST_SUITE_END()
