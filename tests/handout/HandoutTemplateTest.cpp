#include "LayoutFixtures.h"

#include "handout/HandoutTemplate.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::handout;

BOOST_AUTO_TEST_SUITE(handout_template)

BOOST_AUTO_TEST_CASE(shipped_templates_load)
{
    const auto load = loadHandoutTemplates(std::filesystem::path(SP_SOURCE_DIR) / "templates" / "handouts");
    for (const Problem& p : load.problems)
        BOOST_ERROR(p.format());
    BOOST_TEST_REQUIRE(load.templates.size() == 2u);
    BOOST_TEST(load.templates[0].id == "classic");
    BOOST_TEST(load.templates[0].columns == 1);
    BOOST_TEST(static_cast<int>(load.templates[0].figure) == static_cast<int>(FigurePlacement::Beside));
    BOOST_TEST(load.templates[1].id == "compact");
    BOOST_TEST(load.templates[1].columns == 2);
    for (const HandoutTemplate& t : load.templates)
        BOOST_TEST(t.largePrint.body >= 16.0);
}

BOOST_AUTO_TEST_CASE(bad_templates_name_the_field)
{
    Json j = Json::parse(R"({"kind": "handout-template", "id": "x", "name": "X", "description": "d", "columns": 3,
        "figure": "behind", "figure_width_mm": 55, "qr_size_mm": 20, "line_spacing": 1.3,
        "margins_mm": {"top": 15, "bottom": 15, "left": 15, "right": 15},
        "text": {"title_pt": 20, "heading_pt": 13, "body_pt": 10, "small_pt": 8},
        "large_print": {"title_pt": 24, "heading_pt": 18, "body_pt": 14, "small_pt": 12},
        "colors": {"text": "#112233", "muted": "grey", "rule": "#D3DAE1", "panel": "#EEF3F7"},
        "sections": ["header", "patient", "patient"]})");
    std::vector<Problem> problems;
    ProblemSink sink("handouts/x.json", problems);
    BOOST_TEST(!parseHandoutTemplate(j, sink));
    std::string all;
    for (const Problem& p : problems)
        all += p.format() + "\n";
    BOOST_TEST(all.find("/columns: 3 is out of range (1\u20132)") != std::string::npos, all);
    BOOST_TEST(all.find("/figure: \"behind\" is not one of beside, above") != std::string::npos, all);
    BOOST_TEST(all.find("/large_print/body_pt: large print needs body text of at least 16 pt") != std::string::npos, all);
    BOOST_TEST(all.find("/colors/muted") != std::string::npos, all);
    BOOST_TEST(all.find("/sections/2: \"patient\" is listed twice") != std::string::npos, all);
}

BOOST_AUTO_TEST_CASE(hex_colours)
{
    BOOST_TEST(parseHexColor("#FFFFFF")->r == 1.0);
    BOOST_TEST(parseHexColor("#000000")->g == 0.0);
    BOOST_TEST(!parseHexColor("FFFFFF"));
    BOOST_TEST(!parseHexColor("#FFF"));
    BOOST_TEST(!parseHexColor("#GGGGGG"));
}

BOOST_AUTO_TEST_SUITE_END()
