#include "pluginhost/PluginCache.h"

#include "core/Problem.h"
#include "hash/Sha256.h"
#include "pluginhost/PackFiles.h"

#include <cstdio>
#include <fstream>
#include <sys/stat.h>

#include <stretchplan/plugin.h>

namespace fs = std::filesystem;

namespace sp {
namespace {

// Bumped when the cache layout changes; the plugin ABI is part of it, since a new host may
// read reports differently.
const std::string kCacheFormat = "1/abi-" + std::to_string(SP_PLUGIN_ABI_MAJOR) + "." +
                                 std::to_string(SP_PLUGIN_ABI_MINOR);
constexpr std::uintmax_t kMaxCacheBytes = 256 * 1024 * 1024;

Json identityJson(const LibraryIdentity& id)
{
    return {{"size", id.size}, {"mtime_ns", id.mtimeNs}, {"sha256", id.sha256}, {"folder_sha256", id.folderSha256}};
}

} // namespace

LibraryIdentity identifyLibrary(const fs::path& library)
{
    struct stat st{};
    if (::stat(library.c_str(), &st) != 0)
        throw std::runtime_error(library.string() + ": cannot read the library");
    LibraryIdentity id;
    id.size = static_cast<std::uintmax_t>(st.st_size);
    id.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    id.sha256 = sha256FileHex(library);
    return id;
}

PluginCache::PluginCache(fs::path file) : m_file(std::move(file))
{
    if (m_file.empty())
        return;
    const FileRead read = readPackFile(m_file.parent_path(), m_file, kMaxCacheBytes);
    if (!read.text)
        return;
    std::vector<Problem> problems;
    ProblemSink sink(m_file.string(), problems);
    const auto doc = parseJsonText(*read.text, sink, 64);
    if (!doc || !doc->is_object() || doc->value("format", "") != kCacheFormat)
        return;
    const auto entries = doc->find("entries");
    if (entries != doc->end() && entries->is_object())
        m_entries = *entries;
}

std::optional<Json> PluginCache::find(const fs::path& library, const LibraryIdentity& identity) const
{
    const auto entry = m_entries.find(library.string());
    if (entry == m_entries.end() || !entry->is_object())
        return std::nullopt;
    const auto stored = entry->find("identity");
    const auto outcome = entry->find("outcome");
    if (stored == entry->end() || outcome == entry->end() || *stored != identityJson(identity))
        return std::nullopt;
    return *outcome;
}

void PluginCache::store(const fs::path& library, const LibraryIdentity& identity, Json outcome)
{
    if (m_file.empty())
        return;
    m_entries[library.string()] = Json{{"identity", identityJson(identity)}, {"outcome", std::move(outcome)}};
    m_changed = true;
}

void PluginCache::clear()
{
    m_changed = m_changed || !m_entries.empty();
    m_entries = Json::object();
}

std::string PluginCache::save() const
{
    if (m_file.empty() || !m_changed)
        return {};
    std::error_code ec;
    fs::create_directories(m_file.parent_path(), ec);
    const fs::path temp = m_file.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << Json{{"format", kCacheFormat}, {"entries", m_entries}}.dump() << '\n';
        if (!out.flush())
            return m_file.string() + ": cannot write the plugin cache (plugins will run again next time)";
    }
    fs::rename(temp, m_file, ec);
    if (ec) {
        fs::remove(temp, ec);
        return m_file.string() + ": cannot write the plugin cache (plugins will run again next time)";
    }
    return {};
}

} // namespace sp
