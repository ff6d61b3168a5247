// The built-in lumbar pack: the ten exercises of the source article, every field a
// handout needs filled, loaded by the same code as any clinic's pack.
#include "pluginhost/PackLoader.h"
#include "pluginhost/PluginDirs.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace sp;

namespace {

const LoadedPack& lumbar()
{
    static const LoadedPack pack = loadPack(builtInPluginDir() / "lumbar", "lumbar");
    return pack;
}

const Exercise& exercise(const std::string& id)
{
    for (const Exercise& ex : lumbar().exercises)
        if (ex.id == id)
            return ex;
    throw std::runtime_error("no built-in exercise " + id);
}

const std::vector<std::string> kIds{
    "ql-oblique-release",        "glute-release",          "active-hamstring-stretch",
    "active-adductor-stretch",   "active-hip-flexor-stretch", "prone-press-up",
    "cat-camel-extension-hold",  "bridge-hold",            "ninety-ninety-active-stretch",
    "hip-activation-full-rom",
};

} // namespace

BOOST_AUTO_TEST_SUITE(built_in_pack)

BOOST_AUTO_TEST_CASE(loads_without_problems)
{
    for (const Problem& p : lumbar().problems)
        BOOST_ERROR(p.format());
    BOOST_TEST_REQUIRE(lumbar().ok());
    BOOST_TEST(lumbar().manifest->id == "lumbar");
}

BOOST_AUTO_TEST_CASE(holds_exactly_the_ten_exercises_of_the_article)
{
    std::set<std::string> ids;
    for (const Exercise& ex : lumbar().exercises)
        ids.insert(ex.id);
    BOOST_TEST((ids == std::set<std::string>(kIds.begin(), kIds.end())));
}

BOOST_AUTO_TEST_CASE(names_follow_the_article_headings)
{
    BOOST_TEST(exercise("ql-oblique-release").name == "Quadratus lumborum and oblique muscle and fascia release");
    BOOST_TEST(exercise("glute-release").name == "Gluteus muscle and fascia release");
    BOOST_TEST(exercise("prone-press-up").name == "Prone press-up");
    BOOST_TEST(exercise("cat-camel-extension-hold").name == "Cat-camel hold (extension only)");
    BOOST_TEST(exercise("ninety-ninety-active-stretch").name == "90-90 active stretch (front leg only)");
    BOOST_TEST(exercise("hip-activation-full-rom").name == "Full-range-of-motion hip activation");
}

BOOST_AUTO_TEST_CASE(every_exercise_has_every_handout_field_filled)
{
    for (const Exercise& ex : lumbar().exercises) {
        BOOST_TEST_CONTEXT(ex.id)
        {
            BOOST_TEST(!ex.aliases.empty());
            BOOST_TEST(!ex.summary.empty());
            BOOST_TEST(!ex.regions.empty());
            BOOST_TEST(!ex.directions.empty());
            BOOST_TEST(!ex.startPosition.empty());
            BOOST_TEST(ex.steps.size() >= 3u);
            BOOST_TEST(ex.steps.size() <= 6u);
            BOOST_TEST(ex.cues.size() >= 2u);
            BOOST_TEST(ex.cues.size() <= 4u);
            BOOST_TEST(!ex.commonMistakes.empty());
            BOOST_TEST(!ex.precautions.empty());
            BOOST_TEST(validate(ex.dosage).empty());
            BOOST_TEST_REQUIRE(ex.figure.has_value());
            BOOST_TEST(!ex.figure->poses.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(types_directions_and_positions_are_clinically_right)
{
    const Exercise& pressUp = exercise("prone-press-up");
    BOOST_TEST(pressUp.hasDirection(Direction::Extension));
    BOOST_TEST(!pressUp.hasDirection(Direction::Flexion));
    BOOST_TEST(static_cast<int>(pressUp.position) == static_cast<int>(Position::Prone));

    const Exercise& catCamel = exercise("cat-camel-extension-hold");
    BOOST_TEST(catCamel.hasDirection(Direction::Extension));
    BOOST_TEST(!catCamel.hasDirection(Direction::Flexion)); // extension only
    BOOST_TEST(static_cast<int>(catCamel.position) == static_cast<int>(Position::Quadruped));

    for (const char* id : {"ql-oblique-release", "glute-release"}) {
        const Exercise& release = exercise(id);
        BOOST_TEST(static_cast<int>(release.type) == static_cast<int>(ExerciseType::Release), id);
        BOOST_TEST(!release.equipment.empty(), id << " uses a ball or roller");
    }
    for (const char* id : {"active-hamstring-stretch", "active-adductor-stretch", "active-hip-flexor-stretch",
                           "ninety-ninety-active-stretch"})
        BOOST_TEST(static_cast<int>(exercise(id).type) == static_cast<int>(ExerciseType::ActiveStretch), id);

    // The pack covers the article's movement menu: rotation, side-to-side, flexion, extension.
    for (Direction d : {Direction::Rotation, Direction::LateralFlexion, Direction::Flexion, Direction::Extension}) {
        bool covered = false;
        for (const Exercise& ex : lumbar().exercises)
            covered = covered || ex.hasDirection(d);
        BOOST_TEST(covered, toString(d));
    }
}

BOOST_AUTO_TEST_CASE(guidance_has_the_article_texts_and_the_red_flags)
{
    const PackGuidance& g = lumbar().guidance;
    BOOST_TEST(g.sections.size() >= 6u);
    BOOST_TEST(g.redFlags.size() >= 5u);
}

BOOST_AUTO_TEST_SUITE_END()
