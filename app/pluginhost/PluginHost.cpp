#include "pluginhost/PluginHost.h"

#include "pluginhost/PackCache.h"
#include "pluginhost/PackLoader.h"
#include "pluginhost/PluginFolders.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>

namespace fs = std::filesystem;

namespace sp {
namespace {

struct Candidate {
    LoadedPack pack;
    PackReport report;
    std::optional<SearchIndex> index; // of a usable data pack, built on the thread that loaded it

    bool usable() const { return report.status != PackStatus::Disabled && pack.ok(); }
};

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
            if (c.usable())
                for (const Exercise& ex : c.pack.exercises)
                    available.insert(ex.qualifiedId());
        for (Candidate& c : candidates) {
            if (!c.usable())
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

struct Job {
    FoundPlugin found;
    const PluginDir* dir;
    std::size_t dirIndex; // in the order the folders are searched
    const std::string* asideReason = nullptr; // LoadOptions::setAside: not loaded, and why
};

// Several usable plugins claim one id: the installed one keeps it, and the others fail
// naming its folder. Installed means found in the earlier plugin folder (built-in, system,
// user, then each --plugins-dir); within one folder, the plugin whose folder is named after
// the id (a copy imported or dropped in beside it is not), then the first by folder name.
void failDuplicateIds(std::vector<Candidate>& candidates, const std::vector<Job>& jobs)
{
    const auto rank = [&](std::size_t i) {
        const bool namedAfterId = candidates[i].report.folder.filename() == candidates[i].report.id;
        return std::tuple(jobs[i].dirIndex, !namedAfterId, i);
    };
    std::map<std::string, std::size_t> holder;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].usable())
            continue;
        auto [it, fresh] = holder.emplace(candidates[i].report.id, i);
        if (!fresh && rank(i) < rank(it->second))
            it->second = i;
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        Candidate& c = candidates[i];
        if (!c.usable() || holder.at(c.report.id) == i)
            continue;
        const bool pack = c.report.kind == PluginKind::Pack;
        fail(c, {c.report.folder.filename().string() + (pack ? "/manifest.json" : ""), pack ? "/id" : "",
                 "plugin id \"" + c.report.id + "\" is already loaded from " +
                     candidates[holder.at(c.report.id)].report.folder.string()});
    }
}

class Loader {
public:
    explicit Loader(const LoadOptions& options)
        : m_options(options), m_cache(options.native.cacheFile), m_packCache(options.packCacheDir)
    {
        m_native = options.native;
        m_native.timeout = options.settings.timeout;
        if (m_native.rerun)
            m_cache.clear();
    }

    Candidate loadPack(const fs::path& folder, const PluginDir& dir)
    {
        Candidate c;
        readPack(folder, c);
        c.report.kind = PluginKind::Pack;
        c.report.id = c.pack.declaredId;
        if (c.pack.manifest)
            c.report.name = c.pack.manifest->name;
        c.report.version = c.pack.manifest ? c.pack.manifest->version : c.pack.declaredVersion;
        if (!c.report.id.empty())
            applyDecision(c, dir.origin, {}, {});
        if (!c.usable())
            c.index.reset();
        return c;
    }

    Candidate loadNative(const fs::path& folder, const PluginDir& dir)
    {
        Candidate c;
        const std::string display = folder.filename().string();
        c.pack.folder = folder;
        c.report.kind = PluginKind::Native;
        c.report.id = display; // a native plugin is known by its folder before it runs
        c.report.library = nativeLibraryOf(folder);
        const auto identity = identifyNative(folder, display, c.pack.problems);
        if (!identity)
            return c;
        c.report.sha256 = identity->sha256;
        c.report.folderSha256 = identity->folderSha256;
        if (!applyDecision(c, dir.origin, identity->sha256, identity->folderSha256))
            return c; // not trusted (yet): its code is not run
        NativeLoad load = loadNativePlugin(folder, display, *identity, m_cache, m_native);
        c.pack = std::move(load.pack);
        c.report.fromCache = load.fromCache;
        c.report.abi = std::move(load.abi);
        c.report.log = std::move(load.log);
        if (c.pack.manifest) {
            c.report.name = c.pack.manifest->name;
            c.report.version = c.pack.manifest->version;
        }
        return c;
    }

    void finish(CatalogLoad& result)
    {
        if (const std::string problem = m_cache.save(); !problem.empty())
            result.folderProblems.push_back({m_options.native.cacheFile.string(), "", problem});
        const std::lock_guard lock(m_packCacheMutex);
        if (!m_packCacheProblem.empty())
            result.folderProblems.push_back({m_packCache.dir().string(), "", m_packCacheProblem});
    }

private:
    // The pack and, when it loaded, its search index: from the pack cache when none of its
    // files changed, else from its files (and then cached). Called on several threads at once.
    void readPack(const fs::path& folder, Candidate& c)
    {
        if (!m_options.native.rerun) {
            if (auto cached = m_packCache.find(folder)) {
                c.pack = std::move(cached->pack);
                c.index = std::move(cached->index);
                c.report.fromCache = true;
                return;
            }
        }
        const auto started = std::chrono::system_clock::now();
        c.pack = sp::loadPack(folder, folder.filename().string());
        if (!c.pack.ok())
            return;
        c.index.emplace();
        for (const Exercise& e : c.pack.exercises)
            c.index->add(e);
        c.index->finishForAppend();
        if (std::string problem = m_packCache.store(c.pack, *c.index, started); !problem.empty()) {
            const std::lock_guard lock(m_packCacheMutex);
            if (m_packCacheProblem.empty())
                m_packCacheProblem = std::move(problem); // one is enough: they all say the same
        }
    }

