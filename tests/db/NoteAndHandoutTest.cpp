// Follow-up notes and the handout log: stored exactly, validated first, tied to the
// patient's own plans, and the list of who is due for a follow-up.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

struct ClinicFixture : StoreFixture {
    ClinicFixture()
    {
        patientId = store->patients().add(samplePatient());
        planId = store->plans().create(patientId, "Low back", sampleRevision());
        revisionId = store->plans().revision(planId).id;
    }
    std::int64_t patientId = 0;
    std::int64_t planId = 0;
    std::int64_t revisionId = 0;
};

HandoutRecord sampleHandout(std::int64_t revisionId)
{
    HandoutRecord h;
    h.revisionId = revisionId;
    h.channel = HandoutChannel::Email;
    h.recipient = "jose@example.org";
    h.sha256 = std::string(64, 'c');
    return h;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(notes, ClinicFixture)

BOOST_AUTO_TEST_CASE(stores_and_reads_back_every_field)
{
    FollowUpNote n = sampleNote(patientId);
    n.revisionId = revisionId;
    n.id = store->notes().add(n);
    const auto notes = store->notes().listForPatient(patientId);
    BOOST_TEST_REQUIRE(notes.size() == 1u);
    BOOST_TEST(notes[0].author == "pt.rivera");
    BOOST_TEST(!notes[0].createdAt.empty());
    n.author = notes[0].author;
    n.createdAt = notes[0].createdAt;
    BOOST_TEST((notes[0] == n));
}

BOOST_AUTO_TEST_CASE(keeps_soap_text_exactly_including_nul_and_sql_characters)
{
    FollowUpNote n = sampleNote(patientId);
    n.painWorst.reset();
    n.painBest.reset();
    n.sessionsDone.reset();
    n.sessionsPrescribed.reset();
    n.nextDue.reset();
    n.psfs.clear();
    n.subjective = std::string("She said: \"it's 50% better\"; -- no; _x_\0 hidden\0", 48);
    n.objective = "'; DELETE FROM follow_up_notes; --";
    n.assessment = std::string(1, '\0');
    n.planText = "100%_ LIKE '%'";
    if (onPostgres()) {
        // PostgreSQL cannot store a NUL in text: the store refuses it, saying so, and writes nothing.
        const DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().add(n); });
        BOOST_TEST(contains(e.what(), "NUL character"), e.what());
        BOOST_TEST(countRows(*store, "follow_up_notes") == 0);
        n.subjective = std::string("She said: \"it's 50% better\"; -- no; _x_ hidden", 46);
        n.assessment = "";
    }
    n.id = store->notes().add(n);
    const FollowUpNote back = store->notes().listForPatient(patientId).at(0);
    BOOST_TEST(back.subjective == n.subjective);
    BOOST_TEST(back.subjective.size() == (onPostgres() ? 46u : 48u));
    BOOST_TEST(back.objective == n.objective);
    BOOST_TEST(back.assessment == n.assessment);
    BOOST_TEST(back.planText == n.planText);
    BOOST_TEST(!back.painWorst.has_value());
    BOOST_TEST(!back.nextDue.has_value());
}

BOOST_AUTO_TEST_CASE(lists_newest_visit_first)
{
    store->notes().add(sampleNote(patientId, Date{2025, 1, 10}));
    store->notes().add(sampleNote(patientId, Date{2025, 3, 5}));
    store->notes().add(sampleNote(patientId, Date{2025, 2, 7}));
    const auto notes = store->notes().listForPatient(patientId);
    BOOST_TEST_REQUIRE(notes.size() == 3u);
    BOOST_TEST((notes[0].visitDate == Date{2025, 3, 5}));
    BOOST_TEST((notes[2].visitDate == Date{2025, 1, 10}));
}

BOOST_AUTO_TEST_CASE(rejects_invalid_notes_and_writes_nothing)
{
    FollowUpNote pain = sampleNote(patientId);
    pain.painNow = 11;
    pain.painWorst = 11;
    DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().add(pain); });
    BOOST_TEST(hasFieldError(e, "pain"));
    BOOST_TEST(contains(e.what(), "11 is out of range"));

    FollowUpNote badText = sampleNote(patientId);
    badText.assessment = "\xFF\xFE";
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().add(badText); });
    BOOST_TEST(hasFieldError(e, "assessment"));

    FollowUpNote tooLong = sampleNote(patientId);
    tooLong.subjective = std::string(kMaxSoapChars + 1, 'x');
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().add(tooLong); });
    BOOST_TEST(hasFieldError(e, "subjective"));

    FollowUpNote badDue = sampleNote(patientId);
    badDue.nextDue = Date{2025, 2, 31};
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().add(badDue); });
    BOOST_TEST(hasFieldError(e, "next_due"));

    const auto otherPatient = store->patients().add(samplePatient("Ann Lee"));
    FollowUpNote foreignRevision = sampleNote(otherPatient);
    foreignRevision.revisionId = revisionId;
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().add(foreignRevision); });
    BOOST_TEST(hasFieldError(e, "revision"));

    FollowUpNote missingRevision = sampleNote(patientId);
    missingRevision.revisionId = 9999;
    e = expectDbError(DbErrorKind::Invalid, [&] { store->notes().add(missingRevision); });
    BOOST_TEST(hasFieldError(e, "revision"));

    BOOST_TEST(countRows(*store, "follow_up_notes") == 0);
    BOOST_TEST(countRows(*store, "psfs_scores") == 0);
}

