// stretchplan-cli plugins, end to end.
#include "RunCli.h"

#include "core/JsonText.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>

#include <unistd.h>

using namespace sp::test;
using sp::Json;

BOOST_AUTO_TEST_SUITE(plugins_cli)

BOOST_AUTO_TEST_CASE(lists_the_built_in_pack_as_loaded)
{
    const CliRun run = runCli({"plugins", "list"});
    BOOST_TEST(run.exitCode == 0);
    const auto lines = run.outLines();
    // The lumbar pack from the source tree, and the example native plugin from the build tree.
    BOOST_TEST_REQUIRE(lines.size() == 3u);
    BOOST_TEST(lines[0].rfind("PLUGIN", 0) == 0u);
    BOOST_TEST(lines[1].rfind("lumbar ", 0) == 0u);
    BOOST_TEST(lines[1].find(" pack ") != std::string::npos);
    BOOST_TEST(lines[1].find(" loaded ") != std::string::npos);
    BOOST_TEST(lines[1].find("built-in") != std::string::npos);
    BOOST_TEST(lines[1].find(sourcePath("plugins/lumbar")) != std::string::npos);
    BOOST_TEST(lines[2].rfind("native-hello ", 0) == 0u);
    BOOST_TEST(lines[2].find(" native ") != std::string::npos);
    BOOST_TEST(lines[2].find(" loaded ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_report_has_id_version_folder_status_and_problems)
{
    const CliRun run = runCli({"--plugins-dir", "plugins/examples", "plugins", "list", "--json"});
    BOOST_TEST(run.exitCode == 0);
    const Json report = Json::parse(run.out);
    BOOST_TEST_REQUIRE(report.at("packs").size() == 3u); // lumbar, native-hello, then the command line's
    const Json& clinic = report.at("packs").at(2);
    BOOST_TEST(clinic.at("kind") == "pack");
    BOOST_TEST(clinic.at("id") == "clinic-example");
    BOOST_TEST(clinic.at("version") == "1.0.0");
    BOOST_TEST(clinic.at("status") == "loaded");
    BOOST_TEST(clinic.at("origin") == "command line");
    BOOST_TEST(clinic.at("exercises") == 3);
    BOOST_TEST(clinic.at("problems").empty());
    BOOST_TEST(report.at("folder_problems").empty());
}

BOOST_AUTO_TEST_CASE(broken_packs_get_one_precise_line_per_problem_and_exit_3)
{
    const CliRun run = runCli({"--no-builtin", "--plugins-dir", "tests/data/packs", "plugins", "list"});
    BOOST_TEST(run.exitCode == 3);
    const std::string& out = run.out;
    const auto has = [&](const std::string& line) {
        BOOST_TEST(out.find("\n  " + line + "\n") != std::string::npos, line);
    };
    has("bad-dosage-range/exercises/knee-hug.json: /dosage/hold_s: 900 is out of range (0\u2013600)");
    has("bad-unknown-field/exercises/knee-hug.json: /colour: unknown field \"colour\"");
    has("bad-enum-value/exercises/knee-hug.json: /type: \"stretchy\" is not one of release, active-stretch, "
        "mobility, activation, strength, stability");
    has("bad-api-too-new/manifest.json: /api: pack needs api 2, but this StretchPlan reads api 1 at most; "
        "update StretchPlan to load it");
    has("bad-media-dotdot/exercises/knee-hug.json: /media/images/0/file: \"../outside.png\" leaves the pack folder "
        "(\"..\")");
    // The good packs in the same folder still load.
    bool goodLoaded = false;
    for (const std::string& line : run.outLines())
        goodLoaded = goodLoaded || (line.rfind("good ", 0) == 0 && line.find(" loaded ") != std::string::npos);
    BOOST_TEST(goodLoaded, out);
}

BOOST_AUTO_TEST_CASE(json_report_lists_each_problem_with_file_and_pointer)
{
    const CliRun run = runCli({"--no-builtin", "--plugins-dir", "tests/data/packs", "plugins", "list", "--json"});
    BOOST_TEST(run.exitCode == 3);
    const Json report = Json::parse(run.out);
    bool found = false;
    for (const Json& pack : report.at("packs")) {
        if (pack.at("id") != "bad-mistyped-field")
            continue;
        found = true;
        BOOST_TEST(pack.at("status") == "failed");
        BOOST_TEST_REQUIRE(pack.at("problems").size() == 1u);
        BOOST_TEST(pack.at("problems")[0].at("file") == "bad-mistyped-field/exercises/knee-hug.json");
        BOOST_TEST(pack.at("problems")[0].at("pointer") == "/dosage/reps");
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(info_shows_every_folder_with_the_id_the_failed_duplicate_too)
{
    // An absolute --plugins-dir, so that the folders are shown as absolute paths.
    const CliRun run = runCli({"--no-builtin", "--plugins-dir", sourcePath("tests/data/packs"), "plugins", "info", "good"});
    BOOST_TEST(run.exitCode == 0, run.err);
    BOOST_TEST(run.out.find(sourcePath("tests/data/packs/good")) != std::string::npos, run.out);
    BOOST_TEST(run.out.find(sourcePath("tests/data/packs/zz-bad-duplicate-pack-id")) != std::string::npos, run.out);
    BOOST_TEST(run.out.find("plugin id \"good\" is already loaded from") != std::string::npos, run.out);
    // A folder name picks one of them.
    const CliRun one =
        runCli({"--no-builtin", "--plugins-dir", "tests/data/packs", "plugins", "info", "zz-bad-duplicate-pack-id"});
    BOOST_TEST(one.exitCode == 0, one.err);
    BOOST_TEST(one.out.find("failed") != std::string::npos, one.out);
}

BOOST_AUTO_TEST_CASE(import_copies_a_pack_in_and_refuses_an_id_already_installed)
{
    const std::string home = (std::filesystem::temp_directory_path() / ("sp-import-" + std::to_string(::getpid()))).string();
    const CliOptions options{home, {}};
    const CliRun first = runCli({"plugins", "import", sourcePath("plugins/examples/clinic-pack")}, options);
    BOOST_TEST(first.exitCode == 0, first.err);
    BOOST_TEST(first.out.find("imported pack clinic-example into ") == 0u, first.out);
    BOOST_TEST(std::filesystem::exists(home + "/.local/share/stretchplan/plugins/clinic-pack/manifest.json"));

    const CliRun again = runCli({"plugins", "import", sourcePath("plugins/examples/clinic-pack")}, options);
    BOOST_TEST(again.exitCode != 0);
    BOOST_TEST(again.err.find("has the id \"clinic-example\" of the pack already installed in") != std::string::npos,
               again.err);
    const CliRun lumbar = runCli({"plugins", "import", sourcePath("plugins/lumbar")}, options);
    BOOST_TEST(lumbar.exitCode != 0);
    BOOST_TEST(lumbar.err.find("has the id \"lumbar\"") != std::string::npos, lumbar.err);
    std::filesystem::remove_all(home);
}

BOOST_AUTO_TEST_SUITE_END()
