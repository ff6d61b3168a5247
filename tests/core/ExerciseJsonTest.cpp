#include "Fixtures.h"

#include "core/ExerciseJson.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using sp::test::Problems;
using sp::test::validExerciseJson;

BOOST_AUTO_TEST_SUITE(exercise_json)

BOOST_AUTO_TEST_CASE(parses_every_field_of_a_valid_exercise)
{
    Problems p;
    const auto ex = parseExercise(validExerciseJson(), p.sink);
    BOOST_TEST_REQUIRE(ex.has_value(), "problems: " << p.list.size());
    BOOST_TEST(p.list.empty());
    BOOST_TEST(ex->id == "wall-slide");
    BOOST_TEST(ex->name == "Wall slide");
    BOOST_TEST(ex->aliases == std::vector<std::string>{"Wall squat"});
    BOOST_TEST(static_cast<int>(ex->type) == static_cast<int>(ExerciseType::Strength));
    BOOST_TEST(ex->regions.size() == 2u);
    BOOST_TEST(ex->hasDirection(Direction::Neutral));
    BOOST_TEST(!ex->hasDirection(Direction::Flexion));
    BOOST_TEST(static_cast<int>(ex->position) == static_cast<int>(Position::Standing));
    BOOST_TEST(ex->steps.size() == 3u);
    BOOST_TEST(ex->dosage.reps == 10);
    BOOST_TEST(ex->dosage.perDay == 1);
    BOOST_TEST(ex->dosage.daysPerWeek == 5);
    BOOST_TEST(ex->dosage.tempo_s == 4);
    BOOST_TEST(ex->regressions == std::vector<std::string>{"other-pack/chair-stand"});
    BOOST_TEST(ex->media.images.at(0).file == "media/wall-slide.png");
    BOOST_TEST(ex->media.videoUrl == "https://example.org/wall-slide");
    BOOST_TEST_REQUIRE(ex->figure.has_value());
    BOOST_TEST(ex->figure->poses.at(0).props.size() == 4u);
}

BOOST_AUTO_TEST_CASE(written_exercise_parses_back_equal)
{
    Problems p;
    const auto ex = parseExercise(validExerciseJson(), p.sink);
    BOOST_TEST_REQUIRE(ex.has_value());
    const auto again = parseExercise(toJson(*ex), p.sink);
    BOOST_TEST_REQUIRE(again.has_value());
    BOOST_TEST((*again == *ex));
}

BOOST_AUTO_TEST_CASE(reports_missing_required_field_by_pointer)
{
    Json j = validExerciseJson();
    j.erase("steps");
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/steps", "is required but missing"));
    BOOST_TEST(p.lines().at(0) == "pack/exercises/x.json: /steps: is required but missing");
}

BOOST_AUTO_TEST_CASE(reports_unknown_field)
{
    Json j = validExerciseJson();
    j["repetitions"] = 10;
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/repetitions", "unknown field \"repetitions\""));
}

BOOST_AUTO_TEST_CASE(suggests_the_nearest_known_key_for_a_misspelled_one)
{
    Json j = validExerciseJson();
    j["stpes"] = j["steps"];
    j.erase("steps");
    j["step"] = "a key that is already there is not suggested";
    j["repetitions"] = 10;
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    const auto messageAt = [&](const std::string& pointer) {
        for (const Problem& problem : p.list)
            if (problem.pointer == pointer)
                return problem.message;
        return std::string("(no problem at " + pointer + ")");
    };
    BOOST_TEST(messageAt("/stpes") == "unknown field \"stpes\"; did you mean \"steps\"?");
    BOOST_TEST(messageAt("/repetitions") == "unknown field \"repetitions\""); // nothing near it
    BOOST_TEST(messageAt("/steps") == "is required but missing");
    j.erase("stpes");
    j["steps"] = validExerciseJson()["steps"];
    Problems q;
    BOOST_TEST(!parseExercise(j, q.sink).has_value());
    BOOST_TEST(q.has("/step", "unknown field \"step\""));
    BOOST_TEST(!q.has("/step", "did you mean"));
}

BOOST_AUTO_TEST_CASE(reports_mistyped_field)
{
    Json j = validExerciseJson();
    j["name"] = 42;
    j["steps"] = "do it";
    j["dosage"]["reps"] = "ten";
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/name", "expected a string, got an integer"));
    BOOST_TEST(p.has("/steps", "expected an array, got a string"));
    BOOST_TEST(p.has("/dosage/reps", "expected a whole number, got a string"));
}

