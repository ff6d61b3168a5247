#include "Fixtures.h"

#include "core/PackJson.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using sp::test::Problems;

namespace {

Json validManifest()
{
    return Json::parse(R"({"kind": "exercise-pack", "id": "clinic", "name": "Clinic", "version": "1.2.3",
        "api": 1, "author": "A. Author", "license": "CC0-1.0", "description": "Our exercises."})");
}

} // namespace

BOOST_AUTO_TEST_SUITE(pack_json)

BOOST_AUTO_TEST_CASE(parses_a_valid_manifest_and_writes_it_back)
{
    Problems p;
    const auto m = parseManifest(validManifest(), p.sink);
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->id == "clinic");
    BOOST_TEST(m->api == 1);
    BOOST_TEST(toJson(*m) == validManifest());
}

BOOST_AUTO_TEST_CASE(refuses_a_newer_api_saying_so)
{
    Json j = validManifest();
    j["api"] = 2;
    Problems p;
    BOOST_TEST(!parseManifest(j, p.sink));
    BOOST_TEST(p.has("/api", "pack needs api 2, but this StretchPlan reads api 1 at most"));
}

BOOST_AUTO_TEST_CASE(refuses_wrong_kind_bad_version_and_missing_fields)
{
    Json j = validManifest();
    j["kind"] = "theme";
    j["version"] = "1.2";
    j.erase("license");
    Problems p;
    BOOST_TEST(!parseManifest(j, p.sink));
    BOOST_TEST(p.has("/kind", "\"theme\" is not a kind this loader reads"));
    BOOST_TEST(p.has("/version", "is not a MAJOR.MINOR.PATCH version"));
    BOOST_TEST(p.has("/license", "is required but missing"));
}

BOOST_AUTO_TEST_CASE(a_misspelled_key_gets_the_nearest_known_one_suggested)
{
    Json j = validManifest();
    j["licence"] = j["license"];
    j.erase("license");
    j["auhtor"] = j["author"];
    j.erase("author");
    Problems p;
    BOOST_TEST(!parseManifest(j, p.sink));
    BOOST_TEST(p.has("/licence", "unknown field \"licence\"; did you mean \"license\"?"));
    BOOST_TEST(p.has("/auhtor", "unknown field \"auhtor\"; did you mean \"author\"?")); // two letters swapped
    BOOST_TEST(p.has("/license", "is required but missing"));
}

BOOST_AUTO_TEST_CASE(version_format)
{
    BOOST_TEST(isValidVersion("0.0.1"));
    BOOST_TEST(isValidVersion("10.20.30"));
    for (const char* bad : {"", "1", "1.2", "1.2.3.4", "1..2", "a.b.c", "1.2.3-beta", ".1.2"})
        BOOST_TEST(!isValidVersion(bad), bad);
}

BOOST_AUTO_TEST_CASE(parses_guidance_and_refuses_duplicate_ids)
{
    const Json good = Json::parse(R"({"sections": [{"id": "a", "title": "A", "paragraphs": ["x"]}],
                                     "red_flags": [{"id": "f", "text": "Fever."}]})");
    Problems p;
    const auto g = parseGuidance(good, p.sink);
    BOOST_TEST_REQUIRE(g.has_value());
    BOOST_TEST(g->redFlags.at(0).text == "Fever.");
    BOOST_TEST(toJson(*g) == good);

    Json dup = good;
    dup["red_flags"].push_back({{"id", "f"}, {"text", "Again."}});
    dup["sections"][0]["paragraphs"] = Json::array();
    Problems q;
    BOOST_TEST(!parseGuidance(dup, q.sink));
    BOOST_TEST(q.has("/red_flags/1/id", "duplicate id \"f\""));
    BOOST_TEST(q.has("/sections/0/paragraphs", "must have at least one item"));
}

BOOST_AUTO_TEST_SUITE_END()
