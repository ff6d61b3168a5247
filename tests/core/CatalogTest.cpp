#include "core/Catalog.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using namespace sp;

namespace {

Exercise make(std::string id, std::string name, ExerciseType type, std::vector<Direction> dirs,
              std::vector<std::string> aliases = {}, std::string summary = "An exercise.")
{
    Exercise e;
    e.id = std::move(id);
    e.name = std::move(name);
    e.type = type;
    e.directions = std::move(dirs);
    e.aliases = std::move(aliases);
    e.summary = std::move(summary);
    return e;
}

CatalogPack pack(std::string id)
{
    CatalogPack p;
    p.manifest.id = std::move(id);
    return p;
}

// A catalog shaped like the built-in pack plus a clinic pack that reuses one id.
Catalog sample()
{
    Catalog c;
    c.addPack(pack("lumbar"),
              {make("prone-press-up", "Prone press-up", ExerciseType::Mobility, {Direction::Extension},
                    {"McKenzie press-up", "prone extension"}, "Ease back pain by arching gently."),
               make("active-hamstring-stretch", "Active hamstring stretch", ExerciseType::ActiveStretch,
                    {Direction::Flexion}, {"hamstring"}, "Loosen the back of your thigh."),
               make("bridge-hold", "Bridge hold", ExerciseType::Stability, {Direction::Neutral},
                    {"glute bridge"}, "Wake up your buttock muscles to support your back."),
               make("active-hip-flexor-stretch", "Active hip flexor stretch", ExerciseType::ActiveStretch,
                    {Direction::Extension}, {"psoas stretch"}, "Open the front of your hip.")});
    c.addPack(pack("clinic"),
              {make("bridge-hold", "Bridge with march", ExerciseType::Strength, {Direction::Neutral}),
               make("psoas-release", "Psóas release", ExerciseType::Release, {Direction::Extension})});
    return c;
}

std::vector<std::string> ids(const std::vector<const Exercise*>& list)
{
    std::vector<std::string> out;
    for (const Exercise* e : list)
        out.push_back(e->qualifiedId());
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(catalog)

BOOST_AUTO_TEST_CASE(finds_by_qualified_id_and_sets_the_pack)
{
    const Catalog c = sample();
    const Exercise* e = c.find("lumbar/prone-press-up");
    BOOST_TEST_REQUIRE(e);
    BOOST_TEST(e->pack == "lumbar");
    BOOST_TEST(!c.find("prone-press-up"));
    BOOST_TEST(!c.find("clinic/prone-press-up"));
}

BOOST_AUTO_TEST_CASE(bare_id_works_only_where_unambiguous)
{
    const Catalog c = sample();
    const auto one = c.lookup("prone-press-up");
    BOOST_TEST_REQUIRE(one.exercise);
    BOOST_TEST(one.exercise->qualifiedId() == "lumbar/prone-press-up");

    const auto two = c.lookup("bridge-hold");
    BOOST_TEST(!two.exercise);
    BOOST_TEST((two.candidates == std::vector<std::string>{"clinic/bridge-hold", "lumbar/bridge-hold"}));
    BOOST_TEST(two.error.find("more than one pack") != std::string::npos);

    const auto none = c.lookup("handstand");
    BOOST_TEST(!none.exercise);
    BOOST_TEST(none.error == "no exercise \"handstand\" in the catalog");
    BOOST_TEST(!c.lookup("lumbar/handstand").exercise);
}

BOOST_AUTO_TEST_CASE(refuses_a_second_pack_with_the_same_id_or_repeated_exercise_ids)
{
    Catalog c = sample();
    BOOST_CHECK_THROW(c.addPack(pack("lumbar"), {}), std::invalid_argument);
    // A search index built for other exercises than the pack's is refused, not trusted.
    SearchIndex wrong;
    wrong.add(make("a", "A", ExerciseType::Mobility, {Direction::Neutral}));
    BOOST_CHECK_THROW(c.addPack(pack("other"), {}, std::move(wrong)), std::invalid_argument);
    BOOST_TEST(!c.pack("other"));
    BOOST_CHECK_THROW(c.addPack(pack("other"), {make("a", "A", ExerciseType::Mobility, {Direction::Neutral}),
                                                make("a", "A2", ExerciseType::Mobility, {Direction::Neutral})}),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(filters_by_type_direction_and_pack)
{
    const Catalog c = sample();
    ExerciseFilter f;
    f.type = ExerciseType::ActiveStretch;
    BOOST_TEST((ids(c.filter(f)) ==
                std::vector<std::string>{"lumbar/active-hamstring-stretch", "lumbar/active-hip-flexor-stretch"}));
    ExerciseFilter g;
    g.direction = Direction::Extension;
    g.pack = "lumbar";
    BOOST_TEST((ids(c.filter(g)) == std::vector<std::string>{"lumbar/prone-press-up", "lumbar/active-hip-flexor-stretch"}));
    BOOST_TEST(c.filter({}).size() == 6u);
}

BOOST_AUTO_TEST_CASE(search_ranks_whole_name_before_name_words_before_aliases_before_summary)
{
    const Catalog c = sample();
    // "bridge hold" is the whole name of lumbar/bridge-hold; clinic's only shares "bridge".
    BOOST_TEST(ids(c.search("bridge hold")).at(0) == "lumbar/bridge-hold");
    // "psoas": a name word of the clinic release beats an alias of the hip flexor stretch.
    BOOST_TEST((ids(c.search("psoas")) ==
                std::vector<std::string>{"clinic/psoas-release", "lumbar/active-hip-flexor-stretch"}));
    // "mckenzie" is only an alias.
    BOOST_TEST((ids(c.search("McKenzie")) == std::vector<std::string>{"lumbar/prone-press-up"}));
    // "thigh" is only in a summary.
    BOOST_TEST((ids(c.search("thigh")) == std::vector<std::string>{"lumbar/active-hamstring-stretch"}));
}

BOOST_AUTO_TEST_CASE(search_is_case_and_accent_insensitive_and_matches_prefixes)
{
    const Catalog c = sample();
    BOOST_TEST(ids(c.search("PSOAS RELEASE")).at(0) == "clinic/psoas-release");
    BOOST_TEST(ids(c.search("psóas")).size() == 2u);
    BOOST_TEST(ids(c.search("hams")).at(0) == "lumbar/active-hamstring-stretch");
    BOOST_TEST(ids(c.search("press")).at(0) == "lumbar/prone-press-up");
}

BOOST_AUTO_TEST_CASE(search_needs_every_word_to_match)
{
    const Catalog c = sample();
    BOOST_TEST(c.search("bridge handstand").empty());
    BOOST_TEST(c.search("").empty());
    BOOST_TEST(c.search(" - ").empty());
}

BOOST_AUTO_TEST_CASE(search_respects_the_filter)
{
    const Catalog c = sample();
    ExerciseFilter f;
    f.pack = "clinic";
    BOOST_TEST((ids(c.search("bridge", f)) == std::vector<std::string>{"clinic/bridge-hold"}));
}

BOOST_AUTO_TEST_SUITE_END()
