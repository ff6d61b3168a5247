// Putting the catalog together: every pack folder and native plugin of every plugin folder
// is loaded (native plugins out of process), the ones that pass and are enabled join the
// catalog, and each one's kind, status and problems are reported.
#pragma once

#include "core/Catalog.h"
#include "core/Problem.h"
#include "pluginhost/NativePlugin.h"
#include "pluginhost/PluginDirs.h"
#include "pluginhost/PluginSettings.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace sp {

enum class PackStatus { Loaded = 1, Failed, Disabled };

template <> struct EnumNames<PackStatus> {
    static constexpr std::array<std::pair<PackStatus, std::string_view>, 3> values{{
        {PackStatus::Loaded, "loaded"},
        {PackStatus::Failed, "failed"},
        {PackStatus::Disabled, "disabled"},
    }};
};

// One plugin, pack or native, as `plugins list` shows it.
struct PackReport {
    std::string id;      // the manifest's (a pack) or the folder name (a native plugin); empty when unknown
    std::string name;
    std::string version;
    PluginKind kind = PluginKind::Pack;
    std::filesystem::path folder;
    PluginOrigin origin = PluginOrigin::BuiltIn;
    PackStatus status = PackStatus::Failed;
    std::string disabledReason;   // PackStatus::Disabled: why, and how to enable it
    std::size_t exerciseCount = 0;
    std::vector<Problem> problems;
    bool fromCache = false;        // from the cache: a pack's files were not parsed, a native plugin did not run
    // Native plugins only:
    std::filesystem::path library;
    std::string sha256;            // of the library
    std::string folderSha256;      // of every file in its folder: what a clinician trusts (FolderDigest.h)
    std::string abi;               // as the plugin declared it, e.g. "1.0"
    std::vector<std::string> log;  // what the plugin logged while registering
};

struct CatalogLoad {
    Catalog catalog;
    std::vector<PackReport> packs;        // in load order
    std::vector<Problem> folderProblems;  // plugin folders that could not be read, the cache
};

struct LoadOptions {
    PluginSettings settings;  // enabled/disabled plugins, native time limit
    NativeRunOptions native;  // runner, cache; its timeout is taken from `settings`
    // Where validated packs are cached (PackCache); empty: every pack is read from its
    // files. `native.rerun` (plugins reload) reads them from their files too.
    std::filesystem::path packCacheDir;
    // Plugin folders that are not loaded, each with why (reported as Disabled with that
    // reason): on a clinic server, the clinic pack folder this computer uses on its own.
    std::vector<std::pair<std::filesystem::path, std::string>> setAside;
};

// Loads the plugins of `dirs` in order: within a folder, its sub-folders by name. A
// plugin id already loaded makes the later plugin fail.
CatalogLoad loadCatalog(const std::vector<PluginDir>& dirs, const LoadOptions& options = {});

} // namespace sp
