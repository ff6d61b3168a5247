// A PAM service of the tests' own, in a temporary folder: the real PAM library and the real
// pam_exec, pam_deny and pam_permit modules, asked through pam_start_confdir, so that the
// app's password check is tested without the machine's accounts. The service accepts one
// password, whoever the user is (pam_exec hands it to a small script that compares it);
// any other password is refused by pam_deny, as the system's common-auth refuses one.
#pragma once

#include <filesystem>
#include <string>

namespace sp::test {

class PamTestService {
public:
    explicit PamTestService(const std::string& acceptedPassword);
    ~PamTestService();
    PamTestService(const PamTestService&) = delete;
    PamTestService& operator=(const PamTestService&) = delete;

    // The folder holding the service file, for pam_start_confdir.
    const std::filesystem::path& confDir() const { return m_dir; }
    // The service's name (a file of that name is in confDir()).
    static constexpr const char* kName = "stretchplan";

private:
    std::filesystem::path m_dir;
};

} // namespace sp::test
