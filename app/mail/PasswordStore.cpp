#include "mail/PasswordStore.h"

#include "mail/MailError.h"

#include "keyring/Keyring.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sp::mail {
namespace {

keyring::SecretKey smtpKey(const MailSettings& s)
{
    return {"org.stretchplan.Smtp",
            {{"host", s.host}, {"port", std::to_string(s.port)}, {"user", s.username}},
            "SMTP password for " + s.username + "@" + s.host};
}

// The keyring's refusal as the mail library reports it.
template <class Action> auto asMailError(Action&& action)
{
    try {
        return action();
    } catch (const keyring::KeyringError& e) {
        throw MailError(e.what());
    }
}

} // namespace

bool keyringReachable()
{
    return keyring::reachable();
}

std::optional<std::string> keyringLookup(const MailSettings& s)
{
    return asMailError([&] { return keyring::lookup(smtpKey(s)); });
}

void keyringStore(const MailSettings& s, const std::string& password)
{
    asMailError([&] { keyring::store(smtpKey(s), password); });
}

void keyringClear(const MailSettings& s)
{
    asMailError([&] { keyring::clear(smtpKey(s)); });
}

fs::path passwordFilePath(const fs::path& settingsFile)
{
    return settingsFile.parent_path() / "smtp-password";
}

std::optional<std::string> readPasswordFile(const fs::path& file)
{
    struct stat st{};
    if (::stat(file.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return std::nullopt;
        throw MailError(file.string() + ": cannot read the password file: " + std::strerror(errno));
    }
    if (!S_ISREG(st.st_mode))
        throw MailError(file.string() + ": the password file is not a regular file");
    if ((st.st_mode & 077) != 0 || st.st_uid != ::geteuid())
        throw MailError(file.string() + ": the password file must belong to you and be readable by you alone "
                                        "(chmod 600); it was not used");
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line))
        throw MailError(file.string() + ": cannot read the password file");
    return line;
}

void writePasswordFile(const fs::path& file, const std::string& password)
{
    if (password.find_first_of("\r\n") != std::string::npos)
        throw MailError("the password contains a line break");
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::string temporary = file.string() + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data()); // created 0600
    if (fd < 0)
        throw MailError(file.string() + ": cannot write the password file: " + std::strerror(errno));
    const std::string text = password + "\n";
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                         ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), file.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temporary.c_str());
        throw MailError(file.string() + ": cannot write the password file: " + why);
    }
}

void removePasswordFile(const fs::path& file)
{
    std::error_code ec;
    fs::remove(file, ec);
    if (ec)
        throw MailError(file.string() + ": cannot remove the password file: " + ec.message());
}

} // namespace sp::mail