BOOST_AUTO_TEST_CASE(reports_unknown_patients_as_not_found)
{
    const DbError e = expectDbError(DbErrorKind::NotFound, [&] { store->notes().add(sampleNote(4242)); });
    BOOST_TEST(std::string(e.what()) == "no patient 4242");
    expectDbError(DbErrorKind::NotFound, [&] { store->notes().listForPatient(4242); });
    BOOST_TEST(countRows(*store, "follow_up_notes") == 0);
}

BOOST_AUTO_TEST_CASE(refuses_raw_changes_to_stored_notes)
{
    store->notes().add(sampleNote(patientId));
    BOOST_TEST(refused(database, "UPDATE follow_up_notes SET pain_now = 0"));
    BOOST_TEST(refused(database, "DELETE FROM psfs_scores"));
    BOOST_TEST(refused(database, "DELETE FROM follow_up_notes"));
}

BOOST_AUTO_TEST_CASE(lists_patients_due_by_their_latest_note_earliest_first)
{
    const auto ann = store->patients().add(samplePatient("Ann Lee"));
    const auto bo = store->patients().add(samplePatient("Bo Chen"));
    const auto cy = store->patients().add(samplePatient("Cy Twombly"));
    const auto di = store->patients().add(samplePatient("Di Archived"));
    auto note = [&](std::int64_t patient, Date visit, std::optional<Date> due) {
        FollowUpNote n = sampleNote(patient, visit);
        n.nextDue = due;
        store->notes().add(n);
    };
    // José: an old note was due long ago, but his latest asks for April.
    note(patientId, Date{2025, 1, 1}, Date{2025, 1, 15});
    note(patientId, Date{2025, 3, 1}, Date{2025, 4, 1});
    // Ann: latest note due 10 March.
    note(ann, Date{2025, 2, 20}, Date{2025, 3, 10});
    // Bo: two notes the same day; the later one (higher id) decides: 5 March.
    note(bo, Date{2025, 2, 26}, Date{2025, 3, 20});
    note(bo, Date{2025, 2, 26}, Date{2025, 3, 5});
    // Cy: latest note asks for no follow-up.
    note(cy, Date{2025, 1, 1}, Date{2025, 1, 10});
    note(cy, Date{2025, 2, 1}, std::nullopt);
    // Di: due, but archived.
    note(di, Date{2025, 2, 1}, Date{2025, 2, 15});
    store->patients().setArchived(di, true);

    const auto due = store->notes().due(Date{2025, 3, 15});
    BOOST_TEST_REQUIRE(due.size() == 2u);
    BOOST_TEST(due[0].patientId == bo);
    BOOST_TEST(due[0].patientName == "Bo Chen");
    BOOST_TEST((due[0].due == Date{2025, 3, 5}));
    BOOST_TEST((due[0].lastVisit == Date{2025, 2, 26}));
    BOOST_TEST(due[1].patientId == ann);
    BOOST_TEST((due[1].due == Date{2025, 3, 10}));
    BOOST_TEST(store->notes().due(Date{2025, 3, 4}).empty());
    BOOST_TEST(store->notes().due(Date{2025, 4, 1}).size() == 3u);
}

