// Validation of what clinicians type into patient records, plans and notes.
#include "core/FollowUpNote.h"
#include "core/Patient.h"
#include "core/Plan.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace std::string_literals;

namespace {

bool hasError(const std::vector<FieldError>& errors, const std::string& field, const std::string& fragment)
{
    for (const FieldError& e : errors)
        if (e.field == field && e.message.find(fragment) != std::string::npos)
            return true;
    return false;
}

FollowUpNote note(int pain)
{
    FollowUpNote n;
    n.visitDate = *Date::parse("2026-11-24");
    n.painNow = pain;
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(record_validation)

BOOST_AUTO_TEST_CASE(accepts_a_plain_patient)
{
    Patient p;
    p.name = "José Álvarez";
    p.email = "jose@example.org";
    p.phone = "+34 (91) 555-0100";
    BOOST_TEST(validate(p).empty());
}

BOOST_AUTO_TEST_CASE(rejects_empty_long_or_broken_names)
{
    Patient p;
    BOOST_TEST(hasError(validate(p), "name", "must not be empty"));
    p.name = std::string(201, 'a');
    BOOST_TEST(hasError(validate(p), "name", "too long (201 characters, at most 200)"));
    p.name = "Ana\nRuiz";
    BOOST_TEST(hasError(validate(p), "name", "control character"));
    p.name = "Caf\xC3";
    BOOST_TEST(hasError(validate(p), "name", "not valid UTF-8"));
}

BOOST_AUTO_TEST_CASE(rejects_bad_contact_details)
{
    Patient p;
    p.name = "Ana";
    for (const char* bad : {"ana", "ana@", "@example.org", "ana@example", "a b@example.org", "ana@@example.org"}) {
        p.email = bad;
        BOOST_TEST(hasError(validate(p), "email", "not an e-mail address"), bad);
    }
    p.email.clear();
    p.phone = "call me";
    BOOST_TEST(hasError(validate(p), "phone", "only digits"));
}

BOOST_AUTO_TEST_CASE(free_text_notes_may_hold_anything_but_broken_utf8)
{
    Patient p;
    p.name = "Ana";
    p.notes = "quotes \" ' ; -- % _ and a NUL \0 inside"s;
    BOOST_TEST(validate(p).empty());
    p.notes = std::string(kMaxNotesChars + 1, 'x');
    BOOST_TEST(hasError(validate(p), "notes", "too long"));
}

BOOST_AUTO_TEST_CASE(pain_is_0_to_10_and_consistent)
{
    BOOST_TEST(validate(note(0)).empty());
    BOOST_TEST(validate(note(10)).empty());
    BOOST_TEST(hasError(validate(note(11)), "pain", "11 is out of range (0\u201310)"));
    BOOST_TEST(hasError(validate(note(-1)), "pain", "-1 is out of range"));
    FollowUpNote n = note(5);
    n.painWorst = 3;
    n.painBest = 7;
    const auto errors = validate(n);
    BOOST_TEST(hasError(errors, "pain_worst", "lower than the pain now"));
    BOOST_TEST(hasError(errors, "pain_best", "higher than the pain now"));
}

BOOST_AUTO_TEST_CASE(adherence_needs_both_numbers_and_psfs_scores_are_0_to_10)
{
    FollowUpNote n = note(3);
    n.sessionsDone = 4;
    BOOST_TEST(hasError(validate(n), "adherence", "give both"));
    n.sessionsPrescribed = 0;
    BOOST_TEST(hasError(validate(n), "adherence/prescribed", "0 is out of range"));
    n.sessionsPrescribed = 14;
    n.psfs = {{"Putting on socks", 4}, {"", 3}, {"Gardening", 12}};
    const auto errors = validate(n);
    BOOST_TEST(hasError(errors, "psfs/1/activity", "must not be empty"));
    BOOST_TEST(hasError(errors, "psfs/2/score", "12 is out of range (0\u201310)"));
    n.psfs = {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}};
    BOOST_TEST(hasError(validate(n), "psfs", "at most 5"));
}

BOOST_AUTO_TEST_CASE(next_due_cannot_be_before_the_visit)
{
    FollowUpNote n = note(3);
    n.nextDue = *Date::parse("2026-11-01");
    BOOST_TEST(hasError(validate(n), "next_due", "before the visit date"));
}

BOOST_AUTO_TEST_CASE(an_amendment_names_the_clinical_fields_it_changes_and_nothing_else)
{
    const FollowUpNote before = note(4);
    FollowUpNote after = before;
    BOOST_TEST(changedFields(before, after).empty());
    after.author = "someone else"; // who and when are not clinical fields
    after.createdAt = "2030-01-01T00:00:00Z";
    after.version = 3;
    BOOST_TEST(changedFields(before, after).empty());
    after.painNow = 5;
    after.sessionsPrescribed = 12;
    after.psfs.push_back({"Stairs", 3});
    after.nextDue = before.visitDate.plusDays(14);
    BOOST_TEST((changedFields(before, after) == std::vector<std::string>{"pain", "adherence", "psfs", "next_due"}));
}

BOOST_AUTO_TEST_CASE(plan_revision_needs_items_valid_dosage_and_no_repeats)
{
    PlanRevision r;
    BOOST_TEST(hasError(validate(r), "items", "at least one exercise"));
    PlanItem item;
    item.exerciseId = "lumbar/bridge-hold";
    item.dosage.reps = -3;
    r.items = {item, item};
    const auto errors = validate(r);
    BOOST_TEST(hasError(errors, "items/0/dosage/reps", "-3 is out of range (1\u2013100)"));
    BOOST_TEST(hasError(errors, "items/1/exercise", "already in the plan"));
    BOOST_TEST(hasError(validatePlanTitle(""), "title", "must not be empty"));
}

BOOST_AUTO_TEST_SUITE_END()