    bool applyDecision(Candidate& c, PluginOrigin origin, const std::string& sha256, const std::string& folderSha256)
    {
        const EnableDecision d =
            decideEnabled(m_options.settings, c.report.id, c.report.kind, origin, sha256, folderSha256);
        if (!d.enabled) {
            c.report.status = PackStatus::Disabled;
            c.report.disabledReason = d.reason;
        }
        return d.enabled;
    }

    const LoadOptions& m_options;
    NativeRunOptions m_native;
    PluginCache m_cache;
    PackCache m_packCache;
    std::mutex m_packCacheMutex;
    std::string m_packCacheProblem;
};


// Data packs are read, parsed and validated on every core: with tens of thousands of
// exercises that is most of the start-up. Each pack is loaded on its own (its problems
// are its own), so the result is the same as loading them one by one, in order.
std::vector<std::optional<Candidate>> loadPacksInParallel(const std::vector<Job>& jobs, Loader& loader)
{
    std::vector<std::optional<Candidate>> loaded(jobs.size());
    std::vector<std::size_t> packs;
    for (std::size_t i = 0; i < jobs.size(); ++i)
        if (jobs[i].found.kind == PluginKind::Pack && !jobs[i].asideReason)
            packs.push_back(i);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::atomic<bool> failed{false};
    const auto work = [&] {
        try {
            for (std::size_t k = next++; k < packs.size() && !failed; k = next++) {
                const Job& job = jobs[packs[k]];
                loaded[packs[k]] = loader.loadPack(job.found.folder, *job.dir);
            }
        } catch (...) {
            if (!failed.exchange(true))
                failure = std::current_exception();
        }
    };
    const std::size_t threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), packs.size());
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    return loaded;
}

} // namespace

CatalogLoad loadCatalog(const std::vector<PluginDir>& dirs, const LoadOptions& options)
{
    CatalogLoad result;
    Loader loader(options);
    std::vector<Job> jobs;
    const auto asideReason = [&](const fs::path& folder) -> const std::string* {
        for (const auto& [aside, reason] : options.setAside) {
            std::error_code ec;
            if (folder == aside || fs::equivalent(folder, aside, ec))
                return &reason;
        }
        return nullptr;
    };
    for (std::size_t d = 0; d < dirs.size(); ++d)
        for (FoundPlugin& found : pluginFolders(dirs[d], result.folderProblems)) {
            const std::string* aside = asideReason(found.folder);
            jobs.push_back({std::move(found), &dirs[d], d, aside});
        }
    std::vector<std::optional<Candidate>> packs = loadPacksInParallel(jobs, loader);

    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const FoundPlugin& found = jobs[i].found;
        const PluginDir& dir = *jobs[i].dir;
        Candidate c;
        if (jobs[i].asideReason) {
            c.pack.folder = found.folder;
            c.report.kind = found.kind;
            c.report.id = found.folder.filename().string();
            c.report.status = PackStatus::Disabled;
            c.report.disabledReason = *jobs[i].asideReason;
        } else {
            // Native plugins run here, one by one: each in its own process, sharing the cache.
            c = found.kind == PluginKind::Pack ? std::move(*packs[i]) : loader.loadNative(found.folder, dir);
        }
        c.report.folder = found.folder;
        c.report.origin = dir.origin;
        candidates.push_back(std::move(c));
    }
    failDuplicateIds(candidates, jobs);
    loader.finish(result);
    checkCrossPackReferences(candidates);

    std::size_t exercises = 0;
    for (const Candidate& c : candidates)
        exercises += c.usable() ? c.pack.exercises.size() : 0;
    result.catalog.reserve(exercises);
    for (Candidate& c : candidates) {
        if (c.usable()) {
            c.report.exerciseCount = c.pack.exercises.size();
            c.report.status = PackStatus::Loaded;
            CatalogPack pack{*c.pack.manifest, c.pack.folder.string(), std::move(c.pack.guidance)};
            if (c.index)
                result.catalog.addPack(std::move(pack), std::move(c.pack.exercises), std::move(*c.index));
            else
                result.catalog.addPack(std::move(pack), std::move(c.pack.exercises));
        } else if (c.report.status != PackStatus::Disabled) {
            c.report.status = PackStatus::Failed;
        }
        c.report.problems = std::move(c.pack.problems);
        result.packs.push_back(std::move(c.report));
    }
    return result;
}

} // namespace sp
