#include "mail/PasswordStore.h"

#include "mail/MailError.h"

#include <libsecret/secret.h>

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

const SecretSchema* schema()
{
    static const SecretSchema s = {"org.stretchplan.Smtp",
                                   SECRET_SCHEMA_NONE,
                                   {{"host", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {"port", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {"user", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
                                   0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    return &s;
}

std::string takeError(GError* error)
{
    const std::string text = error && error->message ? error->message : "unknown error";
    if (error)
        g_error_free(error);
    return text;
}

bool sessionBusExists()
{
    if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS"); address && *address)
        return true;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    return runtime && *runtime && fs::exists(fs::path(runtime) / "bus", ec);
}

} // namespace

bool keyringReachable()
{
    if (!sessionBusExists())
        return false;
    GError* error = nullptr;
    SecretService* service = secret_service_get_sync(SECRET_SERVICE_OPEN_SESSION, nullptr, &error);
    if (!service) {
        takeError(error);
        return false;
    }
    g_object_unref(service);
    return true;
}

std::optional<std::string> keyringLookup(const MailSettings& s)
{
    GError* error = nullptr;
    const std::string port = std::to_string(s.port);
    gchar* found = secret_password_lookup_sync(schema(), nullptr, &error, "host", s.host.c_str(), "port", port.c_str(),
                                               "user", s.username.c_str(), nullptr);
    if (error)
        throw MailError("the keyring did not give the SMTP password: " + takeError(error));
    if (!found)
        return std::nullopt;
    std::string password = found;
    secret_password_free(found);
    return password;
}

void keyringStore(const MailSettings& s, const std::string& password)
{
    GError* error = nullptr;
    const std::string port = std::to_string(s.port);
    const std::string label = "StretchPlan SMTP password for " + s.username + "@" + s.host;
    if (!secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), password.c_str(), nullptr,
                                    &error, "host", s.host.c_str(), "port", port.c_str(), "user", s.username.c_str(),
                                    nullptr))
        throw MailError("the keyring did not store the SMTP password: " + takeError(error));
}

void keyringClear(const MailSettings& s)
{
    GError* error = nullptr;
    const std::string port = std::to_string(s.port);
    secret_password_clear_sync(schema(), nullptr, &error, "host", s.host.c_str(), "port", port.c_str(), "user",
                               s.username.c_str(), nullptr);
    if (error)
        throw MailError("the keyring did not remove the SMTP password: " + takeError(error));
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
