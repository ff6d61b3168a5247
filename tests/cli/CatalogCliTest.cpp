// stretchplan-cli catalog, end to end: the real binary, its output and its exit codes.
#include "RunCli.h"

#include "core/JsonText.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace sp::test;
using sp::Json;

namespace {

std::size_t countLinesStartingWith(const std::vector<std::string>& lines, const std::string& prefix)
{
    return static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; }));
}

std::vector<std::string> firstColumn(const CliRun& run)
{
    std::vector<std::string> ids;
    const auto lines = run.outLines();
    for (std::size_t i = 1; i < lines.size(); ++i) // after the header
        ids.push_back(lines[i].substr(0, lines[i].find(' ')));
    return ids;
}

} // namespace

BOOST_AUTO_TEST_SUITE(catalog_cli)

BOOST_AUTO_TEST_CASE(version_prints_the_program_and_version)
{
    const CliRun run = runCli({"--version"});
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.out.rfind("stretchplan-cli ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(list_shows_the_ten_built_in_exercises)
{
    const CliRun run = runCli({"catalog", "list"});
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.err.empty(), run.err);
    const auto lines = run.outLines();
    BOOST_TEST_REQUIRE(!lines.empty());
    BOOST_TEST(lines[0].rfind("ID", 0) == 0u);
    BOOST_TEST(countLinesStartingWith(lines, "lumbar/") == 10u);
    BOOST_TEST(run.out.find("Prone press-up") != std::string::npos);
    BOOST_TEST(run.out.find("Cat-camel hold (extension only)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(list_filters_by_type_and_direction)
{
    const CliRun releases = runCli({"catalog", "list", "--type", "release"});
    BOOST_TEST(releases.exitCode == 0);
    BOOST_TEST((firstColumn(releases) == std::vector<std::string>{"lumbar/glute-release", "lumbar/ql-oblique-release"}));

    const CliRun extension = runCli({"catalog", "list", "--direction", "extension", "--json"});
    BOOST_TEST(extension.exitCode == 0);
    const Json list = Json::parse(extension.out);
    BOOST_TEST_REQUIRE(list.is_array());
    BOOST_TEST(list.size() >= 3u);
    for (const Json& ex : list) {
        const auto& dirs = ex.at("directions");
        BOOST_TEST((std::find(dirs.begin(), dirs.end(), "extension") != dirs.end()), ex.at("id"));
    }
}

BOOST_AUTO_TEST_CASE(show_json_has_every_field_filled)
{
    const CliRun run = runCli({"catalog", "show", "lumbar/prone-press-up", "--json"});
    BOOST_TEST(run.exitCode == 0);
    const Json ex = Json::parse(run.out);
    BOOST_TEST(ex.at("qualified_id") == "lumbar/prone-press-up");
    BOOST_TEST(ex.at("pack") == "lumbar");
    BOOST_TEST(ex.at("type") == "mobility");
    BOOST_TEST(ex.at("position") == "prone");
    BOOST_TEST(ex.at("directions") == Json::array({"extension"}));
    for (const char* key : {"id", "name", "summary", "start_position"})
        BOOST_TEST(!ex.at(key).get<std::string>().empty(), key);
    for (const char* key : {"aliases", "regions", "equipment", "steps", "cues", "common_mistakes", "precautions"})
        BOOST_TEST(!ex.at(key).empty(), key);
    for (const char* key : {"sets", "reps", "hold_s", "rest_s", "per_day", "days_per_week", "tempo_s"})
        BOOST_TEST(ex.at("dosage").at(key).is_number_integer(), key);
    BOOST_TEST(ex.at("dosage").at("side").is_string());
    BOOST_TEST(ex.at("progressions").is_array());
    BOOST_TEST(ex.at("regressions").is_array());
    BOOST_TEST(!ex.at("figure").at("poses").empty());
}

BOOST_AUTO_TEST_CASE(show_text_lists_steps_and_dosage_in_plain_words)
{
    const CliRun run = runCli({"catalog", "show", "prone-press-up"}); // bare id: unambiguous
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.out.rfind("Prone press-up  [lumbar/prone-press-up]", 0) == 0u);
    BOOST_TEST(run.out.find("Steps:\n  1. ") != std::string::npos);
    BOOST_TEST(run.out.find("Default dosage: ") != std::string::npos);
    BOOST_TEST(run.out.find("Pack: Low-back pain relief") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(show_unknown_id_is_a_data_error_on_stderr)
{
    const CliRun run = runCli({"catalog", "show", "lumbar/handstand"});
    BOOST_TEST(run.exitCode == 3);
    BOOST_TEST(run.out.empty());
    BOOST_TEST(run.err == "stretchplan-cli: no exercise \"lumbar/handstand\" in the catalog\n");
}

BOOST_AUTO_TEST_CASE(show_ambiguous_bare_id_names_the_candidates)
{
    // tests/data/packs/good and tests/data/packs-extra/other both have "knee-hug".
    const CliRun run = runCli({"--no-builtin", "--plugins-dir", "tests/data/packs-extra", "--plugins-dir",
                               "tests/data/packs", "catalog", "show", "knee-hug"});
    BOOST_TEST(run.exitCode == 3);
    BOOST_TEST(run.err.find("\"knee-hug\" is in more than one pack; say which: good/knee-hug other/knee-hug") !=
               std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(search_ranks_best_match_first_ignoring_case_and_accents)
{
    BOOST_TEST(firstColumn(runCli({"catalog", "search", "McKenzie"})).at(0) == "lumbar/prone-press-up");
    BOOST_TEST(firstColumn(runCli({"catalog", "search", "PRÓNE", "press"})).at(0) == "lumbar/prone-press-up");
    BOOST_TEST(firstColumn(runCli({"catalog", "search", "hamstring"})).at(0) == "lumbar/active-hamstring-stretch");
    BOOST_TEST(firstColumn(runCli({"catalog", "search", "bridge"})).at(0) == "lumbar/bridge-hold");
    const CliRun json = runCli({"catalog", "search", "release", "--json"});
    BOOST_TEST(json.exitCode == 0);
    BOOST_TEST(Json::parse(json.out).size() >= 2u);
}

BOOST_AUTO_TEST_CASE(search_without_match_says_so_and_succeeds)
{
    const CliRun run = runCli({"catalog", "search", "handstand"});
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.out.empty());
    BOOST_TEST(run.err == "no exercises match\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2)
{
    BOOST_TEST(runCli({}).exitCode == 2);
    BOOST_TEST(runCli({"catalog"}).exitCode == 2);
    BOOST_TEST(runCli({"catalog", "dance"}).exitCode == 2);
    BOOST_TEST(runCli({"catalog", "show"}).exitCode == 2);
    const CliRun badType = runCli({"catalog", "list", "--type", "stretchy"});
    BOOST_TEST(badType.exitCode == 2);
    BOOST_TEST(badType.err.find("--type") != std::string::npos);
    const CliRun badDir = runCli({"--plugins-dir", "no/such/folder", "catalog", "list"});
    BOOST_TEST(badDir.exitCode == 2);
    BOOST_TEST(badDir.err.find("no/such/folder") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_builtin_leaves_the_lumbar_pack_out)
{
    const CliRun run = runCli({"--no-builtin", "--plugins-dir", "plugins/examples", "catalog", "list"});
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(countLinesStartingWith(run.outLines(), "lumbar/") == 0u);
    BOOST_TEST(countLinesStartingWith(run.outLines(), "clinic-example/") == 3u);
}

BOOST_AUTO_TEST_CASE(list_with_broken_packs_lists_the_rest_and_warns_once_per_failed_pack)
{
    const CliRun run = runCli({"--plugins-dir", "tests/data/packs", "catalog", "list"});
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(countLinesStartingWith(run.outLines(), "lumbar/") == 10u);
    BOOST_TEST(countLinesStartingWith(run.outLines(), "good/") == 2u);
    const auto warnings = run.errLines();
    BOOST_TEST(warnings.size() == 21u, run.err); // the 21 bad-* fixture packs
    for (const std::string& line : warnings) {
        BOOST_TEST(line.rfind("warning: pack ", 0) == 0u, line);
        BOOST_TEST(line.find("was not loaded") != std::string::npos, line);
    }
}

BOOST_AUTO_TEST_CASE(figure_prints_an_svg_with_every_pose)
{
    const CliRun run = runCli({"catalog", "figure", "lumbar/prone-press-up"});
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.out.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0u);
    BOOST_TEST(run.out.find("<title>Prone press-up</title>") != std::string::npos);
    BOOST_TEST(run.out.find(">1. Start</text>") != std::string::npos);
    BOOST_TEST(run.out.find(">2. Press up</text>") != std::string::npos);
    BOOST_TEST(run.out.find("</svg>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(figure_of_an_exercise_without_one_is_a_data_error)
{
    const CliRun none = runCli({"--no-builtin", "--plugins-dir", "tests/data/packs-extra", "catalog", "figure",
                                "other/seated-march"});
    BOOST_TEST(none.exitCode == 3);
    BOOST_TEST(none.out.empty());
    BOOST_TEST(none.err == "stretchplan-cli: exercise \"other/seated-march\" has no figure\n");
    const CliRun missing = runCli({"catalog", "figure", "lumbar/nothing"});
    BOOST_TEST(missing.exitCode == 3);
    BOOST_TEST(missing.err.find("no exercise \"lumbar/nothing\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
