// The plugin settings as stored in the settings file: reading them into load options,
// and a clinician enabling or disabling one plugin.
#pragma once

#include "pluginhost/PluginHost.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sp {

// The load options the settings file gives, with the default runner and cache. A settings
// file that cannot be used adds a warning and leaves the safe defaults (user and system
// native plugins stay off).
LoadOptions readLoadOptions(const std::filesystem::path& settingsFile, std::vector<std::string>& warnings);

// Records the clinician's choice. Enabling a native plugin records its library's SHA-256,
// so that a changed library is off again until re-enabled. Throws SettingsError when the
// settings file cannot be read or written; it is then left as it was.
void setPluginEnabled(const std::filesystem::path& settingsFile, const PackReport& plugin, bool enabled);

} // namespace sp
