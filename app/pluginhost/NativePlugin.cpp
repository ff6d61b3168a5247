#include "pluginhost/NativePlugin.h"

#include "core/JsonReader.h"
#include "core/PackJson.h"
#include "pluginhost/ExerciseCollector.h"
#include "pluginhost/FolderDigest.h"
#include "pluginhost/PackFiles.h"
#include "pluginhost/PluginDirs.h"
#include "pluginhost/RunnerProcess.h"
#include "settings/XdgDirs.h"

#include <cstdlib>

namespace fs = std::filesystem;

namespace sp {
namespace {

constexpr int kReportVersion = 1; // as stretchplan-plugin-runner writes

fs::path executableDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

// What running the plugin gave: the runner's report, or why there is none.
struct Outcome {
    Json report;         // null without a report
    std::string failure; // crash, hang, exit code, missing runner
    bool transient = false; // a missing runner is a broken install, not the plugin's doing: not cached
    std::int64_t timedOutAfterMs = 0; // a hang: the limit it outlasted
};

Json outcomeJson(const Outcome& o)
{
    Json j{{"report", o.report}, {"failure", o.failure}};
    if (o.timedOutAfterMs > 0)
        j["timed_out_after_ms"] = o.timedOutAfterMs;
    return j;
}

Outcome outcomeFromJson(const Json& j)
{
    Outcome o;
    o.report = j.value("report", Json());
    o.failure = j.value("failure", "");
    o.timedOutAfterMs = j.value("timed_out_after_ms", std::int64_t{0});
    return o;
}

// A hang is remembered like any other result, so that it does not cost the time limit at
// every start; but a clinician who raises the limit gives it a new chance.
bool stillValid(const Outcome& cached, const NativeRunOptions& options)
{
    return cached.timedOutAfterMs == 0 || options.timeout.count() <= cached.timedOutAfterMs;
}

Outcome runPlugin(const fs::path& library, const NativeRunOptions& options)
{
    Outcome outcome;
    const fs::path runner = options.runner.empty() ? defaultPluginRunner() : options.runner;
    std::error_code ec;
    if (!fs::is_regular_file(runner, ec)) {
        outcome.failure = "the plugin runner " + runner.string() + " is missing; reinstall StretchPlan";
        outcome.transient = true;
        return outcome;
    }
    const RunnerResult result = runPluginRunner(runner, library, options.timeout);
    outcome.failure = describeRunnerFailure(result, options.timeout);
    outcome.transient = result.end == RunnerResult::End::NotStarted;
    if (result.end == RunnerResult::End::TimedOut)
        outcome.timedOutAfterMs = options.timeout.count();
    if (!outcome.failure.empty())
        return outcome;
    std::vector<Problem> problems;
    ProblemSink sink("report", problems);
    if (auto doc = parseJsonText(result.report, sink, 8)) {
        outcome.report = std::move(*doc);
    } else {
        const std::string first = problems.empty() ? std::string("empty") : problems.front().message;
        outcome.failure = "the plugin runner's output is not a report (" + first + ")" +
                          (result.phase.empty() ? "" : " after " + result.phase);
    }
    return outcome;
}

// Reads the runner's report strictly: it came from a process the plugin controlled.
class ReportReader {
public:
    ReportReader(NativeLoad& load, const std::string& display, const std::string& folderName)
        : m_load(load), m_display(display), m_folderName(folderName)
    {
    }

    void read(const Json& report)
    {
        std::vector<Problem> problems;
        ProblemSink sink(m_display + " (plugin report)", problems);
        ObjectReader r(report, "", sink);
        if (!r.isObject()) {
            fail("the plugin runner's report is not an object");
            return;
        }
        if (auto version = r.integer("report", 1, 1000); version && *version != kReportVersion)
            sink.add("/report", "report format " + std::to_string(*version) + " is not the host's");
        const Json* ok = r.member("ok");
        readPlugin(r.member("plugin", Presence::Optional));
        readLog(r.member("log", Presence::Optional));
        (void)r.member("host_abi", Presence::Optional);
        (void)r.member("result", Presence::Optional);
        if (ok && ok->is_boolean() && !ok->get<bool>()) {
            const Json* error = r.member("error");
            fail(error && error->is_string() ? error->get<std::string>() : "the plugin failed without a reason");
            return;
        }
        (void)r.member("error", Presence::Optional);
        const Json* rejected = r.member("rejected", Presence::Optional);
        const Json* exercises = r.member("exercises");
        r.finish();
        if (!problems.empty()) {
            for (Problem& p : problems)
                m_load.pack.problems.push_back(std::move(p));
            return;
        }
        if (rejected && rejected->is_array())
            for (const Json& item : *rejected)
                if (item.is_object())
                    fail("exercise " + std::to_string(item.value("index", 0) + 1) + " was refused: " +
                         item.value("reason", std::string("no reason given")));
        readExercises(exercises);
    }

private:
    void fail(const std::string& message) { m_load.pack.problems.push_back({m_display, "", message}); }

