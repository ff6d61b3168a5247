// Reading the files of a pack safely: size caps, and paths that cannot leave the pack
// folder by "..", an absolute path or a symbolic link.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sp {

// Caps documented in plugins/README.md.
inline constexpr std::uintmax_t kMaxManifestBytes = 256 * 1024;
inline constexpr std::uintmax_t kMaxExerciseFileBytes = 1024 * 1024;
inline constexpr std::uintmax_t kMaxMediaBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxExercisesPerPack = 5000;

// A file's contents, or the reason it could not be had.
struct FileRead {
    std::optional<std::string> text;
    std::string error;
};

// Reads a regular file of at most `maxBytes` that really lies inside `packDir`.
FileRead readPackFile(const std::filesystem::path& packDir, const std::filesystem::path& file,
                      std::uintmax_t maxBytes);

// Where `relative` (as written in a pack file) points inside `packDir`, or the reason it
// is not allowed: absolute, "..", backslashes, a link leading out, missing, not a file.
struct PackPath {
    std::filesystem::path path;
    std::string error;
};
PackPath resolvePackPath(const std::filesystem::path& packDir, std::string_view relative);

// Checks that a media file is a PNG or JPEG of at most kMaxMediaBytes whose content
// matches its extension. Returns the problem, or an empty string.
std::string checkImageFile(const std::filesystem::path& file);

} // namespace sp
