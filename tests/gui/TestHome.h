// A temporary home folder for a test process: HOME and the XDG variables point into it,
// so nothing of the real user's database, settings or packs is read or written.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace sp::test {

class TestHome {
public:
    explicit TestHome(const std::string& name)
    {
        m_path = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
        ::setenv("HOME", m_path.c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (m_path / ".config").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (m_path / ".local/share").c_str(), 1);
        ::setenv("XDG_CACHE_HOME", (m_path / ".cache").c_str(), 1);
        ::setenv("XDG_DATA_DIRS", (m_path / "no-system-packs").c_str(), 1);
        ::unsetenv("SP_SETTINGS_FILE");
    }
    ~TestHome() { std::filesystem::remove_all(m_path); }
    TestHome(const TestHome&) = delete;
    TestHome& operator=(const TestHome&) = delete;

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace sp::test
