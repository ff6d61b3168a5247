// Reading the files of a pack safely: size caps, and paths that cannot leave the pack
// folder by "..", an absolute path or a symbolic link.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace sp {

// Caps documented in plugins/README.md.
inline constexpr std::uintmax_t kMaxManifestBytes = 256 * 1024;
inline constexpr std::uintmax_t kMaxExerciseFileBytes = 1024 * 1024;
inline constexpr std::uintmax_t kMaxMediaBytes = 16 * 1024 * 1024;
inline constexpr std::uint32_t kMaxImageSide = 4096; // pixels, as the handout's image decoder allows
inline constexpr std::size_t kMaxExercisesPerPack = 5000;

// A file's contents, or the reason it could not be had.
struct FileRead {
    std::optional<std::string> text;
    std::string error;
};

// A pack folder whose real path (every link followed) is resolved once, with the real
// paths of its sub-folders as they are asked for: checking that each of thousands of
// files stays inside the pack must not resolve the whole path again for every file.
// Keep one only while loading one pack: it does not notice folders that change later.
class PackRoot {
public:
    explicit PackRoot(std::filesystem::path dir);
    const std::filesystem::path& dir() const { return m_dir; }
    // True when `path`, with every link followed, is the folder or below it.
    bool contains(const std::filesystem::path& path) const;

private:
    std::filesystem::path m_dir;
    std::filesystem::path m_real; // empty when the folder cannot be resolved
    mutable std::map<std::filesystem::path, std::filesystem::path> m_realFolders;
};

// Reads a regular file of at most `maxBytes` that really lies inside `packDir`.
FileRead readPackFile(const std::filesystem::path& packDir, const std::filesystem::path& file,
                      std::uintmax_t maxBytes);
FileRead readPackFile(const PackRoot& root, const std::filesystem::path& file, std::uintmax_t maxBytes);

// Where `relative` (as written in a pack file) points inside `packDir`, or the reason it
// is not allowed: absolute, "..", backslashes, a link leading out, missing, not a file.
struct PackPath {
    std::filesystem::path path;
    std::string error;
};
PackPath resolvePackPath(const std::filesystem::path& packDir, std::string_view relative);

// Checks that a media file is a PNG or JPEG of at most kMaxMediaBytes whose content
// matches its extension, and whose header says it is at most kMaxImageSide pixels wide
// and high (the pixels are not decoded). Returns the problem, or an empty string.
std::string checkImageFile(const std::filesystem::path& file);

} // namespace sp
