// The demo clinic's branding shipped in templates/branding/demo, and what the branding
// loader says about a folder that is broken in each way a hand-edited one can be.
#include "PackFixtures.h"

#include "core/ClinicProfile.h"
#include "pluginhost/DemoClinic.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::test;
namespace fs = std::filesystem;

namespace {

const std::string kPng("\x89PNG\r\n\x1A\nrest of the image", 25);

std::string brandingJson(const std::string& logoMember = R"(, "logo": "logo.png")")
{
    return R"({"kind": "clinic-branding", "name": "Test Clinic", "accent": "#336699")" + logoMember + "}";
}

// A branding folder in `dir` with the given clinic.json and, when not empty, logo.png.
fs::path brandingFolder(const TempDir& dir, const std::string& json, const std::string& logo = kPng)
{
    const fs::path folder = dir.path() / "branding";
    writeFile(folder / "clinic.json", json);
    if (!logo.empty())
        writeFile(folder / "logo.png", logo);
    return folder;
}

// The one problem a broken folder must report, formatted without its file.
std::string onlyProblem(const ClinicLoad& load)
{
    BOOST_TEST(!load.profile.has_value());
    BOOST_TEST_REQUIRE(load.problems.size() == 1u);
    const Problem& p = load.problems.front();
    return p.pointer + ": " + p.message;
}

} // namespace

BOOST_AUTO_TEST_SUITE(demo_clinic)

BOOST_AUTO_TEST_CASE(shipped_demo_loads_cleanly_with_its_logo)
{
    BOOST_TEST(builtInBrandingDir().filename() == "demo");
    const ClinicLoad load = loadClinicBranding(builtInBrandingDir());
    for (const Problem& p : load.problems)
        BOOST_ERROR(p.format());
    BOOST_TEST_REQUIRE(load.profile.has_value());
    const ClinicProfile& c = *load.profile;
    BOOST_TEST(c.name == "Riverside Physiotherapy");
    BOOST_TEST(!c.address.empty());
    BOOST_TEST(!c.footer.empty());
    BOOST_TEST(c.email.find("example.org") != std::string::npos); // reserved: reaches no one real
    BOOST_TEST((imageFormatOf(c.logo) == ImageFormat::Png));
    BOOST_TEST(c.logo.size() < 30u * 1024u); // small enough to embed in every handout
    BOOST_TEST(validate(c).empty());
}

BOOST_AUTO_TEST_CASE(loads_a_folder_whose_branding_names_no_logo)
{
    TempDir dir;
    const ClinicLoad load = loadClinicBranding(brandingFolder(dir, brandingJson(""), ""));
    BOOST_TEST(load.problems.empty());
    BOOST_TEST_REQUIRE(load.profile.has_value());
    BOOST_TEST(load.profile->logo.empty());
    BOOST_TEST(load.profile->accent == "#336699");
}

BOOST_AUTO_TEST_CASE(reads_the_logo_bytes_exactly)
{
    TempDir dir;
    const ClinicLoad load = loadClinicBranding(brandingFolder(dir, brandingJson()));
    BOOST_TEST_REQUIRE(load.profile.has_value());
    BOOST_TEST(load.profile->logo == kPng);
}

BOOST_AUTO_TEST_CASE(reports_a_missing_or_unreadable_branding_file)
{
    TempDir dir;
    fs::create_directories(dir.path() / "empty");
    const ClinicLoad missing = loadClinicBranding(dir.path() / "empty");
    BOOST_TEST(onlyProblem(missing) == ": does not exist");
    BOOST_TEST(missing.problems.front().file == (dir.path() / "empty" / "clinic.json").string());

    const ClinicLoad notJson = loadClinicBranding(brandingFolder(dir, "{ not json"));
    BOOST_TEST(!notJson.profile.has_value());
    BOOST_TEST(notJson.problems.size() == 1u);
}

BOOST_AUTO_TEST_CASE(reports_a_too_large_branding_file)
{
    TempDir dir;
    const std::string huge = brandingJson(R"(, "footer": ")" + std::string(300 * 1024, 'a') + "\"");
    BOOST_TEST(onlyProblem(loadClinicBranding(brandingFolder(dir, huge))).find("is too large") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_every_bad_field_by_pointer)
{
    TempDir dir;
    const ClinicLoad load = loadClinicBranding(
        brandingFolder(dir, R"({"kind": "clinic-branding", "name": "", "accent": "teal", "motto": "Move!"})"));
    BOOST_TEST(!load.profile.has_value());
    std::vector<std::string> lines;
    for (const Problem& p : load.problems)
        lines.push_back(p.pointer + ": " + p.message);
    BOOST_TEST_REQUIRE(lines.size() == 3u);
    BOOST_TEST(lines[0] == "/name: must not be empty");
    BOOST_TEST(lines[1] == "/motto: unknown field \"motto\"");
    BOOST_TEST(lines[2] == "/accent: \"teal\" is not a colour written #RRGGBB (e.g. #2A6F97)");
}

BOOST_AUTO_TEST_CASE(reports_a_logo_that_is_missing_or_outside_the_folder)
{
    TempDir dir;
    BOOST_TEST(onlyProblem(loadClinicBranding(brandingFolder(dir, brandingJson(R"(, "logo": "nope.png")")))) ==
               "/logo: \"nope.png\" does not exist in the pack");
    BOOST_TEST(onlyProblem(loadClinicBranding(brandingFolder(dir, brandingJson(R"(, "logo": "../logo.png")")))) ==
               "/logo: \"../logo.png\" leaves the pack folder (\"..\")");
    BOOST_TEST(onlyProblem(loadClinicBranding(brandingFolder(dir, brandingJson(R"(, "logo": "/etc/hostname")")))) ==
               "/logo: \"/etc/hostname\" is an absolute path; give a path inside the pack folder");

    writeFile(dir.path() / "outside.png", kPng);
    const fs::path folder = brandingFolder(dir, brandingJson(R"(, "logo": "link.png")"));
    fs::create_symlink(dir.path() / "outside.png", folder / "link.png");
    BOOST_TEST(onlyProblem(loadClinicBranding(folder)) ==
               "/logo: \"link.png\" is a link that leads outside the pack folder");
}

BOOST_AUTO_TEST_CASE(reports_a_logo_that_is_not_an_image_or_too_large)
{
    TempDir dir;
    BOOST_TEST(onlyProblem(loadClinicBranding(brandingFolder(dir, brandingJson(), "just some text\n"))) ==
               "/logo: \"logo.png\" is not a PNG or JPEG image");
    const std::string big = kPng + std::string(kMaxClinicLogoBytes, 'x');
    BOOST_TEST(onlyProblem(loadClinicBranding(brandingFolder(dir, brandingJson(), big)))
                   .find("/logo: \"logo.png\" is too large") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
