// The "mail" settings section: read strictly, every problem named by its pointer, and a
// line break in any value refused (it would end up in a header or the SMTP dialogue).
#include "mail/MailSettings.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::mail;

namespace {

Json validSection()
{
    return {{"host", "smtp.example.org"}, {"port", 587},        {"security", "starttls"},
            {"username", "clinic"},       {"from_address", "info@example.org"},
            {"from_name", "Riverside Physiotherapy"}};
}

std::vector<Problem> problemsOf(const Json& section)
{
    std::vector<Problem> problems;
    ProblemSink sink("settings.json", problems);
    BOOST_TEST(!parseMailSettings(section, sink).has_value());
    return problems;
}

bool hasProblem(const std::vector<Problem>& problems, const std::string& pointer, const std::string& fragment)
{
    for (const Problem& p : problems)
        if (p.pointer == pointer && p.message.find(fragment) != std::string::npos)
            return true;
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(mail_settings)

BOOST_AUTO_TEST_CASE(reads_a_full_section_and_writes_it_back_the_same)
{
    Json section = validSection();
    section["ca_file"] = "/etc/stretchplan/clinic-ca.pem";
    section["connect_timeout_s"] = 5;
    section["transfer_timeout_s"] = 60;
    section["password_store"] = "file";
    std::vector<Problem> problems;
    ProblemSink sink("settings.json", problems);
    const auto s = parseMailSettings(section, sink);
    BOOST_TEST_REQUIRE(s.has_value());
    BOOST_TEST(problems.empty());
    BOOST_TEST(s->host == "smtp.example.org");
    BOOST_TEST((s->security == MailSecurity::StartTls));
    BOOST_TEST(s->connectTimeout_s == 5);
    BOOST_TEST((s->passwordStorage == PasswordStorage::File));
    BOOST_TEST(toJson(*s) == section);
}

BOOST_AUTO_TEST_CASE(the_port_defaults_to_the_one_for_the_security_chosen)
{
    for (const auto& [security, port] : {std::pair{"starttls", 587}, {"smtps", 465}, {"plain", 25}}) {
        Json section = validSection();
        section.erase("port");
        section["security"] = security;
        section["host"] = "localhost"; // the one place a plain login may go
        std::vector<Problem> problems;
        ProblemSink sink("settings.json", problems);
        const auto s = parseMailSettings(section, sink);
        BOOST_TEST_REQUIRE(s.has_value());
        BOOST_TEST(s->port == port);
        BOOST_TEST((s->passwordStorage == PasswordStorage::Ask));
    }
}

BOOST_AUTO_TEST_CASE(reports_every_problem_with_its_pointer)
{
    Json section = validSection();
    section["security"] = "tls-if-possible";
    section["port"] = 70000;
    section["from_address"] = "info at example.org";
    section["colour"] = "blue";
    const auto problems = problemsOf(section);
    BOOST_TEST(hasProblem(problems, "/mail/security", "is not one of starttls, smtps, plain"));
    BOOST_TEST(hasProblem(problems, "/mail/port", "70000"));
    BOOST_TEST(hasProblem(problems, "/mail/colour", ""));
    BOOST_TEST(problemsOf(Json::array()).size() == 1u);
    BOOST_TEST(hasProblem(problemsOf({{"security", "smtps"}}), "/mail/host", ""));
}

BOOST_AUTO_TEST_CASE(refuses_line_breaks_and_bad_values_that_pass_the_json_types)
{
    const std::vector<std::tuple<std::string, Json, std::string>> cases{
        {"from_name", "Riverside\r\nBcc: all@example.org", "control character (code 13)"},
        {"from_name", "Riverside\nPhysio", "line break"},
        {"username", "clinic\nRCPT TO:<x@example.org>", "line break"},
        {"from_address", "info@example.org\nBcc: x@example.org", "not a usable e-mail address"},
        {"host", "smtp.example.org/evil", "not a host name"},
        {"host", "smtp example.org", "not a host name"},
        {"connect_timeout_s", 0, "out of range"},
        {"transfer_timeout_s", 601, "out of range"},
        {"password_store", "plaintext", "is not one of keyring, file, ask"},
    };
    for (const auto& [key, value, fragment] : cases) {
        Json section = validSection();
        section[key] = value;
        const auto problems = problemsOf(section);
        BOOST_TEST(hasProblem(problems, "/mail/" + key, fragment), key << " = " << value.dump());
    }
}

BOOST_AUTO_TEST_CASE(refuses_a_plain_login_to_any_host_but_this_machine)
{
    Json section = validSection();
    section["security"] = "plain";
    section["port"] = 25;
    for (const char* remote : {"smtp.example.org", "192.168.1.10", "128.0.0.1", "::2", "localhost.example.org"}) {
        BOOST_TEST_CONTEXT("host " << remote)
        {
            section["host"] = remote;
            BOOST_TEST(hasProblem(problemsOf(section), "/mail/security", "unencrypted"));
        }
    }
    for (const char* loopback : {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1"}) {
        BOOST_TEST_CONTEXT("host " << loopback)
        {
            section["host"] = loopback;
            std::vector<Problem> problems;
            ProblemSink sink("settings.json", problems);
            BOOST_TEST(parseMailSettings(section, sink).has_value());
            BOOST_TEST(problems.empty());
        }
    }
    // Without a login no password travels: a plain relay elsewhere is the clinic's choice.
    section["host"] = "relay.example.org";
    section.erase("username");
    std::vector<Problem> problems;
    ProblemSink sink("settings.json", problems);
    BOOST_TEST(parseMailSettings(section, sink).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
