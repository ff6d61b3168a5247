#include "settings/SettingsFile.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using sp::Json;
using sp::SettingsError;
using sp::SettingsFile;

namespace {

struct TempDir {
    fs::path path;
    TempDir()
    {
        char tmpl[] = "/tmp/sp-settings-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};

void writeText(const fs::path& file, const std::string& text)
{
    std::ofstream(file, std::ios::binary) << text;
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

BOOST_AUTO_TEST_SUITE(settings_file)

BOOST_AUTO_TEST_CASE(missing_file_means_empty_sections)
{
    TempDir dir;
    const SettingsFile s = SettingsFile::load(dir.path / "settings.json");
    BOOST_TEST(s.section("plugins") == Json::object());
    BOOST_TEST(!fs::exists(dir.path / "settings.json"));
}

BOOST_AUTO_TEST_CASE(save_round_trips_creates_folder_and_is_private)
{
    TempDir dir;
    const fs::path file = dir.path / "deep" / "er" / "settings.json";
    SettingsFile s(file);
    s.setSection("plugins", Json{{"enabled", {{"acme.sync", true}}}});
    s.save();
    struct stat st{};
    BOOST_REQUIRE(::stat(file.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    BOOST_TEST(!fs::exists(file.string() + ".tmp"));
    const SettingsFile again = SettingsFile::load(file);
    BOOST_TEST(again.section("plugins")["enabled"]["acme.sync"] == true);
}

BOOST_AUTO_TEST_CASE(unknown_sections_survive_an_update)
{
    TempDir dir;
    const fs::path file = dir.path / "settings.json";
    writeText(file, R"({"future": {"x": [1, 2]}, "mail": {"host": "smtp.example.org"}})");
    SettingsFile::update(file, [](SettingsFile& s) { s.setSection("plugins", Json{{"enabled", Json::object()}}); });
    const SettingsFile again = SettingsFile::load(file);
    BOOST_TEST(again.section("future")["x"][1] == 2);
    BOOST_TEST(again.section("mail")["host"] == "smtp.example.org");
    BOOST_TEST(again.section("plugins").contains("enabled"));
}

BOOST_AUTO_TEST_CASE(broken_file_is_reported_with_where_and_left_alone)
{
    TempDir dir;
    const fs::path file = dir.path / "settings.json";
    const std::string broken = "{\"plugins\": {\"enabled\": {\"a\": true,}}}";
    writeText(file, broken);
    try {
        (void)SettingsFile::load(file);
        BOOST_FAIL("a broken settings file was accepted");
    } catch (const SettingsError& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find(file.string()) != std::string::npos, what);
        BOOST_TEST(what.find("/plugins/enabled") != std::string::npos, what);
    }
    BOOST_CHECK_THROW(SettingsFile::update(file, [](SettingsFile&) {}), SettingsError);
    BOOST_TEST(readText(file) == broken);
}

BOOST_AUTO_TEST_CASE(non_object_duplicate_keys_and_folders_are_refused)
{
    TempDir dir;
    const fs::path file = dir.path / "settings.json";
    writeText(file, "[1, 2]");
    BOOST_CHECK_THROW((void)SettingsFile::load(file), SettingsError);
    writeText(file, R"({"mail": {}, "mail": {}})");
    BOOST_CHECK_THROW((void)SettingsFile::load(file), SettingsError);
    fs::remove(file);
    fs::create_directory(file);
    BOOST_CHECK_THROW((void)SettingsFile::load(file), SettingsError);
}

BOOST_AUTO_TEST_CASE(concurrent_updates_of_different_sections_both_survive)
{
    TempDir dir;
    const fs::path file = dir.path / "settings.json";
    constexpr int kWriters = 4;
    constexpr int kRounds = 25;
    for (int w = 0; w < kWriters; ++w) {
        const pid_t pid = ::fork();
        BOOST_REQUIRE(pid >= 0);
        if (pid == 0) {
            for (int r = 0; r < kRounds; ++r)
                SettingsFile::update(file, [&](SettingsFile& s) {
                    Json section = s.section("writer" + std::to_string(w));
                    section["count"] = section.value("count", 0) + 1;
                    s.setSection("writer" + std::to_string(w), section);
                });
            ::_exit(0);
        }
    }
    for (int w = 0; w < kWriters; ++w) {
        int status = 0;
        ::wait(&status);
        BOOST_TEST(WIFEXITED(status));
        BOOST_TEST(WEXITSTATUS(status) == 0);
    }
    const SettingsFile s = SettingsFile::load(file);
    for (int w = 0; w < kWriters; ++w)
        BOOST_TEST(s.section("writer" + std::to_string(w)).value("count", 0) == kRounds);
}

BOOST_AUTO_TEST_CASE(settings_path_override)
{
    ::setenv("SP_SETTINGS_FILE", "/somewhere/else.json", 1);
    BOOST_TEST(sp::defaultSettingsPath() == fs::path("/somewhere/else.json"));
    ::unsetenv("SP_SETTINGS_FILE");
    ::setenv("XDG_CONFIG_HOME", "/cfg", 1);
    BOOST_TEST(sp::defaultSettingsPath() == fs::path("/cfg/stretchplan/settings.json"));
}

BOOST_AUTO_TEST_SUITE_END()
