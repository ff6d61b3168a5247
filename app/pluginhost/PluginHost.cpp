#include "pluginhost/PluginHost.h"

#include "pluginhost/PackLoader.h"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {
namespace {

struct Candidate {
    LoadedPack pack;
    PackReport report;
};

std::vector<fs::path> packFolders(const PluginDir& dir, std::vector<Problem>& problems)
{
    std::vector<fs::path> folders;
    std::error_code ec;
    if (!fs::exists(dir.path, ec)) {
        // Only a folder the user named must exist; the standard ones are optional.
        if (dir.origin == PluginOrigin::CommandLine || dir.origin == PluginOrigin::BuiltIn)
            problems.push_back({dir.path.string(), "", "plugin folder not found"});
        return folders;
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(dir.path, ec))
        if (entry.is_directory(ec) && fs::exists(entry.path() / "manifest.json", ec))
            folders.push_back(entry.path());
    if (ec)
        problems.push_back({dir.path.string(), "", "cannot be listed: " + ec.message()});
    std::sort(folders.begin(), folders.end());
    return folders;
}

void fail(Candidate& c, Problem problem)
{
    c.pack.problems.push_back(std::move(problem));
}

// A reference into another pack must name an exercise of a pack that loaded. Dropping a
// pack can break references to it, so repeat until nothing changes.
void checkCrossPackReferences(std::vector<Candidate>& candidates)
{
    for (bool changed = true; changed;) {
        changed = false;
        std::set<std::string> available;
        for (const Candidate& c : candidates)
            if (c.pack.ok())
                for (const Exercise& ex : c.pack.exercises)
                    available.insert(ex.qualifiedId());
        for (Candidate& c : candidates) {
            if (!c.pack.ok())
                continue;
            for (std::size_t i = 0; i < c.pack.exercises.size(); ++i) {
                const Exercise& ex = c.pack.exercises[i];
                for (const auto& [key, list] : {std::pair{"/progressions/", &ex.progressions},
                                                std::pair{"/regressions/", &ex.regressions}}) {
                    for (std::size_t r = 0; r < list->size(); ++r) {
                        if (available.contains((*list)[r]))
                            continue;
                        fail(c, {c.pack.exerciseFiles[i], key + std::to_string(r),
                                 "\"" + (*list)[r] + "\" is not in any loaded pack"});
                        changed = true;
                    }
                }
            }
        }
    }
}

} // namespace

CatalogLoad loadCatalog(const std::vector<PluginDir>& dirs)
{
    CatalogLoad result;
    std::vector<Candidate> candidates;
    std::map<std::string, fs::path> folderOfId;
    for (const PluginDir& dir : dirs) {
        for (const fs::path& folder : packFolders(dir, result.folderProblems)) {
            const std::string display = folder.filename().string();
            Candidate c{loadPack(folder, display), {}};
            c.report.folder = folder;
            c.report.origin = dir.origin;
            c.report.id = c.pack.declaredId;
            if (c.pack.manifest) {
                c.report.name = c.pack.manifest->name;
                c.report.version = c.pack.manifest->version;
                if (c.pack.ok()) {
                    auto [it, fresh] = folderOfId.emplace(c.report.id, folder);
                    if (!fresh)
                        fail(c, {display + "/manifest.json", "/id",
                                 "pack id \"" + c.report.id + "\" is already loaded from " + it->second.string()});
                }
            }
            candidates.push_back(std::move(c));
        }
    }
    checkCrossPackReferences(candidates);

    for (Candidate& c : candidates) {
        if (c.pack.ok()) {
            c.report.exerciseCount = c.pack.exercises.size();
            c.report.status = PackStatus::Loaded;
            result.catalog.addPack({*c.pack.manifest, c.pack.folder.string(), std::move(c.pack.guidance)},
                                   std::move(c.pack.exercises));
        } else {
            c.report.status = PackStatus::Failed;
        }
        c.report.problems = std::move(c.pack.problems);
        result.packs.push_back(std::move(c.report));
    }
    return result;
}

} // namespace sp
