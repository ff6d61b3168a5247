// The per-user folders StretchPlan uses, by the XDG base-directory rules: an absolute
// $XDG_*_HOME wins, else the usual folder under $HOME. Each ends in ".../stretchplan".
// Empty when neither variable gives a usable folder.
#pragma once

#include <filesystem>
#include <string>

namespace sp {

std::filesystem::path userConfigDir(); // $XDG_CONFIG_HOME/stretchplan, ~/.config/stretchplan
std::filesystem::path userDataDir();   // $XDG_DATA_HOME/stretchplan, ~/.local/share/stretchplan
std::filesystem::path userCacheDir();  // $XDG_CACHE_HOME/stretchplan, ~/.cache/stretchplan

// The clinic database every front end opens when none is named: userDataDir()/clinic.db.
// Empty when there is no data folder.
std::filesystem::path defaultDatabasePath();

// Creates the folder of the default database, readable by its owner only: it holds
// patient data. Returns false when it cannot be created.
bool createPrivateDataDir(const std::filesystem::path& folder);

// Who is working when nobody said: the login name, else $USER, else "unknown". It goes
// into the audit log and onto each plan revision.
std::string loginName();

// The full name this computer account was given (the first field of its GECOS entry,
// "Sam Lee,,," → "Sam Lee"), or "" when it has none.
std::string accountFullName();

} // namespace sp
