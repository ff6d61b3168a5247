// The clinic profile: what a clinic may put on its handouts, and its branding file read
// strictly with every problem named by its pointer.
#include "Fixtures.h"

#include "core/ClinicProfile.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using sp::test::Problems;
using namespace std::string_literals;

namespace {

const std::string kPngHead("\x89PNG\r\n\x1A\n", 8);
const std::string kJpegHead("\xFF\xD8\xFF\xE0", 4);

ClinicProfile validProfile()
{
    ClinicProfile c;
    c.name = "Riverside Physiotherapy";
    c.address = "12 Mill Lane\nRiverside RS1 4AB";
    c.phone = "555-0100";
    c.email = "info@example.org";
    c.web = "https://example.org";
    c.accent = "#2A6F97";
    c.footer = "This program was written for you by your physiotherapist.";
    c.logo = kPngHead + "rest of the image";
    return c;
}

Json validBranding()
{
    return Json::parse(R"({"kind": "clinic-branding", "name": "Riverside Physiotherapy",
        "address": "12 Mill Lane\nRiverside RS1 4AB", "phone": "555-0100", "email": "info@example.org",
        "web": "https://example.org", "accent": "#1B7F6B", "footer": "Stop if unsure.", "logo": "logo.png"})");
}

bool hasError(const std::vector<FieldError>& errors, const std::string& field, const std::string& fragment)
{
    for (const FieldError& e : errors)
        if (e.field == field && e.message.find(fragment) != std::string::npos)
            return true;
    return false;
}

std::vector<FieldError> errorsWith(void (*change)(ClinicProfile&))
{
    ClinicProfile c = validProfile();
    change(c);
    return validate(c);
}

} // namespace

BOOST_AUTO_TEST_SUITE(clinic_profile)

BOOST_AUTO_TEST_CASE(accepts_a_complete_profile_and_one_with_only_a_name)
{
    BOOST_TEST(validate(validProfile()).empty());
    ClinicProfile bare;
    bare.name = "Riverside Physiotherapy";
    BOOST_TEST(validate(bare).empty());
    BOOST_TEST(bare.accent == "#2A6F97"); // the default accent is itself valid
}

BOOST_AUTO_TEST_CASE(needs_a_one_line_name_of_at_most_120_characters)
{
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.name.clear(); }), "name", "must not be empty"));
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.name = std::string(121, 'a'); }), "name",
                        "too long (121 characters, at most 120)"));
    BOOST_TEST(validate([] { auto c = validProfile(); c.name = std::string(120, 'a'); return c; }()).empty());
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.name = "Riverside\nPhysio"; }), "name",
                        "control character"));
}

BOOST_AUTO_TEST_CASE(takes_an_address_over_several_lines_but_no_other_control_characters)
{
    BOOST_TEST(validate([] { auto c = validProfile(); c.address = "1 A St\n2nd floor\nTown"; return c; }()).empty());
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.address = std::string(301, 'a'); }), "address",
                        "at most 300"));
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.address = "1 A St\tTown"; }), "address",
                        "control character (code 9)"));
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.address = "1 A St\0Town"s; }), "address",
                        "control character (code 0)"));
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.address = "Caf\xC3"; }), "address", "not valid UTF-8"));
}

BOOST_AUTO_TEST_CASE(checks_phone_and_email_only_when_given)
{
    BOOST_TEST(validate([] { auto c = validProfile(); c.phone.clear(); c.email.clear(); return c; }()).empty());
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.phone = "call us"; }), "phone", "only digits"));
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.email = "info@"; }), "email", "not an e-mail address"));
}

BOOST_AUTO_TEST_CASE(takes_only_http_and_https_web_addresses)
{
    for (const char* good : {"https://example.org", "http://example.org/contact?x=1", "HTTPS://Example.org:8443/a",
                             "https://physio-über.example/"}) {
        ClinicProfile c = validProfile();
        c.web = good;
        BOOST_TEST(validate(c).empty(), good);
    }
    for (const char* bad : {"example.org", "ftp://example.org", "https://", "https://localhost", "https://.org",
                            "javascript:alert(1)", "https://user@evil.example", "https://exa mple.org"}) {
        ClinicProfile c = validProfile();
        c.web = bad;
        BOOST_TEST(hasError(validate(c), "web", "is not a web address"), bad);
    }
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.web = "https://example.org/" + std::string(181, 'a'); }),
                        "web", "at most 200"));
}

BOOST_AUTO_TEST_CASE(takes_the_accent_only_as_hash_and_six_hex_digits)
{
    for (const char* good : {"#000000", "#ffffff", "#2a6F97"}) {
        ClinicProfile c = validProfile();
        c.accent = good;
        BOOST_TEST(validate(c).empty(), good);
    }
    for (const char* bad : {"", "2A6F97", "#2A6F9", "#2A6F970", "#2A6G97", "blue", "#2A6F97 "}) {
        ClinicProfile c = validProfile();
        c.accent = bad;
        BOOST_TEST(hasError(validate(c), "accent", "is not a colour written #RRGGBB"), bad);
    }
}

BOOST_AUTO_TEST_CASE(caps_the_footer_at_500_characters)
{
    BOOST_TEST(validate([] { auto c = validProfile(); c.footer = std::string(500, 'a'); return c; }()).empty());
    BOOST_TEST(hasError(errorsWith([](ClinicProfile& c) { c.footer = std::string(501, 'a'); }), "footer",
                        "at most 500"));
}

