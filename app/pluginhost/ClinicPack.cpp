#include "pluginhost/ClinicPack.h"

#include "core/ExerciseJson.h"
#include "core/PackJson.h"
#include "pluginhost/PackFiles.h"
#include "pluginhost/PluginFolders.h"
#include "settings/XdgDirs.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>

#include <fcntl.h>
#include <unistd.h>

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

// Writes `text` to `file` through a temporary file in `tempDir` (the pack folder, where
// the loader ignores stray files; a crash must not leave one in exercises/) and a rename,
// synced to disk.
void writeFileAtomically(const fs::path& file, const std::string& text, const fs::path& tempDir)
{
    const fs::path temp = tempDir / ("." + file.filename().string() + ".saving");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = fd >= 0;
    std::size_t done = 0;
    while (ok && done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        ok = n > 0;
        done += ok ? static_cast<std::size_t>(n) : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    if (fd >= 0)
        ok = ::close(fd) == 0 && ok;
    if (!ok || std::rename(temp.c_str(), file.c_str()) != 0) {
        std::error_code ec;
        fs::remove(temp, ec);
        throw PackEditError(file.string() + ": cannot be written");
    }
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A file name for a photo in media/: the exercise id, a number, the image's extension.
fs::path freeMediaName(const fs::path& mediaDir, const std::string& id, const fs::path& photo)
{
    std::string ext = photo.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".jpeg")
        ext = ".jpg";
    for (int n = 1;; ++n) {
        const fs::path name = id + "-" + std::to_string(n) + ext;
        if (!fs::exists(mediaDir / name))
            return name;
    }
}

void requireLoads(const fs::path& folder, const std::string& what)
{
    const LoadedPack pack = loadPack(folder, folder.filename().string());
    if (!pack.ok())
        throw PackEditError(what + problemLines(pack.problems), pack.problems);
}

// A pack may not take the id of one already installed (built-in, system, user, or in
// `pluginDir`), whatever its folder is called: the copy would fail, or worse, displace it.
void refuseInstalledId(const fs::path& source, const fs::path& pluginDir)
{
    const std::string id = loadPack(source, source.filename().string()).manifest->id;
    std::vector<PluginDir> installed = pluginDirs({});
    installed.push_back({pluginDir, PluginOrigin::User});
    for (const ClaimedId& claim : claimedIds(installed))
        if (claim.id == id)
            throw PackEditError(source.string() + " has the id \"" + id + "\" of the " +
                                (claim.plugin.kind == PluginKind::Pack ? "pack" : "native plugin") +
                                " already installed in " + claim.plugin.folder.string() +
                                "; change the id in its manifest.json to import it beside that one");
}

void copyPackFolder(const fs::path& from, const fs::path& to)
{
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    // Links are not followed: a pack may not hold one that leads out, and a copy must not
    // turn one into a file from elsewhere.
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
    if (ec) {
        fs::remove_all(to, ec);
        throw PackEditError("cannot copy " + from.string() + " to " + to.string() + ": " + ec.message());
    }
}

} // namespace

PackEditError::PackEditError(const std::string& message, std::vector<Problem> problems)
    : std::runtime_error(message), m_problems(std::move(problems))
{
}

fs::path userPluginDir()
{
    const fs::path data = userDataDir();
    if (data.empty())
        throw PackEditError("no user plugin folder: neither XDG_DATA_HOME nor HOME is set");
    return data / "plugins";
}

fs::path ClinicPack::defaultFolder()
{
    return userPluginDir() / "clinic";
}

bool ClinicPack::exists() const
{
    std::error_code ec;
    return fs::exists(m_folder / "manifest.json", ec);
}

void ClinicPack::refresh()
{
    if (m_hooks.refresh)
        m_hooks.refresh();
}

void ClinicPack::create(const PackManifest& manifest)
{
    if (exists())
        throw PackEditError(m_folder.string() + " already holds a pack");
    std::vector<Problem> problems;
    ProblemSink sink("manifest.json", problems);
    const Json doc = toJson(manifest);
    if (!parseManifest(doc, sink))
        throw PackEditError("the pack details are not valid:" + problemLines(problems), problems);
    std::error_code ec;
    fs::create_directories(m_folder / "exercises", ec);
    fs::create_directories(m_folder / "media", ec);
    if (ec)
        throw PackEditError(m_folder.string() + ": cannot be created: " + ec.message());
    writeFileAtomically(m_folder / "manifest.json", doc.dump(2) + "\n", m_folder);
}

