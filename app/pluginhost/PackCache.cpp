#include "pluginhost/PackCache.h"

#include "pluginhost/PackCacheCodec.h"
#include "settings/XdgDirs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sp {
namespace {

// Raised whenever the layout or the model's fields change (PackCacheCodec.cpp checks the
// model's size for a field added without it); the pack format is part of it.
constexpr std::uint32_t kPackCacheFormat = 2 * 1000 + kPackApi;
constexpr std::string_view kMagic = "SPPACKC\n";
// Far above the largest pack the loader accepts (5,000 exercises of at most 1 MB each
// would not be read either); a bigger file is not ours.
constexpr std::uintmax_t kMaxCacheFileBytes = 512u * 1024 * 1024;

// A check sum of the cache file, eight bytes at a time (a byte-wise FNV-1a over 50 MB of
// cached packs took a tenth of the warm load): a damaged file is read again from the packs.
std::uint64_t checksum(std::string_view bytes)
{
    std::uint64_t h = 1469598103934665603ull;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, 8);
        h = (h ^ word) * 1099511628211ull;
        h ^= h >> 29;
    }
    for (; i < bytes.size(); ++i)
        h = (h ^ static_cast<std::uint8_t>(bytes[i])) * 1099511628211ull;
    return h;
}

// What identifies one version of a file. `present` false: the file did not exist.
struct Stamp {
    std::string relative;
    bool present = false;
    std::uint64_t dev = 0, ino = 0, size = 0;
    std::int64_t mtimeNs = 0, ctimeNs = 0;
    bool operator==(const Stamp&) const = default;
};

