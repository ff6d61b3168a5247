// Loading one native plugin: run it in the plugin runner (or take its last result from
// the cache), read the runner's report as untrusted input, and validate what it
// registered exactly as a data pack's exercises are validated.
#pragma once

#include "pluginhost/PackLoader.h"
#include "pluginhost/PluginCache.h"
#include "pluginhost/PluginSettings.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace sp {

struct NativeRunOptions {
    std::filesystem::path runner;    // empty: defaultPluginRunner()
    std::filesystem::path cacheFile; // empty: nothing is cached
    std::chrono::milliseconds timeout = kDefaultPluginTimeout;
    bool rerun = false;              // ignore (and replace) cached results: plugins reload
};

// $SP_PLUGIN_RUNNER, else stretchplan-plugin-runner beside the executable (build tree),
// else <prefix>/libexec/stretchplan/stretchplan-plugin-runner (installed).
std::filesystem::path defaultPluginRunner();

// userCacheDir()/native-plugins.json, or empty without a home folder.
std::filesystem::path defaultPluginCacheFile();

// The library of a native plugin folder: <folder>/<folder name>.so.
std::filesystem::path nativeLibraryOf(const std::filesystem::path& folder);

struct NativeLoad {
    LoadedPack pack;           // manifest made from the plugin's info; problems as for a pack
    LibraryIdentity identity;  // of the library (sha256 empty when unreadable)
    bool fromCache = false;
    std::string abi;           // "1.0" as the plugin declared it, when known
    std::vector<std::string> log; // "info: registered 2 exercises", ...
};

// The library's identity with its folder's digest, or a problem naming what cannot be read.
std::optional<LibraryIdentity> identifyNative(const std::filesystem::path& folder, const std::string& display,
                                              std::vector<Problem>& problems);

// Runs (or recalls) the plugin in `folder` and validates its report.
NativeLoad loadNativePlugin(const std::filesystem::path& folder, const std::string& display,
                            const LibraryIdentity& identity, PluginCache& cache, const NativeRunOptions& options);

} // namespace sp
