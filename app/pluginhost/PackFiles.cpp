#include "pluginhost/PackFiles.h"

#include "core/ExerciseJson.h"

#include "pluginhost/ImageHeader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <system_error>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sp {
namespace {

std::string sizeText(std::uintmax_t bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0)
        return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// True when `path`, with every link followed, is `dir` or below it.
bool staysInside(const fs::path& dir, const fs::path& path)
{
    return PackRoot(dir).contains(path);
}

bool isBelow(const fs::path& realDir, const fs::path& real)
{
    const fs::path rel = real.lexically_relative(realDir);
    return !rel.empty() && *rel.begin() != "..";
}

std::string lowerExtension(const fs::path& file)
{
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

} // namespace

PackRoot::PackRoot(fs::path dir) : m_dir(std::move(dir))
{
    std::error_code ec;
    m_real = fs::canonical(m_dir, ec);
    if (ec)
        m_real.clear();
}

bool PackRoot::contains(const fs::path& path) const
{
    if (m_real.empty())
        return false;
    std::error_code ec;
    const fs::file_status own = fs::symlink_status(path, ec);
    const fs::path parent = path.parent_path();
    if (ec || fs::is_symlink(own) || !path.has_filename() || path.filename() == "." || path.filename() == ".." ||
        parent.empty()) {
        // A link (or an odd name): follow it all the way, as weakly_canonical does.
        const fs::path real = fs::weakly_canonical(path, ec);
        return !ec && isBelow(m_real, real);
    }
    // Not a link itself: it lies where its folder really is, and folders repeat.
    auto it = m_realFolders.find(parent);
    if (it == m_realFolders.end()) {
        fs::path realParent = fs::weakly_canonical(parent, ec);
        if (ec)
            return false;
        it = m_realFolders.emplace(parent, std::move(realParent)).first;
    }
    return isBelow(m_real, it->second / path.filename());
}

FileRead readPackFile(const fs::path& packDir, const fs::path& file, std::uintmax_t maxBytes)
{
    return readPackFile(PackRoot(packDir), file, maxBytes);
}

FileRead readPackFile(const PackRoot& root, const fs::path& file, std::uintmax_t maxBytes)
{
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec)))
        return {std::nullopt, "does not exist"};
    if (!root.contains(file))
        return {std::nullopt, "is a link that leads outside the pack folder"};
    // One open, and the checks on what was opened: a catalog reads thousands of files, and
    // asking the file system about each by name (type, size, then open) cost a third of it.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) // a dangling link, as before; otherwise unreadable
        return {std::nullopt, errno == ENOENT || errno == ENOTDIR ? "is not a regular file" : "cannot be read"};
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return {std::nullopt, "cannot be read"};
    if (!S_ISREG(st.st_mode))
        return {std::nullopt, "is not a regular file"};
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > maxBytes)
        return {std::nullopt, "is too large (" + std::to_string(size) + " bytes, at most " + sizeText(maxBytes) + ")"};
    std::string text(size, '\0');
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, text.data() + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return {std::nullopt, "cannot be read"};
        got += static_cast<std::size_t>(n);
    }
    return {std::move(text), {}};
}

PackPath resolvePackPath(const fs::path& packDir, std::string_view relative)
{
    // The same rule as a plan file's snapshot (core's packPathProblem), then the checks
    // only a folder on disk allows.
    if (std::string problem = packPathProblem(relative); !problem.empty())
        return {{}, std::move(problem)};
    const fs::path full = packDir / fs::path(relative);
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(full, ec)))
        return {{}, "does not exist in the pack"};
    if (!staysInside(packDir, full))
        return {{}, "is a link that leads outside the pack folder"};
    if (!fs::exists(full, ec))
        return {{}, "is a link to a file that does not exist"};
    if (!fs::is_regular_file(full, ec))
        return {{}, "is not a regular file"};
    return {full, {}};
}

std::string checkImageFile(const fs::path& file)
{
    const std::string ext = lowerExtension(file);
    const bool png = ext == ".png";
    const bool jpeg = ext == ".jpg" || ext == ".jpeg";
    if (!png && !jpeg)
        return "is not a PNG or JPEG file (.png, .jpg, .jpeg)";
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec)
        return "cannot be read: " + ec.message();
    if (size > kMaxMediaBytes)
        return "is too large (" + std::to_string(size) + " bytes, at most " + sizeText(kMaxMediaBytes) + ")";
    std::array<unsigned char, 8> head{};
    std::ifstream in(file, std::ios::binary);
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    static constexpr std::array<unsigned char, 8> kPng{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (png && (got < 8 || head != kPng))
        return "is not a valid PNG image (its content does not start like one)";
    if (jpeg && (got < 3 || head[0] != 0xFF || head[1] != 0xD8 || head[2] != 0xFF))
        return "is not a valid JPEG image (its content does not start like one)";
    in.clear();
    in.seekg(0);
    std::string error;
    const auto pixels = png ? readPngSize(in, error) : readJpegSize(in, error);
    if (!pixels)
        return std::string(png ? "is not a valid PNG image (" : "is not a valid JPEG image (") + error + ")";
    if (pixels->width > kMaxImageSide || pixels->height > kMaxImageSide)
        return "is " + std::to_string(pixels->width) + " x " + std::to_string(pixels->height) + " pixels, larger than the " +
               std::to_string(kMaxImageSide) + " x " + std::to_string(kMaxImageSide) + " allowed";
    return {};
}

} // namespace sp
