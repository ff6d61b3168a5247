// Addresses: what a patient's real address looks like passes, and everything that could
// smuggle a header, a second recipient or an option is refused with a reason.
#include "mail/Address.h"
#include "mail/MailError.h"

#include <boost/test/unit_test.hpp>

using namespace sp::mail;

BOOST_AUTO_TEST_SUITE(address)

BOOST_AUTO_TEST_CASE(accepts_ordinary_addresses)
{
    for (const char* good : {"ana@example.org", "ana.nunez@mail.example.co.uk", "a+handouts@example.org",
                             "o'brien@example.ie", "x_y-z@sub-domain.example.com", "1234@123.example",
                             "A.B@EXAMPLE.ORG", "ana@xn--nez-9ma.example"})
        BOOST_TEST(isValidAddress(good), good << ": " << addressProblem(good));
}

BOOST_AUTO_TEST_CASE(refuses_malformed_addresses_with_a_reason)
{
    const std::vector<std::pair<std::string, std::string>> bad{
        {"", "empty"},
        {"ana.example.org", "no @"},
        {"ana@@example.org", "more than one @"},
        {"a@b@example.org", "more than one @"},
        {"@example.org", "nothing before the @"},
        {"ana@", "nothing after the @"},
        {"ana@localhost", "has no dot"},
        {".ana@example.org", "dot at the start"},
        {"ana.@example.org", "dot at the start or end"},
        {"an..a@example.org", "two dots"},
        {"ana@example..org", "empty part"},
        {"ana@-example.org", "starts or ends with '-'"},
        {"ana nunez@example.org", "space or control"},
        {"\"ana\"@example.org", "'\"'"},
        {"ana@exa_mple.org", "'_'"},
        {"ana@ex\u00e4mple.org", "non-ASCII"},
        {"an\u00e4@example.org", "not allowed before the @"},
        {"ana@example.org\r\nBcc: all@example.org", "more than one @"},
        {"ana@example.org\nX: y", "space or control"},
        {"ana@example.org, bob@example.org", "more than one @"},
        {"<ana@example.org>", "'<'"},
        {std::string(65, 'a') + "@example.org", "longer than 64"},
        {"a@" + std::string(250, 'b') + ".org", "longer than 254"},
    };
    for (const auto& [address, why] : bad) {
        const std::string problem = addressProblem(address);
        BOOST_TEST(!problem.empty(), address);
        BOOST_TEST(problem.find(why) != std::string::npos, address << " -> " << problem);
    }
}

BOOST_AUTO_TEST_CASE(require_names_the_field_and_shows_line_breaks_escaped)
{
    try {
        requireAddress("ana@example.org\r\nBcc: x@example.org", "--to");
        BOOST_FAIL("no MailError");
    } catch (const MailError& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find("--to \"ana@example.org\\r\\nBcc") != std::string::npos, what);
        BOOST_TEST(what.find('\n') == std::string::npos, what);
    }
    BOOST_CHECK_NO_THROW(requireAddress("ana@example.org", "--to"));
    BOOST_TEST(addressDomain("ana@riverside.example.org") == "riverside.example.org");
}

BOOST_AUTO_TEST_SUITE_END()
