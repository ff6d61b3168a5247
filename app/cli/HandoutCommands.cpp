#include "cli/ArgParsing.h"
#include "cli/Commands.h"
#include "cli/JsonFiles.h"
#include "cli/PlanHandout.h"
#include "cli/TextFormat.h"
#include "core/PlanJson.h"
#include "delivery/HandoutLog.h"
#include "handout/HandoutBuilder.h"
#include "pluginhost/DemoClinic.h"
#include "pluginhost/PackFiles.h"
#include "pluginhost/PluginDirs.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

namespace fs = std::filesystem;

namespace sp::cli {
namespace {

PlanSpec readPlanFile(const std::string& path)
{
    return readJsonFile<PlanSpec>(path, kMaxPlanFileBytes, "cannot make a handout from " + path + ":", parsePlanFile);
}

handout::HandoutContent contentFromFile(const PlanSpec& spec, CliContext& ctx, const ClinicProfile& clinic,
                                        bool deterministic, std::vector<std::string>& warnings)
{
    FieldErrors errors;
    handout::HandoutRequest r;
    r.items = resolveItems(spec.items, ctx.load().catalog, errors);
    if (!errors.empty())
        throw CliError(errors.summary());
    r.patientName = spec.patientName;
    r.clinician = spec.author;
    r.planTitle = spec.title;
    r.goals = spec.goals;
    const auto revisionDate = Date::parse(spec.createdAt.substr(0, 10));
    r.date = deterministic ? revisionDate.value_or(*Date::parse("2026-01-01")) : CliContext::today();
    r.creationTimestamp = deterministic ? kDeterministicTimestamp : utcNow();
    return handout::buildHandoutContent(r, ctx.load().catalog, clinic, warnings);
}

ClinicProfile brandingFromFolder(const std::string& folder)
{
    const ClinicLoad load = loadClinicBranding(folder.empty() ? builtInBrandingDir() : fs::path(folder));
    if (!load.profile) {
        std::string lines;
        for (const Problem& p : load.problems)
            lines += "\n" + p.format();
        throw CliError("the clinic branding in " + (folder.empty() ? builtInBrandingDir().string() : folder) +
                       " cannot be used:" + lines);
    }
    return *load.profile;
}

void addStatelessHandout(CLI::App& app, CliContext& ctx, int& exitCode)
{
    struct Options : HandoutOptions {
        std::vector<std::string> plans;
        std::string out, outDir, branding;
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("handout", "Make PDF handouts from plan files (no database needed)");
    cmd->add_option("--plan", o->plans, "A plan file (JSON, as 'plan export-json' writes); repeatable")->required();
    auto* out = cmd->add_option("--out", o->out, "The PDF to write (one plan)");
    auto* outDir = cmd->add_option("--out-dir", o->outDir, "Folder for the PDFs (several plans: NAME.json -> NAME.pdf)");
    out->excludes(outDir);
    cmd->add_option("--branding", o->branding, "Clinic branding folder (default: the demo clinic)");
    o->addTo(cmd);
    cmd->callback([&ctx, &exitCode, o] {
        if (o->out.empty() == o->outDir.empty())
            throw CliError("give --out FILE.pdf (one plan) or --out-dir DIR", kExitUsage);
        if (!o->out.empty() && o->plans.size() != 1)
            throw CliError("--out takes one --plan; use --out-dir for several", kExitUsage);
        if (!o->outDir.empty() && !fs::is_directory(o->outDir))
            throw CliError("--out-dir " + o->outDir + ": no such folder");
        const delivery::HandoutRenderer renderer(*o);
        const ClinicProfile clinic = brandingFromFolder(o->branding);
        ctx.load(); // the catalog, loaded once before the workers start
        std::vector<std::pair<std::string, fs::path>> jobs;
        for (const std::string& plan : o->plans)
            jobs.emplace_back(plan, o->out.empty() ? fs::path(o->outDir) / fs::path(plan).filename().replace_extension(".pdf")
                                                   : fs::path(o->out));
        std::atomic<std::size_t> next{0}, done{0};
        std::mutex report;
        std::vector<std::string> failures;
        const auto worker = [&] {
            for (std::size_t i = next++; i < jobs.size(); i = next++) {
                std::vector<std::string> warnings;
                std::string failure;
                try {
                    const PlanSpec spec = readPlanFile(jobs[i].first);
                    const auto content = contentFromFile(spec, ctx, clinic, o->deterministic, warnings);
                    const auto more = renderer.write(content, jobs[i].second);
                    warnings.insert(warnings.end(), more.begin(), more.end());
                } catch (const std::exception& e) {
                    failure = e.what();
                }
                const std::lock_guard lock(report);
                printWarnings(ctx, jobs[i].first, warnings);
                if (!failure.empty())
                    failures.push_back(jobs[i].first + ": " + failure);
                if (jobs.size() > 1)
                    ctx.err() << "[" << ++done << "/" << jobs.size() << "] " << jobs[i].second.string()
                              << (failure.empty() ? "" : " FAILED") << '\n';
            }
        };
        const unsigned threads = std::min<std::size_t>(jobs.size(), std::max(1u, std::thread::hardware_concurrency()));
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(worker);
        worker();
        for (std::thread& t : pool)
            t.join();
        for (const std::string& f : failures)
            ctx.err() << "stretchplan-cli: " << f << '\n';
        exitCode = failures.empty() ? kExitOk : kExitData;
    });
}

void addPlanExport(CLI::App& app, CliContext& ctx, int& exitCode)
{
    struct Options : HandoutOptions {
        std::string plan, out, overrideReason;
        int revision = 0;
    };
    auto o = std::make_shared<Options>();
    CLI::App* plan = app.get_subcommand("plan");
    CLI::App* cmd = plan->add_subcommand("export", "Make the patient's PDF handout of a plan and log it");
    cmd->add_option("PLAN", o->plan, "Plan id")->required();
    cmd->add_option("--revision", o->revision, "Revision number (default: the latest)")->check(CLI::PositiveNumber);
    cmd->add_option("--out", o->out, "The PDF to write")->required();
    cmd->add_option("--override-reason", o->overrideReason,
                    "Make it despite a guidance blocker, for this reason (recorded in the audit log)");
    o->addTo(cmd);
    cmd->callback([&ctx, &exitCode, o] {
        const std::int64_t planId = parseRecordId(o->plan, "plan");
        const PlanHandout h = writePlanHandout(ctx, planId, o->revision, *o, "export", o->overrideReason, o->out);

        delivery::logHandout(ctx.store(), h.revision.id, HandoutChannel::Pdf, fs::path(o->out).filename().string(),
                             o->out);
        ctx.out() << o->out << '\n';
        exitCode = kExitOk;
    });
}

} // namespace

void addHandoutCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    addStatelessHandout(app, ctx, exitCode);
    addPlanExport(app, ctx, exitCode);
}

} // namespace sp::cli
