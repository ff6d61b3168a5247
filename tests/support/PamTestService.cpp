#include "support/PamTestService.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;

namespace sp::test {
namespace {

// Where Debian keeps the PAM modules; pam_exec comes with libpam-modules, always there.
fs::path moduleDir()
{
    for (const char* dir : {"/lib/x86_64-linux-gnu/security", "/usr/lib/x86_64-linux-gnu/security",
                            "/lib/aarch64-linux-gnu/security", "/usr/lib/aarch64-linux-gnu/security",
                            "/lib/security", "/usr/lib/security"})
        if (fs::exists(fs::path(dir) / "pam_exec.so"))
            return dir;
    throw std::runtime_error("pam_exec.so is not installed (Debian's libpam-modules)");
}

// The password in a shell's single quotes.
std::string shellQuoted(const std::string& text)
{
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

PamTestService::PamTestService(const std::string& acceptedPassword)
{
    std::string pattern = (fs::temp_directory_path() / "sp-pam-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("cannot make a temporary folder for the PAM service");
    m_dir = pattern;
    const fs::path script = m_dir / "check-password";
    {
        // pam_exec's expose_authtok writes the password (and a NUL) to the script's input.
        std::ofstream out(script);
        out << "#!/bin/sh\n"
            << "typed=$(tr -d '\\000')\n"
            << "[ \"$typed\" = " << shellQuoted(acceptedPassword) << " ]\n";
    }
    fs::permissions(script, fs::perms::owner_all);
    const fs::path modules = moduleDir();
    std::ofstream service(m_dir / kName);
    service << "auth [success=1 default=ignore] " << (modules / "pam_exec.so").string() << " expose_authtok quiet "
            << script.string() << "\n"
            << "auth requisite " << (modules / "pam_deny.so").string() << "\n"
            << "auth required " << (modules / "pam_permit.so").string() << "\n"
            << "account required " << (modules / "pam_permit.so").string() << "\n";
}

PamTestService::~PamTestService()
{
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
}

} // namespace sp::test
