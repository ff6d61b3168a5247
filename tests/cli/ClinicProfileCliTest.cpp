// stretchplan-cli clinic set / show, end to end on a temporary database: the demo clinic
// until a profile is set, partial updates, the logo kept in the database, bad input
// refused with the option named and nothing written, every change audited.
#include "ClinicFixture.h"

#include "../handout/PdfTools.h"

#include "core/JsonText.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

using namespace sp::test;
using sp::Json;
namespace fs = std::filesystem;

namespace {

const std::string kDemoLogo = sourcePath("templates/branding/demo/logo.png");

struct ProfileFixture : ClinicFixture {
    // A complete profile, set once.
    void setNorthside() const
    {
        const CliRun r = run({"clinic", "set", "--name", "Northside Physio", "--logo", kDemoLogo, "--address",
                              "1 North Street\nNorthtown NT2 9ZZ", "--phone", "555-0142", "--email",
                              "hello@example.org", "--web", "https://example.org/northside", "--accent", "#AA3355",
                              "--footer", "Stop if it hurts."});
        BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    }
    Json shown() const { return json({"clinic", "show", "--json"}); }
    // The clinic's audit entries, oldest first, as "action {details}".
    std::vector<std::string> clinicAudit() const
    {
        std::vector<std::string> out;
        const Json entries = json({"audit", "list", "--json"});
        for (auto it = entries.rbegin(); it != entries.rend(); ++it)
            if (it->at("entity") == "clinic")
                out.push_back(it->at("action").get<std::string>() + " " + it->at("details").get<std::string>());
        return out;
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(clinic_profile_cli, ProfileFixture)

BOOST_AUTO_TEST_CASE(shows_the_demo_clinic_until_one_is_set_and_says_how_to_set_your_own)
{
    const CliRun text = run({"clinic", "show"});
    BOOST_TEST_REQUIRE(text.exitCode == 0, text.err);
    BOOST_TEST(text.out.find("demo clinic") != std::string::npos, text.out);
    BOOST_TEST(text.out.find("stretchplan-cli clinic set --name") != std::string::npos, text.out);
    BOOST_TEST(text.out.find("Riverside Physiotherapy") != std::string::npos, text.out);
    BOOST_TEST(text.out.find("Logo:    PNG, ") != std::string::npos, text.out);

    const CliRun jsonRun = run({"clinic", "show", "--json"});
    BOOST_TEST_REQUIRE(jsonRun.exitCode == 0, jsonRun.err);
    const Json demo = Json::parse(jsonRun.out);
    BOOST_TEST(demo.at("demo") == true);
    BOOST_TEST(demo.at("name") == "Riverside Physiotherapy");
    BOOST_TEST(demo.at("logo_bytes") == fs::file_size(kDemoLogo));
    BOOST_TEST(jsonRun.err.find("demo clinic") != std::string::npos); // the note, off the JSON
    BOOST_TEST(clinicAudit().empty());
}

BOOST_AUTO_TEST_CASE(sets_a_profile_with_a_logo_and_shows_it)
{
    setNorthside();
    const Json c = shown();
    BOOST_TEST(c.at("demo") == false);
    BOOST_TEST(c.at("name") == "Northside Physio");
    BOOST_TEST(c.at("address") == "1 North Street\nNorthtown NT2 9ZZ");
    BOOST_TEST(c.at("phone") == "555-0142");
    BOOST_TEST(c.at("email") == "hello@example.org");
    BOOST_TEST(c.at("web") == "https://example.org/northside");
    BOOST_TEST(c.at("accent") == "#AA3355");
    BOOST_TEST(c.at("footer") == "Stop if it hurts.");
    BOOST_TEST(c.at("logo_bytes") == fs::file_size(kDemoLogo));

    const CliRun text = run({"clinic", "show"});
    BOOST_TEST(text.out.find("demo") == std::string::npos, text.out);
    BOOST_TEST(text.out.find("Address: 1 North Street\n         Northtown NT2 9ZZ\n") != std::string::npos, text.out);
    BOOST_TEST(text.out.find("Accent:  #AA3355") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(the_first_set_needs_a_name_later_ones_do_not)
{
    const CliRun noName = run({"clinic", "set", "--phone", "555-0100"});
    BOOST_TEST(noName.exitCode == 2);
    BOOST_TEST(noName.err.find("--name is required") != std::string::npos, noName.err);
    BOOST_TEST(shown().at("demo") == true);

    BOOST_TEST(run({"clinic", "set", "--name", "Solo Physio"}).exitCode == 0);
    const Json bare = shown();
    BOOST_TEST(bare.at("accent") == "#2A6F97");
    BOOST_TEST(bare.at("logo_bytes") == 0);
    BOOST_TEST(run({"clinic", "set", "--phone", "555-0100"}).exitCode == 0);
    BOOST_TEST(shown().at("phone") == "555-0100");
}

BOOST_AUTO_TEST_CASE(a_later_set_changes_only_the_options_given)
{
    setNorthside();
    const Json before = shown();
    BOOST_TEST(run({"clinic", "set", "--phone", "555-0199", "--footer", ""}).exitCode == 0);
    Json expected = before;
    expected["phone"] = "555-0199";
    expected["footer"] = "";
    BOOST_TEST(shown() == expected);

    BOOST_TEST(run({"clinic", "set", "--logo", ""}).exitCode == 0); // "" removes the logo
    expected["logo_bytes"] = 0;
    BOOST_TEST(shown() == expected);
}

BOOST_AUTO_TEST_CASE(bad_input_names_the_option_and_changes_nothing)
{
    const fs::path notes = dir / "notes.png";
    std::ofstream(notes) << "These are my notes, not an image.\n";

    // Refused before anything exists: still the demo.
    expectDataError(run({"clinic", "set", "--name", "X", "--accent", "teal"}), "--accent: \"teal\" is not a colour");
    BOOST_TEST(shown().at("demo") == true);

    setNorthside();
    const Json before = shown();
    expectDataError(run({"clinic", "set", "--accent", "#12345"}), "--accent: \"#12345\" is not a colour written #RRGGBB");
    expectDataError(run({"clinic", "set", "--email", "hello@"}), "--email: \"hello@\" is not an e-mail address");
    expectDataError(run({"clinic", "set", "--logo", notes.string()}),
                    "--logo: " + notes.string() + " is not a PNG or JPEG image");
    expectDataError(run({"clinic", "set", "--logo", (dir / "missing.png").string()}), "does not exist");
    expectDataError(run({"clinic", "set", "--logo", dir.string()}), "is not a regular file");
    expectDataError(run({"clinic", "set", "--web", "example.org", "--phone", "call us"}), "--web: ");
    expectDataError(run({"clinic", "set", "--web", "example.org", "--phone", "call us"}), "--phone: ");
    expectDataError(run({"clinic", "set", "--name", ""}), "--name: must not be empty");
    BOOST_TEST(shown() == before);
    BOOST_TEST(clinicAudit().size() == 1u); // the one set that worked
}

BOOST_AUTO_TEST_CASE(refuses_a_logo_over_2_mib_before_reading_it)
{
    setNorthside();
    const fs::path big = dir / "big.png";
    std::ofstream(big, std::ios::binary) << std::string("\x89PNG\r\n\x1A\n", 8) << std::string(2 * 1024 * 1024, 'x');
    expectDataError(run({"clinic", "set", "--logo", big.string()}), "is too large");
    BOOST_TEST(shown().at("logo_bytes") == fs::file_size(kDemoLogo));
}

BOOST_AUTO_TEST_CASE(audits_every_change_by_field_name_only)
{
    setNorthside();
    BOOST_TEST(run({"clinic", "set", "--email", "team@example.org", "--logo", ""}).exitCode == 0);
    const auto entries = clinicAudit();
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0] ==
               R"(create {"fields":["name","address","phone","email","web","accent","footer","logo"]})");
    BOOST_TEST(entries[1] == R"(update {"fields":["email","logo"]})");
    const Json all = json({"audit", "list", "--json"});
    BOOST_TEST(all.at(0).at("actor") == "dr.test");
    BOOST_TEST(all.at(0).at("patient_id").is_null());
    BOOST_TEST(run({"db", "check"}).exitCode == 0);
}

BOOST_AUTO_TEST_CASE(the_name_on_handouts_goes_on_the_demo_branding_and_onto_every_handout)
{
    // A patient whose clinician is the login, as the app used to fill it in.
    const std::string p = id({"patient", "add", "--name", "Zoe Name", "--clinician", "root"});
    BOOST_TEST_REQUIRE(run({"patient", "screen", p, "--red-flags", "none"}).exitCode == 0);
    const std::string plan = id({"plan", "create", "--patient", p, "--title", "Low back", "--template",
                                 "lumbar-extension-bias"});

    const CliRun set = run({"clinic", "set", "--clinician", "Sam Lee, physiotherapist"});
    BOOST_TEST_REQUIRE(set.exitCode == 0, set.err);
    BOOST_TEST(set.out == "handouts now name Sam Lee, physiotherapist as the clinician\n");
    // Only the name: the branding is still the demo clinic's, and says so.
    const Json profile = shown();
    BOOST_TEST(profile.at("clinician") == "Sam Lee, physiotherapist");
    BOOST_TEST(profile.at("demo") == true);
    BOOST_TEST(profile.at("name") == "Riverside Physiotherapy");
    BOOST_TEST(run({"clinic", "show"}).out.find("Clinician on handouts: Sam Lee, physiotherapist") != std::string::npos);

    const fs::path pdf = dir / "named.pdf";
    const CliRun exported = run({"plan", "export", plan, "--out", pdf.string()});
    BOOST_TEST_REQUIRE(exported.exitCode == 0, exported.err);
    const std::string text = sp::handout::test::runTool({"pdftotext", pdf.string(), "-"}).out;
    BOOST_TEST(text.find("Sam Lee, physiotherapist") != std::string::npos, text);
    BOOST_TEST(text.find("root") == std::string::npos, text);

    // A name of two lines, or too long, is refused with the option named, and nothing changes.
    for (const std::string& bad : {std::string("Sam\nLee"), std::string(121, 'x')}) {
        const CliRun refused = run({"clinic", "set", "--clinician", bad});
        BOOST_TEST(refused.exitCode != 0);
        BOOST_TEST(refused.err.find("--clinician: ") != std::string::npos, refused.err);
    }
    BOOST_TEST(shown().at("clinician") == "Sam Lee, physiotherapist");
    // Once the clinic sets its own branding, the name stays.
    setNorthside();
    BOOST_TEST(shown().at("clinician") == "Sam Lee, physiotherapist");
    BOOST_TEST(shown().at("demo") == false);
}

BOOST_AUTO_TEST_SUITE_END()
