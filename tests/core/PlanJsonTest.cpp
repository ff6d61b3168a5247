#include "Fixtures.h"

#include "core/ExerciseJson.h"
#include "core/PlanDiff.h"
#include "core/PlanJson.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace std::string_literals;
using sp::test::Problems;
using sp::test::validExerciseJson;

namespace {

Catalog catalogWithWallSlide()
{
    Problems p;
    Exercise ex = *parseExercise(validExerciseJson(), p.sink);
    Exercise other = ex;
    other.id = "single-leg-slide";
    other.name = "Single-leg slide";
    ex.regressions.clear();
    other.regressions.clear();
    other.progressions.clear();
    Catalog c;
    c.addPack({{"clinic", "Clinic", "1.0.0", 1, "a", "b", "c"}, "/packs/clinic", {}}, {ex, other});
    return c;
}

Json templateJson()
{
    return Json::parse(R"({"kind": "plan-template", "id": "knee-basics", "title": "Knee basics",
        "description": "Start here.", "goals": ["Stand up easily"],
        "items": [{"exercise": "wall-slide", "dosage": {"sets": 3, "side": "each"}, "note": "Slowly."},
                  {"exercise": "clinic/single-leg-slide"}]})");
}

} // namespace

BOOST_AUTO_TEST_SUITE(plan_json)

BOOST_AUTO_TEST_CASE(template_items_resolve_with_dosage_overrides_over_the_default)
{
    Problems p;
    const auto t = parsePlanTemplate(templateJson(), p.sink);
    BOOST_TEST_REQUIRE(t.has_value());
    BOOST_TEST(t->goals.at(0) == "Stand up easily");
    const Catalog c = catalogWithWallSlide();
    FieldErrors errors;
    const auto items = resolveItems(t->items, c, errors);
    BOOST_TEST(errors.empty());
    BOOST_TEST_REQUIRE(items.size() == 2u);
    BOOST_TEST(items[0].exerciseId == "clinic/wall-slide");
    BOOST_TEST(items[0].dosage.sets == 3);                      // overridden
    BOOST_TEST(items[0].dosage.reps == 10);                     // the exercise's default
    BOOST_TEST(static_cast<int>(items[0].dosage.side) == static_cast<int>(Side::Each));
    BOOST_TEST(items[0].note == "Slowly.");
    BOOST_TEST(items[0].snapshot.name == "Wall slide");
}

BOOST_AUTO_TEST_CASE(template_problems_name_the_pointer)
{
    Json j = templateJson();
    j["items"][0]["dosage"]["reps"] = 0;
    j["items"][1]["exercise"] = "Not An Id";
    j["colour"] = "red";
    Problems p;
    BOOST_TEST(!parsePlanTemplate(j, p.sink));
    BOOST_TEST(p.has("/items/0/dosage/reps", "0 is out of range (1\u2013100)"));
    BOOST_TEST(p.has("/items/1/exercise", "is not an exercise id"));
    BOOST_TEST(p.has("/colour", "unknown field"));
}

BOOST_AUTO_TEST_CASE(unknown_exercise_in_a_spec_is_an_error_naming_the_item)
{
    Problems p;
    auto t = parsePlanTemplate(templateJson(), p.sink);
    t->items[1].exercise = "clinic/handstand";
    FieldErrors errors;
    resolveItems(t->items, catalogWithWallSlide(), errors);
    BOOST_TEST_REQUIRE(errors.list().size() == 1u);
    BOOST_TEST(errors.list()[0].field == "items/1/exercise");
    BOOST_TEST(errors.list()[0].message == "no exercise \"clinic/handstand\" in the catalog");
}

BOOST_AUTO_TEST_CASE(plan_file_round_trips_with_snapshots_even_without_the_pack)
{
    const Catalog c = catalogWithWallSlide();
    Problems p;
    const auto t = parsePlanTemplate(templateJson(), p.sink);
    FieldErrors errors;
    PlanRevision rev;
    rev.number = 2;
    rev.reason = "NUL \0 and \"quotes\""s;
    rev.goals = t->goals;
    rev.items = resolveItems(t->items, c, errors);
    Plan plan{7, 3, "Knees", PlanStatus::Active, "", 2};
    Patient patient;
    patient.id = 3;
    patient.name = "Ana";

    const Json file = planFileJson(plan, patient, rev);
    BOOST_TEST(file.at("items")[0].at("snapshot").at("name") == "Wall slide");
    const auto spec = parsePlanFile(Json::parse(file.dump()), p.sink);
    BOOST_TEST_REQUIRE(spec.has_value(), (p.lines().empty() ? std::string() : p.lines()[0]));
    BOOST_TEST(spec->patientId.value_or(0) == 3);
    BOOST_TEST(spec->title == "Knees");
    BOOST_TEST(spec->reason == rev.reason);
    // Resolve against an empty catalog: the snapshots carry the exercises.
    FieldErrors none;
    const auto items = resolveItems(spec->items, Catalog{}, none);
    BOOST_TEST(none.empty(), none.summary());
    BOOST_TEST_REQUIRE(items.size() == rev.items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        BOOST_TEST((items[i] == rev.items[i]), i);
}

BOOST_AUTO_TEST_CASE(plan_file_from_a_newer_version_or_another_format_is_refused)
{
    Problems p;
    BOOST_TEST(!parsePlanFile(Json::parse(R"({"format": "other", "format_version": 9, "plan": {"title": "x"},
                                              "items": [{"exercise": "a/b"}]})"),
                              p.sink));
    BOOST_TEST(p.has("/format", "is not a StretchPlan plan file"));
    BOOST_TEST(p.has("/format_version", "needs format version 9; this StretchPlan reads 1"));
}

BOOST_AUTO_TEST_CASE(diff_reports_added_removed_dosage_and_note_changes)
{
    const Catalog c = catalogWithWallSlide();
    Problems p;
    const auto t = parsePlanTemplate(templateJson(), p.sink);
    FieldErrors errors;
    PlanRevision a;
    a.items = resolveItems(t->items, c, errors);
    a.goals = {"one"};
    PlanRevision b = a;
    b.items.erase(b.items.begin() + 1); // single-leg slide removed
    b.items[0].dosage.reps = 12;
    b.items[0].dosage.side = Side::Both;
    b.items[0].note = "Faster.";
    PlanDiff d = diff(a, b);
    BOOST_TEST(d.added.empty());
    BOOST_TEST_REQUIRE(d.removed.size() == 1u);
    BOOST_TEST(d.removed[0]->exerciseId == "clinic/single-leg-slide");
    BOOST_TEST_REQUIRE(d.changed.size() == 1u);
    const auto& changes = d.changed[0].changes;
    BOOST_TEST_REQUIRE(changes.size() == 3u);
    BOOST_TEST(changes[0].field == "reps");
    BOOST_TEST(changes[0].from == "10");
    BOOST_TEST(changes[0].to == "12");
    BOOST_TEST(changes[1].field == "side");
    BOOST_TEST(changes[2].field == "note");
    BOOST_TEST(!d.goalsChanged);

    PlanDiff back = diff(b, a);
    BOOST_TEST(back.added.size() == 1u);
    BOOST_TEST(diff(a, a).empty());

    PlanRevision swapped = a;
    std::swap(swapped.items[0], swapped.items[1]);
    swapped.goals = {"two"};
    PlanDiff order = diff(a, swapped);
    BOOST_TEST(order.orderChanged);
    BOOST_TEST(order.goalsChanged);
    BOOST_TEST(order.changed.empty());
}

BOOST_AUTO_TEST_SUITE_END()
