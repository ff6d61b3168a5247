// A plan item's snapshot against the installed exercise of the same id (issue 16,
// section 2): every differing field named, and the plan file's snapshot held to the pack
// rules for media paths before anything reads a file.
#include "Fixtures.h"

#include "core/ExerciseJson.h"
#include "core/PlanJson.h"
#include "core/SnapshotDiff.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using sp::test::Problems;
using sp::test::validExerciseJson;

namespace {

Exercise wallSlide()
{
    Problems p;
    Exercise ex = *parseExercise(validExerciseJson(), p.sink);
    ex.pack = "clinic";
    ex.progressions.clear();
    ex.regressions.clear();
    return ex;
}

Catalog catalogWith(const Exercise& ex)
{
    Catalog c;
    c.addPack({{"clinic", "Clinic", "1.2.0", 1, "a", "b", "c"}, "/packs/clinic", {}}, {ex});
    return c;
}

PlanItem itemOf(const Exercise& ex)
{
    return {ex.qualifiedId(), ex, ex.dosage, ""};
}

Json planFileWithImage(const std::string& file)
{
    Json snapshot = validExerciseJson();
    snapshot["progressions"] = Json::array();
    snapshot["regressions"] = Json::array();
    snapshot["media"]["images"][0]["file"] = file;
    return {{"format", "stretchplan-plan"},
            {"format_version", 1},
            {"plan", {{"title", "T"}}},
            {"items", Json::array({{{"exercise", "clinic/wall-slide"}, {"snapshot", snapshot}}})}};
}

} // namespace

BOOST_AUTO_TEST_SUITE(snapshot_diff)

BOOST_AUTO_TEST_CASE(an_unchanged_snapshot_has_no_difference)
{
    const Exercise ex = wallSlide();
    BOOST_TEST(snapshotDiffs({itemOf(ex)}, catalogWith(ex)).empty());
}

BOOST_AUTO_TEST_CASE(rewritten_steps_and_media_are_named_with_the_pack_version)
{
    const Exercise installed = wallSlide();
    Exercise rewritten = installed;
    rewritten.steps = {"Lift a 40 kg weight from the floor with a rounded back."};
    rewritten.media.images.clear();
    const auto diffs = snapshotDiffs({itemOf(installed), itemOf(rewritten)}, catalogWith(installed));
    BOOST_TEST_REQUIRE(diffs.size() == 1u);
    BOOST_TEST(diffs[0].item == 1u);
    BOOST_TEST(diffs[0].fields == (std::vector<std::string>{"media", "steps"}), diffs[0].message());
    BOOST_TEST(diffs[0].message() ==
               "item 2 (clinic/wall-slide, \"Wall slide\"): the plan's copy differs from the installed pack clinic "
               "1.2.0 in media, steps; the handout prints the plan's text, not the pack's");
}

BOOST_AUTO_TEST_CASE(an_exercise_the_installed_pack_lacks_cannot_be_checked_and_says_so)
{
    Exercise invented = wallSlide();
    invented.id = "safe-lift";
    const auto diffs = snapshotDiffs({itemOf(invented)}, catalogWith(wallSlide()));
    BOOST_TEST_REQUIRE(diffs.size() == 1u);
    BOOST_TEST(!diffs[0].exerciseInstalled);
    BOOST_TEST(diffs[0].message().find("the installed pack clinic 1.2.0 has no such exercise") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_plan_file_snapshot_is_held_to_the_pack_rules_for_media_paths)
{
    for (const auto& [file, problem] : std::vector<std::pair<std::string, std::string>>{
             {"/etc/passwd.png", "\"/etc/passwd.png\" is an absolute path; give a path inside the pack folder"},
             {"../../x.png", "\"../../x.png\" leaves the pack folder (\"..\")"},
             {"media/../../x.png", "\"media/../../x.png\" leaves the pack folder (\"..\")"},
             {"media\\x.png", "\"media\\\\x.png\" use / between folders, not \\"}}) {
        Problems p;
        BOOST_TEST(!parsePlanFile(planFileWithImage(file), p.sink).has_value(), file);
        BOOST_TEST_REQUIRE(p.list.size() == 1u, file);
        BOOST_TEST(p.list[0].pointer == "/items/0/snapshot/media/images/0/file");
        BOOST_TEST(p.list[0].message == problem);
    }
    Problems p;
    BOOST_TEST(parsePlanFile(planFileWithImage("media/wall-slide.png"), p.sink).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
