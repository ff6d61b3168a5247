// stretchplan-cli plugins list|info|enable|disable|reload|import: every pack and native
// plugin, its kind, version, status and problems, the clinician's choice of which to use,
// and copying a pack folder in.
#include "cli/Commands.h"
#include "cli/TextFormat.h"
#include "pluginhost/ClinicPack.h"
#include "pluginhost/PluginConfig.h"
#include "pluginhost/PluginFolders.h"
#include "settings/SettingsFile.h"

#include <algorithm>
#include <memory>
#include <ostream>

namespace fs = std::filesystem;

namespace sp::cli {
namespace {

Json problemJson(const Problem& p)
{
    return {{"file", p.file}, {"pointer", p.pointer}, {"message", p.message}, {"line", p.format()}};
}

Json reportJson(const PackReport& r)
{
    Json problems = Json::array();
    for (const Problem& p : r.problems)
        problems.push_back(problemJson(p));
    Json j{{"id", r.id},
           {"kind", toString(r.kind)},
           {"name", r.name},
           {"version", r.version},
           {"folder", r.folder.string()},
           {"origin", toString(r.origin)},
           {"status", toString(r.status)},
           {"exercises", r.exerciseCount},
           {"problems", problems}};
    if (r.status == PackStatus::Disabled)
        j["disabled_reason"] = r.disabledReason;
    if (r.kind == PluginKind::Native) {
        j["library"] = r.library.string();
        j["sha256"] = r.sha256;
        j["folder_sha256"] = r.folderSha256;
        j["abi"] = r.abi;
        j["log"] = r.log;
    }
    j["cached"] = r.fromCache;
    return j;
}

std::string orUnknown(const std::string& text)
{
    return text.empty() ? "?" : text;
}

std::vector<const Exercise*> exercisesOf(const CatalogLoad& load, const PackReport& r)
{
    ExerciseFilter filter;
    filter.pack = r.id;
    return load.catalog.filter(filter);
}

CliError noPlugin(const std::string& id)
{
    return CliError("no plugin \"" + id + "\"; 'stretchplan-cli plugins list' shows them all");
}

// Every plugin with `id`, the one using it first and then any that failed for wanting it
// too; or, when no plugin has that id, the one in the folder of that name.
std::vector<const PackReport*> findPlugins(const CatalogLoad& load, const std::string& id)
{
    std::vector<const PackReport*> found;
    for (const PackReport& r : load.packs)
        if (r.id == id)
            found.push_back(&r);
    std::stable_partition(found.begin(), found.end(), [](const PackReport* r) { return r->status != PackStatus::Failed; });
    if (found.empty())
        for (const PackReport& r : load.packs)
            if (r.folder.filename() == id)
                found.push_back(&r);
    if (found.empty())
        throw noPlugin(id);
    return found;
}

void printProblems(std::ostream& out, const PackReport& r)
{
    for (const Problem& p : r.problems)
        out << "  " << p.format() << '\n';
}

void listCommand(CliContext& ctx, int& exitCode, bool json)
{
    const CatalogLoad& load = ctx.load(false);
    bool anyFailed = !load.folderProblems.empty();
    for (const PackReport& r : load.packs)
        anyFailed = anyFailed || r.status == PackStatus::Failed;
    exitCode = anyFailed ? kExitData : kExitOk;

    if (json) {
        Json packs = Json::array();
        for (const PackReport& r : load.packs)
            packs.push_back(reportJson(r));
        Json folderProblems = Json::array();
        for (const Problem& p : load.folderProblems)
            folderProblems.push_back(problemJson(p));
        ctx.out() << Json{{"packs", packs}, {"folder_problems", folderProblems}}.dump(2) << '\n';
        return;
    }
    for (const Problem& p : load.folderProblems)
        ctx.err() << "warning: " << p.format() << '\n';
    if (load.packs.empty()) {
        ctx.out() << "no plugins found\n";
        return;
    }
    std::vector<std::vector<std::string>> rows{{"PLUGIN", "KIND", "VERSION", "STATUS", "EXERCISES", "FROM", "FOLDER"}};
    for (const PackReport& r : load.packs)
        rows.push_back({orUnknown(r.id), std::string(toString(r.kind)), orUnknown(r.version),
                        std::string(toString(r.status)),
                        r.status == PackStatus::Loaded ? std::to_string(r.exerciseCount) : "-",
                        std::string(toString(r.origin)), r.folder.string()});
    ctx.out() << table(rows);
    for (const PackReport& r : load.packs) {
        const std::string name = r.id.empty() ? r.folder.filename().string() : r.id;
        if (r.status == PackStatus::Disabled)
            ctx.out() << "\n" << name << ": " << r.disabledReason << '\n';
        if (r.problems.empty())
            continue;
        ctx.out() << "\n" << name << ": " << r.problems.size() << (r.problems.size() == 1 ? " problem" : " problems")
                  << '\n';
        printProblems(ctx.out(), r);
    }
}

Json infoJson(const CatalogLoad& load, const PackReport& r)
{
    Json j = reportJson(r);
    Json exercises = Json::array();
    if (r.status == PackStatus::Loaded)
        for (const Exercise* ex : exercisesOf(load, r))
            exercises.push_back(ex->qualifiedId());
    j["exercise_ids"] = exercises;
    return j;
}

void printInfo(CliContext& ctx, const CatalogLoad& load, const PackReport& r)
{
    std::vector<std::vector<std::string>> rows{
        {"Plugin", orUnknown(r.id)},
        {"Name", orUnknown(r.name)},
        {"Kind", std::string(toString(r.kind))},
        {"Version", orUnknown(r.version)},
        {"Status", std::string(toString(r.status))},
        {"From", std::string(toString(r.origin))},
        {"Folder", r.folder.string()},
    };
    if (r.kind == PluginKind::Native) {
        rows.push_back({"Library", r.library.string()});
        rows.push_back({"SHA-256", orUnknown(r.sha256)});
        rows.push_back({"Folder SHA-256", orUnknown(r.folderSha256) + " (every file in it; what 'enable' trusts)"});
        rows.push_back({"Plugin ABI", orUnknown(r.abi)});
        if (r.status != PackStatus::Disabled)
            rows.push_back({"Result", r.fromCache ? "from the cache (library unchanged)" : "from running it now"});
    } else if (r.status == PackStatus::Loaded) {
        rows.push_back({"Result", r.fromCache ? "from the cache (files unchanged)" : "read from its files now"});
    }
    ctx.out() << table(rows);
    if (r.status == PackStatus::Disabled)
        ctx.out() << "\nOff: " << r.disabledReason << '\n';
    if (r.status == PackStatus::Loaded) {
        ctx.out() << "\nExercises (" << r.exerciseCount << "):\n";
        for (const Exercise* ex : exercisesOf(load, r))
            ctx.out() << "  " << ex->qualifiedId() << "  " << ex->name << '\n';
    }
    if (!r.log.empty()) {
        ctx.out() << "\nPlugin log:\n";
        for (const std::string& line : r.log)
            ctx.out() << "  " << line << '\n';
    }
    if (!r.problems.empty()) {
        ctx.out() << "\nProblems (" << r.problems.size() << "):\n";
        printProblems(ctx.out(), r);
    }
}

void infoCommand(CliContext& ctx, const std::string& id, bool json)
{
    const CatalogLoad& load = ctx.load(false);
    const std::vector<const PackReport*> found = findPlugins(load, id);
    if (json) {
        Json j = infoJson(load, *found.front());
        Json others = Json::array();
        for (std::size_t i = 1; i < found.size(); ++i)
            others.push_back(infoJson(load, *found[i]));
        j["same_id"] = others; // other folders wanting the id, which failed
        ctx.out() << j.dump(2) << '\n';
        return;
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (i > 0)
            ctx.out() << "\nAlso with the id \"" << id << "\":\n\n";
        printInfo(ctx, load, *found[i]);
    }
}

// The plugin a clinician names, found without loading or running any plugin: a hung or
// hostile plugin must not stand in the way of turning it off.
PackReport claimedPlugin(CliContext& ctx, const std::string& id)
{
    for (const ClaimedId& claim : claimedIds(ctx.pluginDirList())) {
        if (claim.id != id && !(claim.id.empty() && claim.plugin.folder.filename() == id))
            continue;
        PackReport r;
        r.id = claim.id;
        r.kind = claim.plugin.kind;
        r.folder = claim.plugin.folder;
        r.origin = claim.origin;
        if (r.kind == PluginKind::Native) {
            r.library = nativeLibraryOf(r.folder);
            if (const auto identity = identifyNative(r.folder, r.folder.filename().string(), r.problems)) {
                r.sha256 = identity->sha256;
                r.folderSha256 = identity->folderSha256;
            }
        }
        return r;
    }
    throw noPlugin(id);
}

void setEnabled(CliContext& ctx, const std::string& id, bool enabled)
{
    const PackReport r = claimedPlugin(ctx, id);
    if (r.id.empty())
        throw CliError("the plugin in " + r.folder.string() + " has no usable id; fix its manifest first");
    if (enabled && r.kind == PluginKind::Native && r.folderSha256.empty())
        throw CliError("cannot read the folder of native plugin \"" + id + "\"" +
                       (r.problems.empty() ? std::string() : ": " + r.problems.front().format()));
    try {
        setPluginEnabled(ctx.settingsPath(), r, enabled);
    } catch (const SettingsError& e) {
        throw CliError(e.what());
    }
    if (!enabled) {
        ctx.out() << "disabled " << toString(r.kind) << " " << id << "; its exercises are no longer in the catalog\n";
        return;
    }
    ctx.out() << "enabled " << toString(r.kind) << " " << id << '\n';
    if (r.kind == PluginKind::Native)
        ctx.out() << "It runs with your permissions; it was enabled for exactly the files now in " << r.folder.string()
                  << " (library " << r.library.filename().string() << ", SHA-256 " << r.sha256.substr(0, 16)
                  << "...), and a changed or added file turns it off again until you re-enable it.\n";
}

void importCommand(CliContext& ctx, const std::string& folder)
{
    fs::path imported;
    try {
        imported = importPack(folder, userPluginDir());
    } catch (const PackEditError& e) {
        throw CliError(e.what());
    }
    ctx.out() << "imported pack " << loadPack(imported, imported.filename().string()).manifest->id << " into "
              << imported.string() << '\n';
}

} // namespace

void addPluginsCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* plugins = app.add_subcommand("plugins", "Exercise packs and native plugins: status, trust, reload");
    plugins->require_subcommand(1);

