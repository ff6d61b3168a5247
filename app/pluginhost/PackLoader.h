// Loading one pack folder: its manifest, exercise files, guidance and media, each checked
// strictly. A pack with any problem is not used; its problems say what and where.
#pragma once

#include "core/Catalog.h"
#include "core/Problem.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sp {

struct LoadedPack {
    std::filesystem::path folder;
    std::optional<PackManifest> manifest; // absent when manifest.json itself is broken
    std::string declaredId;               // the manifest's id where it is valid, even if the rest is not
    std::string declaredVersion;          // the manifest's version where it is a string, likewise
    std::vector<Exercise> exercises;      // `pack` set, references qualified
    std::vector<std::string> exerciseFiles; // the file of each exercise, as problems name it
    PackGuidance guidance;
    std::vector<Problem> problems;        // empty: the pack may be used

    bool ok() const { return manifest && problems.empty(); }
};

// Loads the pack in `folder`. Problems name files as "<display>/<file>", where `display`
// is how the user knows the folder (its path relative to the plugin folder).
LoadedPack loadPack(const std::filesystem::path& folder, const std::string& display);

} // namespace sp
