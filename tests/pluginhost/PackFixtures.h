// Shared helpers: the fixture plugin folder under tests/data/packs, loaded once, and
// throw-away pack folders for cases too large to commit.
#pragma once

#include "pluginhost/PluginHost.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace sp::test {

inline std::filesystem::path fixturePacks()
{
    return std::filesystem::path(SP_TEST_DATA_DIR) / "packs";
}

// The whole fixture folder, as `--no-builtin --plugins-dir tests/data/packs` loads it.
inline const CatalogLoad& fixtureLoad()
{
    static const CatalogLoad load = loadCatalog({{fixturePacks(), PluginOrigin::CommandLine}});
    return load;
}

inline const PackReport& reportFor(const std::string& folderName)
{
    for (const PackReport& r : fixtureLoad().packs)
        if (r.folder.filename() == folderName)
            return r;
    throw std::runtime_error("no fixture pack " + folderName);
}

// A temporary folder removed at the end of the test.
class TempDir {
public:
    TempDir()
    {
        static int counter = 0;
        m_path = std::filesystem::temp_directory_path() /
                 ("sp-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() { std::filesystem::remove_all(m_path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline void writeFile(const std::filesystem::path& file, const std::string& content)
{
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
}

// A copy of the "good" fixture pack inside `dir`, to be broken by the test.
inline std::filesystem::path copyGoodPack(const std::filesystem::path& dir, const std::string& name)
{
    const auto target = dir / name;
    std::filesystem::create_directories(dir);
    std::filesystem::copy(fixturePacks() / "good", target, std::filesystem::copy_options::recursive);
    return target;
}

// A copy of the "good" fixture pack in `dir`/`name` whose manifest says `id`.
inline std::filesystem::path copyGoodPackAs(const std::filesystem::path& dir, const std::string& name,
                                            const std::string& id)
{
    const auto target = copyGoodPack(dir, name);
    std::ifstream in(target / "manifest.json");
    std::string text(std::istreambuf_iterator<char>(in), {});
    text.replace(text.find("\"id\": \"good\""), 12, "\"id\": \"" + id + "\"");
    writeFile(target / "manifest.json", text);
    return target;
}

} // namespace sp::test