BOOST_AUTO_TEST_CASE(takes_a_png_or_jpeg_logo_of_at_most_2_mib_by_its_content)
{
    BOOST_TEST(validate([] { auto c = validProfile(); c.logo = kJpegHead + "data"; return c; }()).empty());
    BOOST_TEST(validate([] { auto c = validProfile(); c.logo.clear(); return c; }()).empty());
    for (const std::string& bad : {"GIF89a..."s, "hello, this is text"s, kPngHead.substr(0, 7), "\xFF\xD8"s}) {
        ClinicProfile c = validProfile();
        c.logo = bad;
        BOOST_TEST(hasError(validate(c), "logo", "is not a PNG or JPEG image"));
    }
    ClinicProfile big = validProfile();
    big.logo = kPngHead + std::string(kMaxClinicLogoBytes - kPngHead.size(), 'x');
    BOOST_TEST(validate(big).empty());
    big.logo += 'x';
    BOOST_TEST(hasError(validate(big), "logo", "is too large (2097153 bytes, at most 2 MiB)"));
}

BOOST_AUTO_TEST_CASE(tells_png_from_jpeg_by_signature)
{
    BOOST_TEST((imageFormatOf(kPngHead) == ImageFormat::Png));
    BOOST_TEST((imageFormatOf(kJpegHead) == ImageFormat::Jpeg));
    BOOST_TEST(!imageFormatOf(""));
    BOOST_TEST(!imageFormatOf("<svg/>"));
}

BOOST_AUTO_TEST_CASE(reports_every_bad_field_at_once)
{
    ClinicProfile c;
    c.email = "nope";
    c.accent = "red";
    c.logo = "text";
    const auto errors = validate(c);
    BOOST_TEST(errors.size() == 4u);
    BOOST_TEST(hasError(errors, "name", "must not be empty"));
    BOOST_TEST(hasError(errors, "email", "not an e-mail address"));
    BOOST_TEST(hasError(errors, "accent", "#RRGGBB"));
    BOOST_TEST(hasError(errors, "logo", "not a PNG or JPEG"));
}

BOOST_AUTO_TEST_CASE(parses_a_branding_file_leaving_the_logo_to_the_loader)
{
    Problems p;
    const auto c = parseClinicProfileJson(validBranding(), p.sink);
    BOOST_TEST_REQUIRE(c.has_value(), p.lines().front());
    BOOST_TEST(c->name == "Riverside Physiotherapy");
    BOOST_TEST(c->address == "12 Mill Lane\nRiverside RS1 4AB");
    BOOST_TEST(c->phone == "555-0100");
    BOOST_TEST(c->email == "info@example.org");
    BOOST_TEST(c->web == "https://example.org");
    BOOST_TEST(c->accent == "#1B7F6B");
    BOOST_TEST(c->footer == "Stop if unsure.");
    BOOST_TEST(c->logo.empty()); // bytes come from the file it names
}

BOOST_AUTO_TEST_CASE(parses_a_branding_file_with_only_kind_and_name)
{
    Problems p;
    const auto c = parseClinicProfileJson(Json::parse(R"({"kind": "clinic-branding", "name": "Solo"})"), p.sink);
    BOOST_TEST_REQUIRE(c.has_value());
    BOOST_TEST(c->accent == "#2A6F97");
    BOOST_TEST(c->address.empty());
}

BOOST_AUTO_TEST_CASE(reports_every_problem_of_a_branding_file_by_pointer)
{
    Json j = validBranding();
    j["kind"] = "exercise-pack";
    j.erase("name");
    j["phone"] = 555;
    j["accent"] = "teal";
    j["web"] = "example.org";
    j["logo"] = "";
    j["colour"] = "#000000";
    Problems p;
    BOOST_TEST(!parseClinicProfileJson(j, p.sink));
    BOOST_TEST(p.has("/kind", "is not a kind this loader reads (\"clinic-branding\")"));
    BOOST_TEST(p.has("/name", "is required but missing"));
    BOOST_TEST(p.has("/phone", "expected a string, got an integer"));
    BOOST_TEST(p.has("/accent", "\"teal\" is not a colour written #RRGGBB"));
    BOOST_TEST(p.has("/web", "\"example.org\" is not a web address"));
    BOOST_TEST(p.has("/logo", "must not be empty"));
    BOOST_TEST(p.has("/colour", "unknown field"));
    // A missing name is reported once, not again by the field checks.
    BOOST_TEST(p.list.size() == 7u);
}

BOOST_AUTO_TEST_CASE(refuses_a_branding_file_that_is_not_an_object)
{
    Problems p;
    BOOST_TEST(!parseClinicProfileJson(Json::array(), p.sink));
    BOOST_TEST(p.has("", "expected an object, got an array"));
}

BOOST_AUTO_TEST_CASE(writes_json_for_scripts_without_the_logo_bytes)
{
    const ClinicProfile c = validProfile();
    const Json j = toJson(c);
    BOOST_TEST(j.at("name") == c.name);
    BOOST_TEST(j.at("address") == c.address);
    BOOST_TEST(j.at("accent") == "#2A6F97");
    BOOST_TEST(j.at("footer") == c.footer);
    BOOST_TEST(j.at("logo_bytes") == c.logo.size());
    BOOST_TEST(!j.contains("logo"));
    BOOST_TEST(j.at("clinician") == c.clinician);
    BOOST_TEST(j.size() == 9u);
}

BOOST_AUTO_TEST_SUITE_END()