    auto json = std::make_shared<bool>(false);
    CLI::App* list = plugins->add_subcommand(
        "list", "Every plugin found: kind, version, status (loaded, failed, disabled) and each problem; exits 3 "
                "when any failed");
    list->add_flag("--json", *json, "Print JSON for scripts");
    list->callback([&ctx, &exitCode, json] { listCommand(ctx, exitCode, *json); });

    auto id = std::make_shared<std::string>();
    auto infoJson = std::make_shared<bool>(false);
    CLI::App* info = plugins->add_subcommand("info", "One plugin in full: library, ABI, exercises, log, problems");
    info->add_option("ID", *id, "The plugin's id (as 'plugins list' shows it)")->required();
    info->add_flag("--json", *infoJson, "Print JSON for scripts");
    info->callback([&ctx, id, infoJson] { infoCommand(ctx, *id, *infoJson); });

    CLI::App* enable = plugins->add_subcommand(
        "enable", "Use a plugin; for a native plugin from the user or system folder, trust its code");
    enable->add_option("ID", *id, "The plugin's id")->required();
    enable->callback([&ctx, id] { setEnabled(ctx, *id, true); });

    CLI::App* disable = plugins->add_subcommand("disable", "Stop using a plugin (its exercises leave the catalog)");
    disable->add_option("ID", *id, "The plugin's id")->required();
    disable->callback([&ctx, id] { setEnabled(ctx, *id, false); });

    auto source = std::make_shared<std::string>();
    CLI::App* import = plugins->add_subcommand(
        "import", "Copy a pack folder into the user plugin folder, after checking that it loads and that no "
                  "installed plugin has its id");
    import->add_option("FOLDER", *source, "The pack folder (the one holding manifest.json)")->required();
    import->callback([&ctx, source] { importCommand(ctx, *source); });

    auto reloadJson = std::make_shared<bool>(false);
    CLI::App* reload = plugins->add_subcommand(
        "reload", "Run every enabled native plugin again (ignoring the cache), then list all plugins");
    reload->add_flag("--json", *reloadJson, "Print JSON for scripts");
    reload->callback([&ctx, &exitCode, reloadJson] {
        ctx.load(false, true);
        listCommand(ctx, exitCode, *reloadJson);
    });
}

} // namespace sp::cli
