#include "cli/Commands.h"
#include "cli/TextFormat.h"

#include <memory>
#include <ostream>

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
    return {{"id", r.id},
            {"name", r.name},
            {"version", r.version},
            {"folder", r.folder.string()},
            {"origin", toString(r.origin)},
            {"status", toString(r.status)},
            {"exercises", r.exerciseCount},
            {"problems", problems}};
}

} // namespace

void addPluginsCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* plugins = app.add_subcommand("plugins", "Inspect the plugin packs");
    plugins->require_subcommand(1);

    auto json = std::make_shared<bool>(false);
    CLI::App* list = plugins->add_subcommand(
        "list", "Every pack found, loaded or failed, with each problem; exits 3 when any pack failed");
    list->add_flag("--json", *json, "Print JSON for scripts");
    list->callback([&ctx, &exitCode, json] {
        const CatalogLoad& load = ctx.load(false);
        bool anyFailed = !load.folderProblems.empty();
        for (const PackReport& r : load.packs)
            anyFailed = anyFailed || r.status == PackStatus::Failed;
        exitCode = anyFailed ? kExitData : kExitOk;

        if (*json) {
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
            ctx.out() << "no packs found\n";
            return;
        }
        std::vector<std::vector<std::string>> rows{{"PACK", "VERSION", "STATUS", "EXERCISES", "FROM", "FOLDER"}};
        for (const PackReport& r : load.packs)
            rows.push_back({r.id.empty() ? "?" : r.id, r.version.empty() ? "?" : r.version,
                            std::string(toString(r.status)),
                            r.status == PackStatus::Loaded ? std::to_string(r.exerciseCount) : "-",
                            std::string(toString(r.origin)), r.folder.string()});
        ctx.out() << table(rows);
        for (const PackReport& r : load.packs) {
            if (r.problems.empty())
                continue;
            ctx.out() << "\n" << (r.id.empty() ? r.folder.filename().string() : r.id) << ": " << r.problems.size()
                      << (r.problems.size() == 1 ? " problem" : " problems") << '\n';
            for (const Problem& p : r.problems)
                ctx.out() << "  " << p.format() << '\n';
        }
    });
}

} // namespace sp::cli