Exercise ClinicPack::saveExercise(Exercise exercise, const std::vector<Photo>& photos)
{
    refresh();
    if (!exists())
        throw PackEditError(m_folder.string() + " holds no pack; create it first");
    // Check the exercise on its own first, so that its problems name its fields.
    std::vector<Problem> problems;
    ProblemSink sink("exercises/" + exercise.id + ".json", problems);
    if (!parseExercise(toJson(exercise), sink))
        throw PackEditError("the exercise is not valid:" + problemLines(problems), problems);

    std::vector<fs::path> copied;
    const auto undoCopies = [&] {
        std::error_code ec;
        for (const fs::path& f : copied)
            fs::remove(f, ec);
    };
    for (const Photo& photo : photos) {
        if (const std::string problem = checkImageFile(photo.file); !problem.empty()) {
            undoCopies();
            throw PackEditError(photo.file.string() + ": " + problem);
        }
        const fs::path name = freeMediaName(m_folder / "media", exercise.id, photo.file);
        std::error_code ec;
        fs::create_directories(m_folder / "media", ec);
        fs::copy_file(photo.file, m_folder / "media" / name, ec);
        if (ec) {
            undoCopies();
            throw PackEditError(photo.file.string() + ": cannot be copied into the pack: " + ec.message());
        }
        copied.push_back(m_folder / "media" / name);
        exercise.media.images.push_back({("media" / name).generic_string(), photo.caption});
    }

    const fs::path file = m_folder / "exercises" / (exercise.id + ".json");
    const bool existed = fs::exists(file);
    const std::string before = existed ? readText(file) : std::string();
    writeFileAtomically(file, toJson(exercise).dump(2) + "\n", m_folder);
    try {
        requireLoads(m_folder, "the pack would no longer load with this exercise, so it was not saved:");
        if (m_hooks.publish)
            m_hooks.publish();
    } catch (...) {
        std::error_code ec;
        if (existed)
            writeFileAtomically(file, before, m_folder);
        else
            fs::remove(file, ec);
        undoCopies();
        throw;
    }
    exercise.pack = load().manifest->id;
    return exercise;
}

void ClinicPack::removeExercise(const std::string& id)
{
    refresh();
    const fs::path file = m_folder / "exercises" / (id + ".json");
    if (!fs::exists(file))
        throw PackEditError("no exercise \"" + id + "\" in " + m_folder.string());
    const std::string before = readText(file);
    std::error_code ec;
    fs::remove(file, ec);
    try {
        requireLoads(m_folder, "\"" + id + "\" cannot be removed:");
        if (m_hooks.publish)
            m_hooks.publish();
    } catch (...) {
        writeFileAtomically(file, before, m_folder);
        throw;
    }
}

LoadedPack ClinicPack::load() const
{
    return loadPack(m_folder, m_folder.filename().string());
}

fs::path importPack(const fs::path& source, const fs::path& pluginDir)
{
    requireLoads(source, source.string() + " is not a pack that loads, so it was not imported:");
    refuseInstalledId(source, pluginDir);
    const fs::path target = pluginDir / source.filename();
    if (fs::exists(target))
        throw PackEditError(target.string() + " already exists; remove or rename it first");
    std::error_code ec;
    fs::create_directories(pluginDir, ec);
    copyPackFolder(source, target);
    return target;
}

void exportPack(const fs::path& pack, const fs::path& target)
{
    if (fs::exists(target))
        throw PackEditError(target.string() + " already exists; choose a new folder");
    requireLoads(pack, pack.string() + " does not load, so it was not exported:");
    copyPackFolder(pack, target);
    try {
        requireLoads(target, "the exported copy in " + target.string() + " does not load:");
    } catch (const PackEditError&) {
        std::error_code ec;
        fs::remove_all(target, ec);
        throw;
    }
}

} // namespace sp