// The due list is kept from each patient's latest note as notes are added, so it must not
// depend on the order they are written in: compare it, for notes written in a random
// order (visits out of order, several on one day), with the latest note of every patient
// as listForPatient gives it.
BOOST_AUTO_TEST_CASE(due_list_follows_the_latest_note_whatever_order_notes_are_written_in)
{
    std::mt19937 rng(11);
    std::vector<std::int64_t> patients{patientId};
    for (int i = 0; i < 12; ++i)
        patients.push_back(store->patients().add(samplePatient("Patient " + std::to_string(i))));
    for (int i = 0; i < 120; ++i) {
        FollowUpNote n = sampleNote(patients[rng() % patients.size()], Date{2025, 1, 1}.plusDays(rng() % 40));
        n.nextDue = rng() % 4 == 0 ? std::nullopt : std::optional<Date>(n.visitDate.plusDays(rng() % 30));
        store->notes().add(n);
    }
    store->patients().setArchived(patients[3], true);

    for (const Date until : {Date{2025, 1, 10}, Date{2025, 2, 1}, Date{2025, 2, 20}, Date{2025, 4, 1}}) {
        BOOST_TEST_CONTEXT("until " << until.toString())
        {
            std::vector<std::pair<Date, std::int64_t>> expected;
            for (const std::int64_t id : patients) {
                const auto notes = store->notes().listForPatient(id); // newest visit first
                if (notes.empty() || store->patients().get(id).archived)
                    continue;
                if (notes[0].nextDue && *notes[0].nextDue <= until)
                    expected.emplace_back(*notes[0].nextDue, id);
            }
            std::vector<std::pair<Date, std::int64_t>> got;
            for (const FollowUpDue& d : store->notes().due(until))
                got.emplace_back(d.due, d.patientId);
            std::sort(expected.begin(), expected.end());
            std::sort(got.begin(), got.end());
            BOOST_TEST((got == expected));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(handouts, ClinicFixture)

BOOST_AUTO_TEST_CASE(logs_and_lists_handouts_newest_first)
{
    const auto first = store->handouts().add(sampleHandout(revisionId));
    HandoutRecord printed = sampleHandout(revisionId);
    printed.channel = HandoutChannel::Print;
    printed.recipient = "Front desk printer";
    const auto second = store->handouts().add(printed);
    const auto list = store->handouts().listForPatient(patientId);
    BOOST_TEST_REQUIRE(list.size() == 2u);
    BOOST_TEST(list[0].id == second);
    BOOST_TEST(list[1].id == first);
    BOOST_TEST((list[0].channel == HandoutChannel::Print));
    BOOST_TEST(list[0].recipient == "Front desk printer");
    BOOST_TEST(list[1].sha256 == std::string(64, 'c'));
    BOOST_TEST(list[1].author == "pt.rivera");
    BOOST_TEST(!list[1].at.empty());
    BOOST_TEST(list[1].revisionId == revisionId);
}

BOOST_AUTO_TEST_CASE(rejects_invalid_records_and_unknown_revisions)
{
    HandoutRecord badHash = sampleHandout(revisionId);
    badHash.sha256 = std::string(64, 'C');
    DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->handouts().add(badHash); });
    BOOST_TEST(hasFieldError(e, "sha256"));
    HandoutRecord badChannel = sampleHandout(revisionId);
    badChannel.channel = static_cast<HandoutChannel>(0);
    e = expectDbError(DbErrorKind::Invalid, [&] { store->handouts().add(badChannel); });
    BOOST_TEST(hasFieldError(e, "channel"));
    e = expectDbError(DbErrorKind::NotFound, [&] { store->handouts().add(sampleHandout(777)); });
    BOOST_TEST(std::string(e.what()) == "no plan revision 777");
    expectDbError(DbErrorKind::NotFound, [&] { store->handouts().listForPatient(4242); });
    for (const std::string bad : {"no-brackets@example.org", "<no-at-sign>", "<a@b>\r\nBcc: x@y", "<a b@c>"}) {
        HandoutRecord badId = sampleHandout(revisionId);
        badId.messageId = bad;
        e = expectDbError(DbErrorKind::Invalid, [&] { store->handouts().add(badId); });
        BOOST_TEST(hasFieldError(e, "message_id"), bad);
    }
    HandoutRecord printedWithId = sampleHandout(revisionId);
    printedWithId.channel = HandoutChannel::Print;
    printedWithId.messageId = "<a@example.org>";
    e = expectDbError(DbErrorKind::Invalid, [&] { store->handouts().add(printedWithId); });
    BOOST_TEST(hasFieldError(e, "message_id"));
    BOOST_TEST(countRows(*store, "handout_log") == 0);
}

BOOST_AUTO_TEST_CASE(keeps_the_message_id_of_an_email_and_puts_no_address_in_the_audit_log)
{
    HandoutRecord sent = sampleHandout(revisionId);
    sent.messageId = "<5f0c2a.1764000000@riverside.example.org>";
    const auto id = store->handouts().add(sent);
    const auto list = store->handouts().listForPatient(patientId);
    BOOST_TEST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0].id == id);
    BOOST_TEST(list[0].messageId == sent.messageId);
    BOOST_TEST(list[0].recipient == "jose@example.org");
    const auto audit = store->audit().list({patientId, 1});
    BOOST_TEST_REQUIRE(audit.size() == 1u);
    BOOST_TEST(audit[0].entity == "handout");
    const Json details = Json::parse(audit[0].details);
    BOOST_TEST(details.at("message_id") == sent.messageId);
    BOOST_TEST(details.at("sha256") == sent.sha256);
    BOOST_TEST(audit[0].details.find("jose") == std::string::npos, audit[0].details);
}

BOOST_AUTO_TEST_SUITE_END()
