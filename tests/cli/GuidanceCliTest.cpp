// stretchplan-cli plan check and the guidance shown around plan create/revise/show.
#include "ClinicFixture.h"

#include <boost/test/unit_test.hpp>

using namespace sp::test;
using sp::Json;

namespace {

std::vector<std::string> directionCodes(const Json& report)
{
    std::vector<std::string> codes;
    for (const Json& f : report.at("findings"))
        if (f.at("code").get<std::string>().rfind("direction.", 0) == 0)
            codes.push_back(f.at("message"));
    return codes;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(guidance_cli, ClinicFixture)

BOOST_AUTO_TEST_CASE(extension_bias_template_fits_extension_relieves_but_not_flexion_relieves)
{
    const std::string ext = id({"patient", "add", "--name", "Ext Pref", "--preference", "extension-relieves"});
    const std::string flex = id({"patient", "add", "--name", "Flex Pref", "--preference", "flexion-relieves"});
    for (const std::string& p : {ext, flex})
        BOOST_TEST(run({"patient", "screen", p, "--red-flags", "none"}).exitCode == 0);
    const std::string planExt = id({"plan", "create", "--patient", ext, "--title", "E", "--template", "lumbar-extension-bias"});
    const std::string planFlex = id({"plan", "create", "--patient", flex, "--title", "F", "--template", "lumbar-extension-bias"});

    const CliRun okRun = run({"plan", "check", planExt, "--json"});
    BOOST_TEST(okRun.exitCode == 0, okRun.err);
    BOOST_TEST(directionCodes(Json::parse(okRun.out)).empty());

    const CliRun warnRun = run({"plan", "check", planFlex, "--json"});
    BOOST_TEST(warnRun.exitCode == 0, warnRun.err); // warnings do not block
    const auto warnings = directionCodes(Json::parse(warnRun.out));
    std::string all;
    for (const std::string& w : warnings)
        all += w + "\n";
    BOOST_TEST(all.find("Prone press-up") != std::string::npos, all);
    BOOST_TEST(all.find("Cat-camel hold (extension only)") != std::string::npos, all);
}

BOOST_AUTO_TEST_CASE(check_exits_4_while_a_blocker_stands)
{
    const std::string p = id({"patient", "add", "--name", "No Screen"});
    const std::string plan = id({"plan", "create", "--patient", p, "--title", "T", "--template", "lumbar-full-routine"});
    const CliRun blocked = run({"plan", "check", plan});
    BOOST_TEST(blocked.exitCode == 4);
    BOOST_TEST(blocked.out.find("blocker: The patient has not been screened for red flags") != std::string::npos,
               blocked.out);
    BOOST_TEST(blocked.out.find("minutes a session") != std::string::npos);

    BOOST_TEST(run({"patient", "screen", p, "--red-flags", "none"}).exitCode == 0);
    BOOST_TEST(run({"plan", "check", plan}).exitCode == 0);
    BOOST_TEST(run({"patient", "screen", p, "--red-flags", "significant-trauma"}).exitCode == 0);
    const CliRun flagged = run({"plan", "check", plan, "--json"});
    BOOST_TEST(flagged.exitCode == 4);
    BOOST_TEST(Json::parse(flagged.out).at("blocked") == true);
    BOOST_TEST(flagged.out.find("redflag.present") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(create_and_revise_print_findings_on_stderr_and_the_id_on_stdout)
{
    const std::string p = id({"patient", "add", "--name", "Findings Shown"});
    const CliRun created = run({"plan", "create", "--patient", p, "--title", "T", "--exercise", "lumbar/glute-release"});
    BOOST_TEST(created.exitCode == 0);
    BOOST_TEST(created.outLines().size() == 1u);
    BOOST_TEST(created.err.find("balance.release-without-active-work") != std::string::npos, created.err);
    BOOST_TEST(created.err.find("balance.missing-rotation") != std::string::npos, created.err);

    const std::string plan = created.out.substr(0, created.out.find('\n'));
    const CliRun revised = run({"plan", "revise", plan, "--reason", "Add activation", "--add",
                                "lumbar/hip-activation-full-rom"});
    BOOST_TEST(revised.exitCode == 0);
    BOOST_TEST(revised.err.find("balance.release-without-active-work") == std::string::npos, revised.err);

    const CliRun show = run({"plan", "show", plan});
    BOOST_TEST(show.out.find("minutes a session, about") != std::string::npos, show.out);
}

BOOST_AUTO_TEST_CASE(thresholds_come_from_the_settings_file)
{
    const std::string p = id({"patient", "add", "--name", "Long Plan"});
    BOOST_TEST(run({"patient", "screen", p, "--red-flags", "none"}).exitCode == 0);
    const std::string plan = id({"plan", "create", "--patient", p, "--title", "T", "--template", "lumbar-full-routine"});
    const auto codes = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args = extra;
        for (const char* a : {"plan", "check", "--json"})
            args.push_back(a);
        args.push_back(plan);
        const CliRun r = run(args);
        BOOST_TEST_REQUIRE(r.exitCode == 0, r.err << r.out);
        const Json report = Json::parse(r.out);
        std::string all;
        for (const Json& f : report.at("findings"))
            all += f.at("code").get<std::string>() + " ";
        return all;
    };
    const std::string defaults = codes({});
    BOOST_TEST(defaults.find("time.too-many-exercises") != std::string::npos, defaults); // 10 > 8
    const auto settings = dir / "guidance.json";
    std::ofstream(settings) << R"({"max_exercises": 12, "max_session_minutes": 120})";
    BOOST_TEST(codes({"--guidance-settings", settings.string()}).find("time.") == std::string::npos);
    std::ofstream(settings, std::ios::trunc) << R"({"max_exercises": 0})";
    const CliRun bad = run({"--guidance-settings", settings.string(), "plan", "check", plan});
    BOOST_TEST(bad.exitCode == 3);
    BOOST_TEST(bad.err.find("/max_exercises: 0 is out of range") != std::string::npos, bad.err);
}

BOOST_AUTO_TEST_SUITE_END()