std::int64_t ns(const timespec& t)
{
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

Stamp stampOf(const fs::path& folder, const std::string& relative)
{
    Stamp s;
    s.relative = relative;
    struct stat st{};
    if (::stat((folder / relative).c_str(), &st) != 0)
        return s; // missing, or unreadable: either way not what a cached pack had
    s.present = true;
    s.dev = static_cast<std::uint64_t>(st.st_dev);
    s.ino = static_cast<std::uint64_t>(st.st_ino);
    s.size = static_cast<std::uint64_t>(st.st_size);
    s.mtimeNs = ns(st.st_mtim);
    s.ctimeNs = ns(st.st_ctim);
    return s;
}

// The names in exercises/, sorted; nullopt when it cannot be listed.
std::optional<std::vector<std::string>> listExercises(const fs::path& folder)
{
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(folder / "exercises", ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    if (ec)
        return std::nullopt;
    std::sort(names.begin(), names.end());
    return names;
}

// Every file a load of `pack` read, as paths relative to its folder.
std::vector<std::string> filesOf(const LoadedPack& pack, const std::vector<std::string>& exerciseNames)
{
    std::vector<std::string> files{"manifest.json", "guidance.json"};
    for (const std::string& name : exerciseNames)
        files.push_back("exercises/" + name);
    for (const Exercise& e : pack.exercises)
        for (const ImageRef& image : e.media.images)
            files.push_back(image.file);
    return files;
}

// A cache file mapped read-only: no copy of tens of megabytes through a buffer that is
// freed at once. Empty when the file cannot be had.
class MappedFile {
public:
    explicit MappedFile(const fs::path& file)
    {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return;
        struct stat st{};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
            static_cast<std::uintmax_t>(st.st_size) <= kMaxCacheFileBytes) {
            void* data = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (data != MAP_FAILED) {
                m_data = static_cast<const char*>(data);
                m_size = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
    }
    ~MappedFile()
    {
        if (m_data)
            ::munmap(const_cast<char*>(m_data), m_size);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view bytes() const { return {m_data, m_size}; }

private:
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

// Writes `bytes` to a temporary file beside `file` and renames it over `file`, so that a
// reader (another StretchPlan starting) sees the old file or the new one, never half.
bool replaceFile(const fs::path& file, const std::string& bytes)
{
    std::string temp = file.string() + ".XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = ::close(fd) == 0 && done == bytes.size() && std::rename(temp.c_str(), file.c_str()) == 0;
    if (!ok)
        ::unlink(temp.c_str());
    return ok;
}

} // namespace

fs::path defaultPackCacheDir()
{
    const fs::path dir = userCacheDir();
    return dir.empty() ? fs::path() : dir / "packs";
}

namespace {

// One key however the folder was named (relative or absolute, with "." or "..").
std::string keyOf(const fs::path& folder)
{
    std::error_code ec;
    const fs::path absolute = fs::absolute(folder, ec);
    return (ec ? folder : absolute).lexically_normal().string();
}

} // namespace

fs::path PackCache::fileFor(const fs::path& folder) const
{
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.pack", static_cast<unsigned long long>(checksum(keyOf(folder))));
    return m_dir / name;
}

std::optional<CachedPack> PackCache::find(const fs::path& folder) const
{
    if (m_dir.empty())
        return std::nullopt;
    const MappedFile file(fileFor(folder));
    const std::string_view bytes = file.bytes();
    if (bytes.size() < kMagic.size() + 12 || bytes.substr(0, kMagic.size()) != kMagic)
        return std::nullopt;
    try {
        ByteReader header(bytes.substr(kMagic.size(), 12));
        if (header.u32() != kPackCacheFormat)
            return std::nullopt;
        const std::string_view payload = bytes.substr(kMagic.size() + 12);
        if (header.u64() != checksum(payload))
            return std::nullopt;
        ByteReader in(payload);
        if (in.str() != keyOf(folder))
            return std::nullopt; // another folder whose name hashed alike
        const auto listed = listExercises(folder);
        if (!listed || in.strings() != *listed)
            return std::nullopt;
        const std::size_t stamps = in.count(45);
        for (std::size_t i = 0; i < stamps; ++i) {
            Stamp s;
            s.relative = in.str();
            s.present = in.u8() != 0;
            s.dev = in.u64();
            s.ino = in.u64();
            s.size = in.u64();
            s.mtimeNs = in.i64();
            s.ctimeNs = in.i64();
            if (stampOf(folder, s.relative) != s)
                return std::nullopt;
        }
        PackContent content = readPackContent(in);
        SearchIndex index = readSearchIndex(in);
        if (!in.atEnd() || index.size() != content.exercises.size())
            return std::nullopt;
        CachedPack cached{{}, std::move(index)};
        LoadedPack& pack = cached.pack;
        pack.folder = folder;
        pack.declaredId = content.manifest.id;
        pack.manifest = std::move(content.manifest);
        pack.exercises = std::move(content.exercises);
        pack.exerciseFiles = std::move(content.exerciseFiles);
        pack.guidance = std::move(content.guidance);
        return cached;
    } catch (const PackCacheCorrupt&) {
        return std::nullopt; // rebuilt from the pack's own files
    }
}

std::string PackCache::store(const LoadedPack& pack, const SearchIndex& index,
                             std::chrono::system_clock::time_point loadStarted) const
{
    if (m_dir.empty() || !pack.ok() || index.size() != pack.exercises.size())
        return {};
    const auto listed = listExercises(pack.folder);
    if (!listed)
        return {};
    // A file modified this close to the load may have changed while it was read; two
    // seconds cover the coarsest time stamps of the file systems a pack may sit on.
    const std::int64_t racy =
        std::chrono::duration_cast<std::chrono::nanoseconds>(loadStarted.time_since_epoch()).count() - 2'000'000'000;
    std::vector<Stamp> stamps;
    for (const std::string& relative : filesOf(pack, *listed)) {
        stamps.push_back(stampOf(pack.folder, relative));
        if (stamps.back().present && stamps.back().mtimeNs >= racy)
            return {};
    }
    ByteWriter out;
    out.str(keyOf(pack.folder));
    out.strings(*listed);
    out.u32(static_cast<std::uint32_t>(stamps.size()));
    for (const Stamp& s : stamps) {
        out.str(s.relative);
        out.u8(s.present ? 1 : 0);
        out.u64(s.dev);
        out.u64(s.ino);
        out.u64(s.size);
        out.i64(s.mtimeNs);
        out.i64(s.ctimeNs);
    }
    writePackContent(out, {*pack.manifest, pack.exercises, pack.exerciseFiles, pack.guidance});
    writeSearchIndex(out, index);

    ByteWriter header;
    header.u32(kPackCacheFormat);
    header.u64(checksum(out.bytes()));
    std::string bytes(kMagic);
    bytes += header.bytes();
    bytes += out.bytes();

    const fs::path file = fileFor(pack.folder);
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (!ec && replaceFile(file, bytes))
        return {};
    const std::string reason = ec ? ec.message() : std::strerror(errno);
    return file.string() + ": cannot write the pack cache (" + reason + "); the pack is read from its files again next time";
}

} // namespace sp
