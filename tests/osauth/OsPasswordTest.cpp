// The computer password check through the real PAM library and modules, with a service of
// the tests' own (PamTestService).
#include "osauth/OsPassword.h"
#include "support/PamTestService.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace sp::osauth;
using sp::test::PamTestService;

namespace {

PamService serviceOf(const PamTestService& pam)
{
    return {PamTestService::kName, pam.confDir()};
}

} // namespace

BOOST_AUTO_TEST_SUITE(os_password)

BOOST_AUTO_TEST_CASE(the_right_password_is_accepted_and_a_wrong_one_refused)
{
    const PamTestService pam("correct horse 'battery'");
    const std::string login = currentLogin();
    BOOST_TEST_REQUIRE(!login.empty());
    BOOST_TEST((checkPassword(login, "correct horse 'battery'", serviceOf(pam)).outcome == PasswordOutcome::Accepted));
    const PasswordCheck wrong = checkPassword(login, "correct horse", serviceOf(pam));
    BOOST_TEST((wrong.outcome == PasswordOutcome::Refused));
    BOOST_TEST(!wrong.message.empty());
    BOOST_TEST((checkPassword(login, "correct horse 'battery' ", serviceOf(pam)).outcome == PasswordOutcome::Refused));
}

BOOST_AUTO_TEST_CASE(an_empty_password_is_refused_without_asking)
{
    const PamTestService pam("");
    const PasswordCheck check = checkPassword(currentLogin(), "", serviceOf(pam));
    BOOST_TEST((check.outcome == PasswordOutcome::Refused));
    BOOST_TEST(check.message == "no password was typed");
}

BOOST_AUTO_TEST_CASE(a_service_that_cannot_check_says_so)
{
    // A service file naming a module that does not exist: PAM cannot check at all, which
    // is not the same as a wrong password.
    const PamTestService pam("secret");
    {
        std::ofstream broken(pam.confDir() / "broken");
        broken << "auth required /nonexistent/pam_nothing.so\naccount required /nonexistent/pam_nothing.so\n";
    }
    const PasswordCheck check = checkPassword(currentLogin(), "secret", {"broken", pam.confDir()});
    BOOST_TEST((check.outcome == PasswordOutcome::Unavailable), check.message);
    BOOST_TEST(!check.message.empty());
}

BOOST_AUTO_TEST_CASE(no_account_name_cannot_be_checked)
{
    const PamTestService pam("secret");
    const PasswordCheck check = checkPassword("", "secret", serviceOf(pam));
    BOOST_TEST((check.outcome == PasswordOutcome::Unavailable));
    BOOST_TEST(check.message.find("no account") != std::string::npos, check.message);
}

BOOST_AUTO_TEST_SUITE_END()
