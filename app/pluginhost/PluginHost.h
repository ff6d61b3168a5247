// Putting the catalog together: every pack folder of every plugin folder is loaded, the
// packs that pass join the catalog, and each pack's status and problems are reported.
#pragma once

#include "core/Catalog.h"
#include "core/Problem.h"
#include "pluginhost/PluginDirs.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sp {

enum class PackStatus { Loaded = 1, Failed };

template <> struct EnumNames<PackStatus> {
    static constexpr std::array<std::pair<PackStatus, std::string_view>, 2> values{{
        {PackStatus::Loaded, "loaded"},
        {PackStatus::Failed, "failed"},
    }};
};

struct PackReport {
    std::string id;      // from the manifest; empty when it could not be read
    std::string name;
    std::string version;
    std::filesystem::path folder;
    PluginOrigin origin = PluginOrigin::BuiltIn;
    PackStatus status = PackStatus::Failed;
    std::size_t exerciseCount = 0;
    std::vector<Problem> problems;
};

struct CatalogLoad {
    Catalog catalog;
    std::vector<PackReport> packs;        // in load order
    std::vector<Problem> folderProblems;  // plugin folders that could not be read
};

// Loads the packs of `dirs` in order: within a folder, its sub-folders holding a
// manifest.json, by name. A pack id already loaded makes the later pack fail.
CatalogLoad loadCatalog(const std::vector<PluginDir>& dirs);

} // namespace sp
