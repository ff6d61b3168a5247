// The e-mail text: the template format, placeholders filled per patient, a typo refused,
// and the template shipped in templates/email.
#include "mail/EmailTemplate.h"
#include "mail/MailError.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace sp::mail;
namespace fs = std::filesystem;

namespace {

const TemplateValues kValues{"Riverside Physiotherapy", "Zo\u00eb", "8 December 2026",
                             "555-0100 \u00b7 info@example.org"};

template <class F> std::string errorOf(F&& f)
{
    try {
        f();
    } catch (const MailError& e) {
        return e.what();
    }
    BOOST_ERROR("no MailError");
    return {};
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("sp-mail-tmpl-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(email_template)

BOOST_AUTO_TEST_CASE(fills_every_placeholder)
{
    const EmailTemplate t = parseEmailTemplate(
        "Subject: Your plan from {clinic_name}\n\nHello {patient_first_name},\nsee you on {next_follow_up}.\n"
        "{clinic_contact}\n",
        "t");
    BOOST_TEST(fillTemplate(t.subject, kValues) == "Your plan from Riverside Physiotherapy");
    BOOST_TEST(fillTemplate(t.body, kValues) ==
               "Hello Zo\u00eb,\nsee you on 8 December 2026.\n555-0100 \u00b7 info@example.org\n");
}

BOOST_AUTO_TEST_CASE(leaves_out_the_follow_up_line_when_none_is_booked)
{
    TemplateValues none = kValues;
    none.nextFollowUp.clear();
    BOOST_TEST(fillTemplate("Hello.\nWe will see you again on {next_follow_up}.\nBye.\n", none) == "Hello.\nBye.\n");
}

BOOST_AUTO_TEST_CASE(refuses_unknown_placeholders_and_broken_templates)
{
    BOOST_TEST(errorOf([] { fillTemplate("Hello {patient_name}", kValues); }).find("unknown placeholder {patient_name}") !=
               std::string::npos);
    BOOST_TEST(errorOf([] { fillTemplate("Hello {patient_first_name", kValues); }).find("without its '}'") !=
               std::string::npos);
    BOOST_TEST(errorOf([] { parseEmailTemplate("Hello\n\nbody", "t"); }).find("Subject:") != std::string::npos);
    BOOST_TEST(errorOf([] { parseEmailTemplate("Subject: x\nbody", "t"); }).find("blank line") != std::string::npos);
    BOOST_TEST(errorOf([] { parseEmailTemplate("Subject: \n\nbody", "t"); }).find("empty subject") != std::string::npos);
    BOOST_TEST(errorOf([] { parseEmailTemplate("Subject: x\n\n\n", "t"); }).find("empty body") != std::string::npos);
    BOOST_TEST(errorOf([] { parseEmailTemplate("Subject: x\r\n\r\nbody", "t"); }).find("CR LF") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(loads_by_name_from_the_first_folder_that_has_it)
{
    TempDir user;
    {
        std::ofstream(user.path / "default.txt") << "Subject: Mine\n\nMy own text.\n";
    }
    const fs::path builtIn = fs::path(SP_SOURCE_DIR) / "templates" / "email";
    BOOST_TEST(loadEmailTemplate("default", {user.path, builtIn}).subject == "Mine");
    BOOST_TEST(loadEmailTemplate("default", {user.path / "missing", builtIn}).subject != "Mine");
    for (const char* bad : {"../default", "Default", "de fault", "", "-x", "a/b"})
        BOOST_TEST(errorOf([&] { loadEmailTemplate(bad, {builtIn}); }).find("is not an e-mail template name") !=
                       std::string::npos,
                   bad);
    BOOST_TEST(errorOf([&] { loadEmailTemplate("nope", {user.path, builtIn}); }).find("no e-mail template \"nope\"") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_shipped_default_template_uses_every_placeholder)
{
    const EmailTemplate t = loadEmailTemplate("default", {fs::path(SP_SOURCE_DIR) / "templates" / "email"});
    const std::string subject = fillTemplate(t.subject, kValues);
    const std::string body = fillTemplate(t.body, kValues);
    BOOST_TEST(subject.find("Riverside Physiotherapy") != std::string::npos);
    for (const std::string& v : {kValues.patientFirstName, kValues.nextFollowUp, kValues.clinicContact})
        BOOST_TEST(body.find(v) != std::string::npos, v);
    BOOST_TEST(body.find('{') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(names_the_attachment_by_date)
{
    BOOST_TEST(attachmentFileName("2026-11-24") == "Home-exercise-plan-2026-11-24.pdf");
}

BOOST_AUTO_TEST_SUITE_END()
