// The password file (the explicit alternative to the keyring): 0600 from the start, and
// a file others can read is refused rather than used. Without a session bus the keyring
// is reported as unreachable at once.
#include "mail/MailError.h"
#include "mail/PasswordStore.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include <sys/stat.h>
#include <unistd.h>

using namespace sp::mail;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("sp-mail-pw-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

// Sets (or, with nullopt, unsets) a variable for the scope, restoring it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : m_name(name)
    {
        if (const char* old = std::getenv(name))
            m_old = old;
        if (value)
            ::setenv(name, value->c_str(), 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv()
    {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

} // namespace

BOOST_AUTO_TEST_SUITE(password_store)

BOOST_AUTO_TEST_CASE(the_file_is_written_0600_and_read_back)
{
    TempDir dir;
    const fs::path file = passwordFilePath(dir.path / "settings.json");
    BOOST_TEST(file == dir.path / "smtp-password");
    BOOST_TEST(!readPasswordFile(file).has_value());
    writePasswordFile(file, "s3cret p\u00e4ss");
    struct stat st{};
    BOOST_TEST_REQUIRE(::stat(file.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    BOOST_TEST(readPasswordFile(file).value() == "s3cret p\u00e4ss");
    writePasswordFile(file, "changed");
    BOOST_TEST(readPasswordFile(file).value() == "changed");
    removePasswordFile(file);
    BOOST_TEST(!fs::exists(file));
}

BOOST_AUTO_TEST_CASE(a_file_others_can_read_is_refused)
{
    TempDir dir;
    const fs::path file = dir.path / "smtp-password";
    writePasswordFile(file, "secret");
    fs::permissions(file, fs::perms::group_read, fs::perm_options::add);
    try {
        readPasswordFile(file);
        BOOST_FAIL("a group-readable password file was used");
    } catch (const MailError& e) {
        BOOST_TEST(std::string(e.what()).find("chmod 600") != std::string::npos, e.what());
    }
    BOOST_CHECK_THROW(writePasswordFile(file, "two\nlines"), MailError);
}

BOOST_AUTO_TEST_CASE(no_session_bus_means_no_keyring_without_waiting)
{
    ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
    ScopedEnv runtime("XDG_RUNTIME_DIR", "/nonexistent-runtime-dir");
    BOOST_TEST(!keyringReachable());
}

BOOST_AUTO_TEST_SUITE_END()
