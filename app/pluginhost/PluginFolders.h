// Finding the plugins in the plugin folders, without loading or running any: what each
// sub-folder is (a pack or a native plugin) and the id it claims. Loading the catalog
// starts here; so do the commands that must not run plugin code (enable, disable) and the
// import's check for an id already installed.
#pragma once

#include "core/JsonText.h"
#include "core/Problem.h"
#include "pluginhost/PluginDirs.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sp {

struct FoundPlugin {
    std::filesystem::path folder;
    PluginKind kind;
};

// The plugin folders in `dir`, sorted: a folder with manifest.json is a pack, a folder
// NAME with NAME.so a native plugin. A folder with some other library is reported.
std::vector<FoundPlugin> pluginFolders(const PluginDir& dir, std::vector<Problem>& problems);

// The manifest's id when it is a valid id, even if the rest of the manifest is not.
std::string declaredIdOf(const Json& manifest);

struct ClaimedId {
    FoundPlugin plugin;
    PluginOrigin origin;
    std::string id; // a pack's manifest id (empty when unreadable), a native plugin's folder name
};

// Every plugin of `dirs`, in load order, with the id it claims.
std::vector<ClaimedId> claimedIds(const std::vector<PluginDir>& dirs);

} // namespace sp
