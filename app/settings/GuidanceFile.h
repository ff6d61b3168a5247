// The guidance thresholds file (guidance.json), read and written the same way by every
// front end: the command line's --guidance-settings and the desktop app's preferences.
#pragma once

#include "core/Guidance.h"

#include <filesystem>

namespace sp {

// userConfigDir()/guidance.json; empty when there is no config folder.
std::filesystem::path defaultGuidanceSettingsPath();

// The defaults, changed by each key `file` holds. Throws SettingsError starting
// "guidance settings not usable:" with one line per problem (file, pointer, message).
GuidanceThresholds loadGuidanceThresholds(const std::filesystem::path& file);

// The default file's thresholds when it exists, else the defaults; throws as above.
GuidanceThresholds loadDefaultGuidanceThresholds();

// Every key written, atomically and owner-only; throws SettingsError.
void saveGuidanceThresholds(const std::filesystem::path& file, const GuidanceThresholds& thresholds);

} // namespace sp
