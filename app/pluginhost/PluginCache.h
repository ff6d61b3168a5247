// What native plugins registered, remembered by library identity (path, size, modification
// time and content hash), so that start-up does not run unchanged plugins again. A cache
// that is missing, unreadable or from another format is simply rebuilt: it only ever
// holds what running the plugin again would give.
#pragma once

#include "core/JsonText.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace sp {

struct LibraryIdentity {
    std::uintmax_t size = 0;
    std::int64_t mtimeNs = 0;
    std::string sha256;       // of the library
    std::string folderSha256; // of every file in the plugin's folder (FolderDigest.h); empty when not taken
    bool operator==(const LibraryIdentity&) const = default;
};

// The library's size, time and SHA-256 (not its folder's). Throws std::runtime_error naming
// the file when it cannot be read.
LibraryIdentity identifyLibrary(const std::filesystem::path& library);

class PluginCache {
public:
    // An empty `file` gives a cache that remembers nothing.
    explicit PluginCache(std::filesystem::path file);

    std::optional<Json> find(const std::filesystem::path& library, const LibraryIdentity& identity) const;
    void store(const std::filesystem::path& library, const LibraryIdentity& identity, Json outcome);
    // Forgets every entry (plugins reload).
    void clear();

    // Writes the file when something changed; returns the problem, or empty.
    std::string save() const;

private:
    std::filesystem::path m_file;
    Json m_entries = Json::object();
    bool m_changed = false;
};

} // namespace sp
