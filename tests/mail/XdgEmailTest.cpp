// The xdg-email fallback: started without a shell, with the arguments exactly as given,
// and refusing an address or subject that could be read as something else.
#include "mail/MailError.h"
#include "mail/XdgEmail.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace sp::mail;
namespace fs = std::filesystem;

namespace {

// A fake xdg-email first on PATH that writes each argument on its own line.
struct FakeXdgEmail {
    fs::path dir = fs::temp_directory_path() / ("sp-mail-xdg-" + std::to_string(::getpid()));
    std::string oldPath = std::getenv("PATH") ? std::getenv("PATH") : "";

    explicit FakeXdgEmail(int exitStatus = 0)
    {
        fs::create_directories(dir);
        std::ofstream script(dir / "xdg-email");
        script << "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" << (dir / "args").string()
               << "\"\nexit " << exitStatus << "\n";
        script.close();
        fs::permissions(dir / "xdg-email", fs::perms::owner_all);
        ::setenv("PATH", (dir.string() + ":" + oldPath).c_str(), 1);
    }
    ~FakeXdgEmail()
    {
        ::setenv("PATH", oldPath.c_str(), 1);
        fs::remove_all(dir);
    }
    std::string args() const
    {
        std::ifstream in(dir / "args");
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(xdg_email)

BOOST_AUTO_TEST_CASE(passes_every_argument_as_is_without_a_shell)
{
    FakeXdgEmail fake;
    const fs::path pwned = fake.dir / "pwned";
    composeWithXdgEmail({"ana@example.org", "Plan $(touch " + pwned.string() + ") `id` ; | &", "Hello\nthere",
                         "handouts/Home exercise plan.pdf"});
    BOOST_TEST(fake.args() == "--utf8\n--subject\nPlan $(touch " + pwned.string() +
                                  ") `id` ; | &\n--body\nHello\nthere\n--attach\nhandouts/Home exercise plan.pdf\n"
                                  "ana@example.org\n");
    BOOST_TEST(!fs::exists(pwned));
}

BOOST_AUTO_TEST_CASE(refuses_bad_addresses_and_subjects_before_starting_anything)
{
    FakeXdgEmail fake;
    BOOST_CHECK_THROW(composeWithXdgEmail({"--help", "s", "b", {}}), MailError);
    BOOST_CHECK_THROW(composeWithXdgEmail({"ana@example.org\nBcc: x@example.org", "s", "b", {}}), MailError);
    BOOST_CHECK_THROW(composeWithXdgEmail({"ana@example.org", "s\r\nBcc: x@example.org", "b", {}}), MailError);
    BOOST_TEST(!fs::exists(fake.dir / "args"));
}

BOOST_AUTO_TEST_CASE(reports_a_mail_program_that_fails)
{
    FakeXdgEmail fake(3);
    try {
        composeWithXdgEmail({"ana@example.org", "s", "b", {}});
        BOOST_FAIL("no MailError");
    } catch (const MailError& e) {
        BOOST_TEST(std::string(e.what()).find("exit status 3") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
