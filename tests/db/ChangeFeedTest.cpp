// Live sharing's source: what one client commits is announced to the others' change
// feeds (PostgreSQL LISTEN/NOTIFY), as who did what to which record and never patient
// data; what rolls back is never announced; a feed whose connection broke reconnects by
// itself and says to read everything again. A file has no feed: one app has it.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

// Polls until `wanted` matches an event or the time is up; every event seen meanwhile is kept.
std::vector<ChangeEvent> waitFor(ChangeFeed& feed, const std::function<bool(const ChangeEvent&)>& wanted,
                                 std::chrono::milliseconds limit = std::chrono::seconds(10))
{
    std::vector<ChangeEvent> seen;
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        for (ChangeEvent& e : feed.poll()) {
            seen.push_back(std::move(e));
            if (wanted(seen.back()))
                return seen;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return seen;
}

bool any(const std::vector<ChangeEvent>& events, const std::function<bool(const ChangeEvent&)>& match)
{
    return std::any_of(events.begin(), events.end(), match);
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(change_feed, StoreFixture)

BOOST_AUTO_TEST_CASE(a_file_has_no_feed, *boost::unit_test::precondition(sqliteOnly))
{
    BOOST_TEST(!store->watchChanges());
}

BOOST_AUTO_TEST_CASE(what_another_client_commits_is_announced_without_patient_data,
                     *boost::unit_test::precondition(postgresOnly))
{
    auto feed = store->watchChanges();
    BOOST_TEST_REQUIRE(feed != nullptr);
    // The feed says when it is listening (a resync: read everything from here on).
    BOOST_TEST_REQUIRE(any(waitFor(*feed, [](const ChangeEvent& e) { return e.resync; }),
                           [](const ChangeEvent& e) { return e.resync; }));

    auto other = open(testOptions("pt.okafor"));
    const std::int64_t patientId = other->patients().add(samplePatient());
    const std::int64_t noteId = other->notes().add(sampleNote(patientId));
    const auto events = waitFor(*feed, [&](const ChangeEvent& e) { return e.entity == "note"; });
    BOOST_TEST(any(events, [&](const ChangeEvent& e) {
        return e.entity == "patient" && e.action == "create" && e.entityId == patientId &&
               e.actor == other->signedIn()->login; // who the server says, not what the client claims
    }));
    BOOST_TEST(any(events, [&](const ChangeEvent& e) {
        return e.entity == "note" && e.entityId == noteId && e.patientId == patientId;
    }));
}

BOOST_AUTO_TEST_CASE(what_rolls_back_is_never_announced, *boost::unit_test::precondition(postgresOnly))
{
    const std::int64_t patientId = store->patients().add(samplePatient());
    const std::int64_t planId = store->plans().create(patientId, "Low back", sampleRevision());
    auto feed = store->watchChanges();
    waitFor(*feed, [](const ChangeEvent& e) { return e.resync; });
    auto other = open(testOptions("pt.okafor"));
    // A conflict is refused inside its transaction: no revision, no announcement.
    BOOST_TEST(other->plans().revise(planId, sampleRevision("Theirs"), 1) == 2);
    expectDbError(DbErrorKind::Conflict, [&] { other->plans().revise(planId, sampleRevision("Stale"), 1); });
    other->patients().setArchived(patientId, true); // a marker after the refused one
    const auto events = waitFor(*feed, [](const ChangeEvent& e) { return e.action == "archive"; });
    BOOST_TEST(any(events, [](const ChangeEvent& e) { return e.action == "archive"; }));
    long revisions = 0;
    for (const ChangeEvent& e : events)
        revisions += e.entity == "revision";
    BOOST_TEST(revisions == 1); // theirs only
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(a_feed_reconnects_after_a_server_restart_and_asks_for_a_resync,
                     *boost::unit_test::precondition(postgresOnly))
{
    PgCluster cluster;
    cluster.createRole("owner", "o", true);
    cluster.psql("ALTER ROLE owner CREATEROLE");
    cluster.createDatabase("clinic", "owner");
    initClinicDatabase(cluster.uri("owner", "o", "clinic"), testOptions());
    cluster.createRole("ana", "a", true, {"stretchplan_app"});
    auto store = openClinicStore(cluster.uri("ana", "a", "clinic"), testOptions("ana"));
    auto feed = store->watchChanges();
    BOOST_TEST_REQUIRE(any(waitFor(*feed, [](const ChangeEvent& e) { return e.resync; }),
                           [](const ChangeEvent& e) { return e.resync; }));
    cluster.restart(StopMode::Immediate);
    BOOST_TEST(any(waitFor(*feed, [](const ChangeEvent& e) { return e.resync; }, std::chrono::seconds(15)),
                   [](const ChangeEvent& e) { return e.resync; }));
    const std::int64_t id = store->patients().add(samplePatient());
    BOOST_TEST(any(waitFor(*feed, [&](const ChangeEvent& e) { return e.entityId == id; }),
                   [&](const ChangeEvent& e) { return e.entity == "patient" && e.entityId == id; }));
}
