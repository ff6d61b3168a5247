#include "editor/ServerClinicPack.h"

#include "db/OpenStore.h"
#include "hash/Sha256.h"
#include "pluginhost/PackLoader.h"
#include "settings/XdgDirs.h"

#include <fstream>
#include <iterator>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {
namespace {

std::string problemLines(const std::vector<Problem>& problems)
{
    std::string lines;
    for (const Problem& p : problems)
        lines += "\n" + p.format();
    return lines;
}

void requireLoads(const fs::path& folder, const std::string& what)
{
    const LoadedPack pack = loadPack(folder, folder.filename().string());
    if (!pack.ok())
        throw PackEditError(what + problemLines(pack.problems), pack.problems);
}

std::string readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), {}};
    if (in.bad() || !in.is_open())
        throw PackEditError(file.string() + ": cannot be read");
    return bytes;
}

void writeBytes(const fs::path& file, const std::string& bytes)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (ec || !out)
        throw PackEditError(file.string() + ": cannot be written");
}

// A path as the server gave it, checked again before anything is written under it: it
// must stay inside the pack folder.
fs::path relativePath(const std::string& path)
{
    const fs::path rel(path);
    bool ok = !path.empty() && rel.is_relative() && !rel.has_root_name();
    for (const fs::path& part : rel)
        ok = ok && !part.empty() && part.string().front() != '.';
    if (!ok)
        throw PackEditError("the clinic server sent a pack file named \"" + path + "\", which is not a pack's; "
                            "nothing was changed");
    return rel;
}

} // namespace

ServerClinicPack::ServerClinicPack(db::ClinicStore& store, fs::path cacheDir)
    : m_store(store), m_cacheDir(std::move(cacheDir))
{
}

fs::path ServerClinicPack::pluginDir() const
{
    return m_cacheDir / "plugins";
}

fs::path ServerClinicPack::folder() const
{
    return pluginDir() / "clinic";
}

bool ServerClinicPack::sync()
{
    db::ClinicPackRepository& repo = m_store.clinicPack();
    const std::optional<db::ClinicPackVersion> latest = repo.latest();
    const int wanted = latest ? latest->version : 0;
    if (m_synced && wanted == m_version)
        return false;
    std::error_code ec;
    if (!latest) {
        const bool had = fs::exists(folder(), ec);
        fs::remove_all(folder(), ec);
        if (ec)
            throw PackEditError(folder().string() + ": cannot be removed: " + ec.message());
        m_version = 0;
        m_synced = true;
        return had;
    }
    // The new version is written beside the folder, then takes its place whole: the
    // catalog never reads half of one version and half of another.
    const fs::path incoming = m_cacheDir / "incoming";
    fs::remove_all(incoming, ec);
    fs::create_directories(incoming, ec);
    if (ec)
        throw PackEditError(incoming.string() + ": cannot be created: " + ec.message());
    for (const db::ClinicPackFile& file : latest->files) {
        const fs::path rel = relativePath(file.path);
        const fs::path local = folder() / rel;
        std::error_code localEc;
        const bool have = fs::is_regular_file(fs::symlink_status(local, localEc)) && [&] {
            try {
                return sha256FileHex(local) == file.sha256;
            } catch (const std::exception&) {
                return false;
            }
        }();
        std::string bytes = have ? readBytes(local) : repo.bytes(file.sha256);
        if (sha256Hex(bytes) != file.sha256)
            throw PackEditError(file.path + " of version " + std::to_string(wanted) +
                                " of the clinic pack arrived damaged (its SHA-256 differs); nothing was changed");
        writeBytes(incoming / rel, bytes);
    }
    const fs::path replaced = m_cacheDir / "replaced";
    fs::remove_all(replaced, ec);
    fs::create_directories(pluginDir(), ec);
    if (fs::exists(folder(), ec))
        fs::rename(folder(), replaced, ec);
    if (!ec)
        fs::rename(incoming, folder(), ec);
    if (ec)
        throw PackEditError(folder().string() + ": cannot be replaced by version " + std::to_string(wanted) +
                            " of the clinic pack: " + ec.message());
    fs::remove_all(replaced, ec);
    m_version = wanted;
    m_synced = true;
    return true;
}

void ServerClinicPack::publish()
{
    requireLoads(folder(), "the clinic pack would no longer load, so it was not saved on the clinic server:");
    const db::ClinicPackVersion saved = m_store.clinicPack().save(packFilesOf(folder()), m_version);
    m_version = saved.version;
    m_synced = true;
}

int ServerClinicPack::upload(const fs::path& source)
{
    sync();
    requireLoads(source, source.string() + " is not a pack that loads, so it was not stored on the clinic server:");
    const db::ClinicPackVersion saved = m_store.clinicPack().save(packFilesOf(source), m_version);
    sync();
    return saved.version;
}

ClinicPack ServerClinicPack::editable()
{
    ClinicPackHooks hooks;
    hooks.refresh = [this] { sync(); };
    hooks.publish = [this] { publish(); };
    return ClinicPack(folder(), std::move(hooks));
}

fs::path serverPackCacheDir(const std::string& location)
{
    const fs::path cache = userCacheDir();
    if (cache.empty())
        throw PackEditError("no cache folder for the clinic's exercises: neither XDG_CACHE_HOME nor HOME is set");
    return cache / "clinic-server" / sha256Hex(db::displayLocation(location)).substr(0, 16);
}

std::vector<db::ClinicPackFile> packFilesOf(const fs::path& folder)
{
    std::vector<db::ClinicPackFile> files;
    const auto add = [&](const fs::path& file) {
        const std::string rel = file.lexically_relative(folder).generic_string();
        files.push_back({rel, {}, 0, readBytes(file)});
    };
    std::error_code ec;
    for (const char* name : {"manifest.json", "guidance.json"})
        if (fs::is_regular_file(fs::symlink_status(folder / name, ec)))
            add(folder / name);
    for (const char* sub : {"exercises", "media"}) {
        if (!fs::is_directory(fs::symlink_status(folder / sub, ec)))
            continue;
        for (auto it = fs::recursive_directory_iterator(folder / sub, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            const fs::path rel = it->path().lexically_relative(folder);
            if (it->path().filename().string().front() == '.')
                throw PackEditError(rel.generic_string() + ": a pack on the clinic server holds no hidden files; "
                                                           "rename or remove it");
            if (it->is_symlink())
                throw PackEditError(rel.generic_string() + ": a pack on the clinic server holds no links; "
                                                           "replace it with the file itself");
            if (it->is_regular_file())
                add(it->path());
        }
        if (ec)
            throw PackEditError((folder / sub).string() + ": cannot be listed: " + ec.message());
    }
    return files;
}

} // namespace sp
