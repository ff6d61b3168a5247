// What a clinician trusts when enabling a native plugin: every file in the plugin's folder,
// not just its named library, since the library may load others from beside it ($ORIGIN)
// or read data there. One SHA-256 stands for all of them.
#pragma once

#include <filesystem>
#include <string>

namespace sp {

inline constexpr std::size_t kMaxNativePluginFiles = 1000;

// The SHA-256 of the lines "<SHA-256 of the file>  <path relative to folder>\n" for every
// file below `folder` (links to files followed), sorted by path: what
//   find -L . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum
// prints in that folder. Throws std::runtime_error naming the file when one cannot be
// read, is a link to a folder or anything but a file, or there are more than
// kMaxNativePluginFiles.
std::string folderContentsSha256(const std::filesystem::path& folder);

} // namespace sp
