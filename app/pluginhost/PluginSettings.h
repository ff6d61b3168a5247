// The "plugins" section of the settings file: which plugins a clinician enabled or
// disabled, and the native plugin time limit.
//   "plugins": {"timeout_s": 5,
//               "state": {"acme-sync": {"enabled": true, "sha256": "<of the library>",
//                                       "folder_sha256": "<of every file in its folder>"},
//                         "clinic-example": {"enabled": false}}}
// A native plugin is code, so enabling one records the SHA-256 of its library and of its
// folder's files (whatever the library may load from beside it, FolderDigest.h): a file
// that changes afterwards disables it again until a clinician re-enables it.
#pragma once

#include "core/JsonText.h"
#include "core/Problem.h"
#include "pluginhost/PluginDirs.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace sp {

struct PluginState {
    bool enabled = true;
    std::string sha256;       // native plugins: the library a clinician enabled
    std::string folderSha256; // and every file in its folder (folderContentsSha256)
    bool operator==(const PluginState&) const = default;
};

inline constexpr std::chrono::milliseconds kDefaultPluginTimeout{5000};

struct PluginSettings {
    std::chrono::milliseconds timeout = kDefaultPluginTimeout;
    std::map<std::string, PluginState> states; // by plugin id; absent: the default for its kind and origin
};

inline constexpr const char* kPluginSettingsSection = "plugins";

// Whether a plugin may be used, and if not, what the clinician can do about it.
struct EnableDecision {
    bool enabled = true;
    std::string reason; // when disabled
};

// Data packs and the native plugins shipped with StretchPlan are enabled unless a clinician
// disabled them. Any other native plugin (user or system folder, --plugins-dir) is code
// someone put there: it stays disabled until a clinician enables it, and again whenever a
// file in its folder changes (`sha256`, `folderSha256`) after that.
EnableDecision decideEnabled(const PluginSettings& settings, const std::string& id, PluginKind kind,
                             PluginOrigin origin, const std::string& sha256, const std::string& folderSha256 = {});

// Every problem goes to `sink` with its pointer; a broken entry is left out (which keeps a
// user or system native plugin disabled, the safe default).
PluginSettings parsePluginSettings(const Json& section, ProblemSink& sink);
Json toJson(const PluginSettings& settings);

} // namespace sp