    void readPlugin(const Json* plugin)
    {
        if (!plugin || !plugin->is_object())
            return;
        if (plugin->contains("abi_major") && plugin->contains("abi_minor"))
            m_load.abi = plugin->at("abi_major").dump() + "." + plugin->at("abi_minor").dump();
        if (!plugin->contains("id"))
            return; // refused before its strings were read
        // The info strings are held to a pack manifest's rules.
        Json manifest{{"kind", "exercise-pack"}, {"api", kPackApi}, {"author", "native plugin"},
                      {"license", "see the plugin"}, {"description", "a native plugin"}};
        for (const char* key : {"id", "name", "version"})
            manifest[key] = plugin->value(key, Json());
        ProblemSink infoSink(m_display + " info", m_load.pack.problems);
        if (const auto id = manifest["id"]; id.is_string() && isValidId(id.get<std::string>()))
            m_load.pack.declaredId = id.get<std::string>();
        auto parsed = parseManifest(manifest, infoSink);
        if (parsed && parsed->id != m_folderName) {
            infoSink.add("/id", "the plugin's id \"" + parsed->id + "\" must equal its folder name \"" +
                                           m_folderName + "\"");
            parsed.reset();
        }
        m_load.pack.manifest = std::move(parsed);
    }

    void readLog(const Json* log)
    {
        if (!log || !log->is_array())
            return;
        for (const Json& entry : *log)
            if (entry.is_object())
                m_load.log.push_back(entry.value("level", std::string("?")) + ": " +
                                     entry.value("message", std::string()));
    }

    void readExercises(const Json* exercises)
    {
        if (!exercises || !exercises->is_array()) {
            fail("the report has no list of exercises");
            return;
        }
        if (exercises->empty())
            fail("registered no exercises");
        if (exercises->size() > kMaxExercisesPerPack) {
            fail("registered " + std::to_string(exercises->size()) + " exercises, at most " +
                 std::to_string(kMaxExercisesPerPack) + " are allowed");
            return;
        }
        ExerciseCollector collector(m_load.pack);
        for (std::size_t i = 0; i < exercises->size(); ++i) {
            ProblemSink sink(m_display + " exercise " + std::to_string(i + 1), m_load.pack.problems);
            const Json& text = (*exercises)[i];
            if (!text.is_string()) {
                sink.add("", "expected JSON text, got " + typeName(text));
                continue;
            }
            if (auto doc = parseJsonText(text.get_ref<const std::string&>(), sink))
                collector.add(*doc, sink);
        }
        collector.qualifyReferences();
    }

    NativeLoad& m_load;
    std::string m_display;
    std::string m_folderName;
};

} // namespace

fs::path defaultPluginRunner()
{
    if (const char* overridden = std::getenv("SP_PLUGIN_RUNNER"); overridden && *overridden)
        return overridden;
    const fs::path exeDir = executableDir();
    const fs::path beside = exeDir / "stretchplan-plugin-runner";
    std::error_code ec;
    if (fs::is_regular_file(beside, ec))
        return beside;
    return exeDir.parent_path() / SP_INSTALL_LIBEXECDIR / "stretchplan" / "stretchplan-plugin-runner";
}

fs::path defaultPluginCacheFile()
{
    const fs::path dir = userCacheDir();
    return dir.empty() ? fs::path() : dir / "native-plugins.json";
}

fs::path nativeLibraryOf(const fs::path& folder)
{
    return folder / (folder.filename().string() + ".so");
}

std::optional<LibraryIdentity> identifyNative(const fs::path& folder, const std::string& display,
                                              std::vector<Problem>& problems)
{
    LibraryIdentity identity;
    try {
        identity = identifyLibrary(nativeLibraryOf(folder));
    } catch (const std::exception&) {
        problems.push_back({display, "", "cannot read the library " + nativeLibraryOf(folder).filename().string()});
        return std::nullopt;
    }
    try {
        identity.folderSha256 = folderContentsSha256(folder);
    } catch (const std::exception& e) {
        problems.push_back({display, "", std::string(e.what()) + " (every file of the folder is part of what is trusted)"});
        return std::nullopt;
    }
    return identity;
}

NativeLoad loadNativePlugin(const fs::path& folder, const std::string& display, const LibraryIdentity& identity,
                            PluginCache& cache, const NativeRunOptions& options)
{
    NativeLoad load;
    load.pack.folder = folder;
    load.identity = identity;
    const fs::path library = nativeLibraryOf(folder);
    Outcome outcome;
    const auto cached = options.rerun ? std::nullopt : cache.find(library, identity);
    if (cached && stillValid(outcomeFromJson(*cached), options)) {
        outcome = outcomeFromJson(*cached);
        load.fromCache = true;
    } else {
        outcome = runPlugin(library, options);
        if (!outcome.transient)
            cache.store(library, identity, outcomeJson(outcome));
    }
    const std::string display2 = display + "/" + library.filename().string();
    if (!outcome.failure.empty()) {
        load.pack.problems.push_back({display2, "", outcome.failure});
        return load;
    }
    ReportReader(load, display2, folder.filename().string()).read(outcome.report);
    return load;
}

} // namespace sp
