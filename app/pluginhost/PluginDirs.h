// Where packs are looked for, in order: built-in, system, user, then the command line's.
// On a clinic server the workstation's copy of the clinic's own pack comes before the
// user folder (origin Server; the app adds it, see editor/ServerClinicPack.h).
#pragma once

#include "core/Enums.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sp {

enum class PluginOrigin { BuiltIn = 1, System, User, CommandLine, Server };

template <> struct EnumNames<PluginOrigin> {
    static constexpr std::array<std::pair<PluginOrigin, std::string_view>, 5> values{{
        {PluginOrigin::BuiltIn, "built-in"},
        {PluginOrigin::System, "system"},
        {PluginOrigin::User, "user"},
        {PluginOrigin::CommandLine, "command line"},
        {PluginOrigin::Server, "clinic server"},
    }};
};

// A data pack (a folder with manifest.json) or a native plugin (a folder NAME holding
// the shared library NAME.so).
enum class PluginKind { Pack = 1, Native };

template <> struct EnumNames<PluginKind> {
    static constexpr std::array<std::pair<PluginKind, std::string_view>, 2> values{{
        {PluginKind::Pack, "pack"},
        {PluginKind::Native, "native"},
    }};
};

struct PluginDir {
    std::filesystem::path path;
    PluginOrigin origin;
};

struct PluginDirOptions {
    bool builtIn = true;                          // false for --no-builtin
    std::vector<std::filesystem::path> extraDirs; // --plugins-dir, in the order given
};

// Where the data shipped with StretchPlan lives: <prefix>/share/stretchplan beside an
// installed binary, else the source tree for a build-tree run. It holds plugins/ and
// templates/.
std::filesystem::path builtInDataDir();

// The built-in packs: builtInDataDir()/plugins.
std::filesystem::path builtInPluginDir();

// The native plugins shipped with StretchPlan: <prefix>/<libdir>/stretchplan/plugins, which
// for a build-tree run is the same place under the build folder.
std::filesystem::path builtInNativePluginDir();

// All folders to search, in order, without duplicates. The environment decides the
// system (XDG_DATA_DIRS) and user (XDG_DATA_HOME, HOME) folders.
std::vector<PluginDir> pluginDirs(const PluginDirOptions& options);

} // namespace sp
