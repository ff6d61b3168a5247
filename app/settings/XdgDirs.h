// The per-user folders StretchPlan uses, by the XDG base-directory rules: an absolute
// $XDG_*_HOME wins, else the usual folder under $HOME. Each ends in ".../stretchplan".
// Empty when neither variable gives a usable folder.
#pragma once

#include <filesystem>

namespace sp {

std::filesystem::path userConfigDir(); // $XDG_CONFIG_HOME/stretchplan, ~/.config/stretchplan
std::filesystem::path userDataDir();   // $XDG_DATA_HOME/stretchplan, ~/.local/share/stretchplan
std::filesystem::path userCacheDir();  // $XDG_CACHE_HOME/stretchplan, ~/.cache/stretchplan

} // namespace sp
