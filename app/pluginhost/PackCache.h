// The pack-load cache. A pack that loaded without a problem is remembered in one file per
// pack folder, together with the identity (device, inode, size, modification and change
// times) of every file the load read: manifest.json, guidance.json (or that there was
// none), the list of exercises/ and each exercise file, and every image the exercises
// show. A later start whose files are all unchanged reads that one file instead of
// reading, parsing and validating hundreds of JSON documents, and the pack's search index
// with it instead of folding its text again. Any change, a cache written
// by another build, or a damaged cache file means the pack is loaded from its own files
// again, exactly as without a cache, and the cache is rewritten. Packs with problems are
// never cached, so their problems are always found afresh.
#pragma once

#include "core/SearchIndex.h"
#include "pluginhost/PackLoader.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace sp {

// A pack as cached, with the search index of its exercises.
struct CachedPack {
    LoadedPack pack;
    SearchIndex index;
};

class PackCache {
public:
    // An empty `dir` gives a cache that remembers nothing.
    explicit PackCache(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    const std::filesystem::path& dir() const { return m_dir; }

    // The pack in `folder` as it was cached, when every file it came from is unchanged.
    std::optional<CachedPack> find(const std::filesystem::path& folder) const;

    // Remembers `pack` (ignored unless it loaded without a problem). A file modified after
    // `loadStarted`, or within the file system's time granularity before it, could have
    // been read half-written, so such a pack is not cached this time. Returns the problem
    // writing the cache file, or an empty string.
    // `index` must be the search index of the pack's exercises, in order.
    std::string store(const LoadedPack& pack, const SearchIndex& index,
                      std::chrono::system_clock::time_point loadStarted) const;

    // The cache file of `folder` (for tests and messages).
    std::filesystem::path fileFor(const std::filesystem::path& folder) const;

private:
    std::filesystem::path m_dir;
};

// userCacheDir()/packs, or empty without a home folder.
std::filesystem::path defaultPackCacheDir();

} // namespace sp