BOOST_AUTO_TEST_CASE(reports_bad_enum_values_with_the_choices)
{
    Json j = validExerciseJson();
    j["type"] = "stretchy";
    j["position"] = "upside-down";
    j["directions"] = {"flexion", "sideways"};
    j["dosage"]["side"] = "middle";
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/type", "\"stretchy\" is not one of release, active-stretch, mobility, activation, strength, stability"));
    BOOST_TEST(p.has("/position", "\"upside-down\" is not one of supine, prone"));
    BOOST_TEST(p.has("/directions/1", "\"sideways\" is not one of flexion"));
    BOOST_TEST(p.has("/dosage/side", "\"middle\" is not one of left, right, both, each"));
}

BOOST_AUTO_TEST_CASE(reports_out_of_range_dosage_naming_field_and_value)
{
    Json j = validExerciseJson();
    j["dosage"]["reps"] = 150;
    j["dosage"]["hold_s"] = -1;
    j["dosage"]["sets"] = 2.5;
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/dosage/reps", "150 is out of range (1\u2013100)"));
    BOOST_TEST(p.has("/dosage/hold_s", "-1 is out of range (0\u2013600)"));
    BOOST_TEST(p.has("/dosage/sets", "expected a whole number, got a number (2.5)"));
}

BOOST_AUTO_TEST_CASE(huge_unsigned_number_is_out_of_range_not_wrapped)
{
    Json j = validExerciseJson();
    j["dosage"]["reps"] = 18446744073709551615ull;
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/dosage/reps", "18446744073709551615 is out of range"));
}

BOOST_AUTO_TEST_CASE(rejects_invalid_ids_and_self_references)
{
    Json j = validExerciseJson();
    j["id"] = "Wall Slide";
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/id", "is not a valid id"));

    Json k = validExerciseJson();
    k["progressions"] = {"wall-slide", "a/b/c"};
    Problems q;
    BOOST_TEST(!parseExercise(k, q.sink).has_value());
    BOOST_TEST(q.has("/progressions/0", "cannot refer to itself"));
    BOOST_TEST(q.has("/progressions/1", "is not an exercise id"));
}

BOOST_AUTO_TEST_CASE(rejects_empty_text_control_characters_and_overlong_text)
{
    Json j = validExerciseJson();
    j["summary"] = "";
    j["cues"] = {"fine", "bad\u0007bell"};
    j["name"] = std::string(121, 'a');
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/summary", "must not be empty"));
    BOOST_TEST(p.has("/cues/1", "control character"));
    BOOST_TEST(p.has("/name", "is too long (121 characters, at most 120)"));
}

BOOST_AUTO_TEST_CASE(counts_length_in_characters_not_bytes)
{
    Json j = validExerciseJson();
    std::string name;
    for (int i = 0; i < 120; ++i)
        name += "\u00e9"; // two bytes each
    j["name"] = name;
    Problems p;
    BOOST_TEST(parseExercise(j, p.sink).has_value());
}

BOOST_AUTO_TEST_CASE(rejects_empty_required_lists_and_repeated_directions)
{
    Json j = validExerciseJson();
    j["steps"] = Json::array();
    j["directions"] = {"flexion", "flexion"};
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.has("/steps", "must have at least one item"));
    BOOST_TEST(p.has("/directions/1", "listed twice"));
}

BOOST_AUTO_TEST_CASE(rejects_video_url_that_is_not_a_web_address)
{
    for (const char* bad : {"javascript:alert(1)", "ftp://x.org/v", "https://", "https://a b.org"}) {
        Json j = validExerciseJson();
        j["media"]["video_url"] = bad;
        Problems p;
        BOOST_TEST(!parseExercise(j, p.sink).has_value(), bad);
        BOOST_TEST(p.has("/media/video_url", "is not a web address"), bad);
    }
}

BOOST_AUTO_TEST_CASE(media_and_figure_are_optional)
{
    Json j = validExerciseJson();
    j.erase("media");
    j.erase("figure");
    Problems p;
    const auto ex = parseExercise(j, p.sink);
    BOOST_TEST_REQUIRE(ex.has_value());
    BOOST_TEST(!ex->figure.has_value());
    BOOST_TEST(ex->media.images.empty());
}

BOOST_AUTO_TEST_CASE(document_that_is_not_an_object_is_one_problem)
{
    Problems p;
    BOOST_TEST(!parseExercise(Json::array(), p.sink).has_value());
    BOOST_TEST_REQUIRE(p.list.size() == 1u);
    BOOST_TEST(p.lines()[0] == "pack/exercises/x.json: expected an object, got an array");
}

BOOST_AUTO_TEST_CASE(reports_every_problem_not_just_the_first)
{
    Json j = validExerciseJson();
    j["type"] = "x";
    j["position"] = "y";
    j["dosage"]["reps"] = 0;
    j["bogus"] = true;
    Problems p;
    BOOST_TEST(!parseExercise(j, p.sink).has_value());
    BOOST_TEST(p.list.size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
