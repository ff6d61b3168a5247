#include "cli/ArgParsing.h"
#include "cli/Commands.h"
#include "cli/GuidanceOutput.h"
#include "cli/JsonFiles.h"
#include "cli/RecordFormat.h"
#include "cli/TextFormat.h"
#include "core/PlanDiff.h"
#include "core/PlanJson.h"
#include "core/SnapshotDiff.h"
#include "pluginhost/PackFiles.h"
#include "pluginhost/PlanTemplates.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>

namespace fs = std::filesystem;

namespace sp::cli {
namespace {

// Items from specs, or a CliError naming every exercise that is not in the catalog.
std::vector<PlanItem> resolveOrThrow(const std::vector<PlanItemSpec>& specs, CliContext& ctx)
{
    FieldErrors errors;
    auto items = resolveItems(specs, ctx.load().catalog, errors);
    if (!errors.empty())
        throw CliError(errors.summary());
    return items;
}

// Items from options the user typed (--exercise, --add): a problem names the option and
// what was typed with it, not a position in a plan file.
std::vector<PlanItem> resolveOptions(const std::vector<std::string>& texts, const std::string& option,
                                     CliContext& ctx)
{
    std::vector<PlanItem> items;
    std::vector<std::string> problems;
    for (const std::string& text : texts) {
        FieldErrors errors;
        auto resolved = resolveItems({parseItemSpec(text, option)}, ctx.load().catalog, errors);
        for (const FieldError& e : errors.list())
            problems.push_back(option + " \"" + text + "\": " + e.message);
        items.insert(items.end(), resolved.begin(), resolved.end());
    }
    if (!problems.empty())
        throw CliError(join(problems, "; "));
    return items;
}

const PlanTemplate& findTemplate(const PlanTemplateLoad& load, const std::string& name)
{
    for (const PlanTemplate& t : load.templates)
        if (t.id == name)
            return t;
    std::vector<std::string> ids;
    for (const PlanTemplate& t : load.templates)
        ids.push_back(t.id);
    throw CliError("no plan template \"" + name + "\" (available: " + (ids.empty() ? "none" : join(ids)) + ")");
}

// After saving: what the guidance rules say about the plan now, on stderr so that stdout
// stays the new id for scripts.
void reportFindings(CliContext& ctx, std::int64_t planId)
{
    const Plan plan = ctx.store().plans().get(planId);
    const auto findings = checkPlan(ctx, plan, ctx.store().plans().revision(planId));
    ctx.err() << findingsText(findings);
}

std::string estimateText(const PlanRevision& r, const GuidanceThresholds& t)
{
    const SessionEstimate e = estimateSession(r, t);
    return "\nTime: about " + std::to_string(static_cast<int>(e.sessionMinutes + 0.5)) +
           " minutes a session, about " + std::to_string(static_cast<int>(e.weeklyMinutes + 0.5)) +
           " minutes a week\n";
}

PlanItem* findItem(PlanRevision& r, const std::string& id)
{
    // Accept the bare id where the plan has only one exercise of that name.
    std::vector<PlanItem*> matches;
    for (PlanItem& item : r.items)
        if (item.exerciseId == id || item.snapshot.id == id)
            matches.push_back(&item);
    if (matches.size() == 1)
        return matches[0];
    if (matches.size() > 1)
        throw CliError("\"" + id + "\" matches more than one exercise in the plan; give pack/exercise");
    return nullptr;
}

struct CreateOptions {
    std::string patient, title, templateName, reason;
    std::vector<std::string> exercises, goals;
};

struct ReviseOptions {
    std::string plan, reason;
    std::vector<std::string> add, remove, set, goals;
    int baseRevision = 0; // 0: the latest
};

struct ShowOptions {
    std::string plan;
    int revision = 0;
    bool json = false;
    std::string out;
};

void writeFileAtomically(const fs::path& target, const std::string& content)
{
    const fs::path tmp = target.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out)
            throw CliError("cannot write " + tmp.string());
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw CliError("cannot write " + target.string() + ": " + ec.message());
    }
}

void addCreate(CLI::App* plan, CliContext& ctx, int& exitCode)
{
    auto o = std::make_shared<CreateOptions>();
    CLI::App* cmd = plan->add_subcommand("create", "Make a new plan for a patient and print its id");
    cmd->add_option("--patient", o->patient, "Patient id")->required();
    cmd->add_option("--title", o->title, "Plan title")->required();
    auto* tmpl = cmd->add_option("--template", o->templateName, "Start from this plan template (see 'plan templates')");
    auto* ex = cmd->add_option("--exercise", o->exercises,
                               "ID[:sets=2,reps=10,hold_s=5,per_day=2,side=each,note=TEXT] (repeatable)");
    tmpl->excludes(ex);
    cmd->add_option("--goal", o->goals, "A goal in the patient's words (repeatable; replaces the template's)");
    cmd->add_option("--reason", o->reason, "Why this plan (default: \"First plan\")");
    cmd->callback([&ctx, &exitCode, o] {
        if (o->templateName.empty() && o->exercises.empty())
            throw CliError("give --template NAME or at least one --exercise ID", kExitUsage);
        const std::int64_t patientId = parseRecordId(o->patient, "patient");
        PlanRevision first;
        if (!o->templateName.empty()) {
            const PlanTemplateLoad templates = loadPlanTemplates(builtInPlanTemplateDir());
            const PlanTemplate& t = findTemplate(templates, o->templateName);
            first.goals = t.goals;
            first.reason = "From template " + t.id;
            first.items = resolveOrThrow(t.items, ctx);
        } else {
            first.items = resolveOptions(o->exercises, "--exercise", ctx);
            first.reason = "First plan";
        }
        if (!o->goals.empty())
            first.goals = o->goals;
        if (!o->reason.empty())
            first.reason = o->reason;
        const std::int64_t planId = ctx.store().plans().create(patientId, o->title, first);
        ctx.out() << planId << '\n';
        reportFindings(ctx, planId);
        exitCode = kExitOk;
    });
}

void addRevise(CLI::App* plan, CliContext& ctx, int& exitCode)
{
    auto o = std::make_shared<ReviseOptions>();
    CLI::App* cmd = plan->add_subcommand("revise", "Make the plan's next revision from its latest one");
    cmd->add_option("PLAN", o->plan, "Plan id")->required();
    cmd->add_option("--reason", o->reason, "Why the plan changes")->required();
    cmd->add_option("--add", o->add, "Add ID[:sets=..,reps=..,...,note=TEXT] (repeatable)");
    cmd->add_option("--remove", o->remove, "Remove this exercise (repeatable)");
    cmd->add_option("--set", o->set, "Change an exercise's dosage or note: ID:k=v,... (repeatable)");
    cmd->add_option("--goal", o->goals, "Replace the goals (repeatable)");
    cmd->add_option("--base-revision", o->baseRevision,
                    "The revision these changes were made from; refused when a newer one was saved")
        ->check(CLI::Range(1, 1000000));
    cmd->callback([&ctx, &exitCode, o] {
        const std::int64_t planId = parseRecordId(o->plan, "plan");
        if (o->add.empty() && o->remove.empty() && o->set.empty() && o->goals.empty())
            throw CliError("nothing to change: give --add, --remove, --set or --goal", kExitUsage);
        // The draft starts from the revision it is based on: the latest one, unless
        // --base-revision names the one it was made from (then a newer one is a conflict).
        PlanRevision next = ctx.store().plans().revision(planId, o->baseRevision);
        const int base = next.number;
        next.reason = o->reason;
        if (!o->goals.empty())
            next.goals = o->goals;
        for (const std::string& id : o->remove) {
            PlanItem* item = findItem(next, id);
            if (!item)
                throw CliError("--remove: \"" + id + "\" is not in plan " + std::to_string(planId));
            next.items.erase(next.items.begin() + (item - next.items.data()));
        }
        for (const std::string& text : o->set) {
            const PlanItemSpec spec = parseItemSpec(text, "--set");
            PlanItem* item = findItem(next, spec.exercise);
            if (!item)
                throw CliError("--set: \"" + spec.exercise + "\" is not in plan " + std::to_string(planId));
            if (spec.dosage.empty() && !spec.note)
                throw CliError("--set " + spec.exercise + ": nothing to change (give k=v after a colon)");
            item->dosage = spec.dosage.applyTo(item->dosage);
            if (spec.note)
                item->note = *spec.note;
        }
        for (PlanItem& item : resolveOptions(o->add, "--add", ctx))
            next.items.push_back(std::move(item));
        ctx.out() << ctx.store().plans().revise(planId, next, base) << '\n';
        reportFindings(ctx, planId);
        exitCode = kExitOk;
    });
}

void addShowAndExport(CLI::App* plan, CliContext& ctx, int& exitCode)
{
    auto o = std::make_shared<ShowOptions>();
    CLI::App* show = plan->add_subcommand("show", "Show a plan revision (the latest by default)");
    show->add_option("PLAN", o->plan, "Plan id")->required();
    show->add_option("--revision", o->revision, "Revision number")->check(CLI::PositiveNumber);
    show->add_flag("--json", o->json, "Print the plan file JSON");
    show->callback([&ctx, &exitCode, o] {
        const std::int64_t planId = parseRecordId(o->plan, "plan");
        const Plan plan = ctx.store().plans().get(planId);
        const PlanRevision r = ctx.store().plans().revision(planId, o->revision);
        if (o->json)
            ctx.out() << planFileJson(plan, ctx.store().patients().get(plan.patientId), r).dump(2) << '\n';
        else
            ctx.out() << revisionDetails(plan, ctx.store().patients().get(plan.patientId), r)
                      << estimateText(r, ctx.thresholds());
        exitCode = kExitOk;
    });

    auto e = std::make_shared<ShowOptions>();
    CLI::App* exportCmd = plan->add_subcommand("export-json", "Write a plan revision as a plan file (JSON)");
    exportCmd->add_option("PLAN", e->plan, "Plan id")->required();
    exportCmd->add_option("--revision", e->revision, "Revision number (default: the latest)")->check(CLI::PositiveNumber);
    exportCmd->add_option("--out", e->out, "Write to this file instead of standard output");
    exportCmd->callback([&ctx, &exitCode, e] {
        const std::int64_t planId = parseRecordId(e->plan, "plan");
        const Plan plan = ctx.store().plans().get(planId);
        const PlanRevision r = ctx.store().plans().revision(planId, e->revision);
        const std::string text = planFileJson(plan, ctx.store().patients().get(plan.patientId), r).dump(2) + "\n";
        if (e->out.empty())
            ctx.out() << text;
        else
            writeFileAtomically(e->out, text);
        ctx.store().audit().record("export", "revision", r.id, plan.patientId,
                                   Json{{"format", "plan-json"}, {"revision", r.number}}.dump());
        exitCode = kExitOk;
    });
}

void addCheck(CLI::App* plan, CliContext& ctx, int& exitCode)
{
    auto o = std::make_shared<ShowOptions>();
    CLI::App* cmd = plan->add_subcommand("check", "Run the guidance rules on a plan; exits 4 while a blocker stands");
    cmd->add_option("PLAN", o->plan, "Plan id")->required();
    cmd->add_option("--revision", o->revision, "Revision number (default: the latest)")->check(CLI::PositiveNumber);
    cmd->add_flag("--json", o->json, "Print JSON for scripts");
    cmd->callback([&ctx, &exitCode, o] {
        const std::int64_t planId = parseRecordId(o->plan, "plan");
        const Plan plan = ctx.store().plans().get(planId);
        const PlanRevision r = ctx.store().plans().revision(planId, o->revision);
        const auto findings = checkPlan(ctx, plan, r);
        const SessionEstimate e = estimateSession(r, ctx.thresholds());
        if (o->json) {
            ctx.out() << Json{{"plan", planId},
                              {"revision", r.number},
                              {"blocked", hasBlocker(findings)},
                              {"session_minutes", e.sessionMinutes},
                              {"weekly_minutes", e.weeklyMinutes},
                              {"findings", findingsJson(findings)}}
                             .dump(2)
                      << '\n';
        } else {
            ctx.out() << (findings.empty() ? "no findings\n" : findingsText(findings)) << estimateText(r, ctx.thresholds());
        }
        exitCode = hasBlocker(findings) ? kExitBlocked : kExitOk;
    });
}

void addImport(CLI::App* plan, CliContext& ctx, int& exitCode)
{
    struct ImportOptions {
        std::string file, patient;
    };
    auto o = std::make_shared<ImportOptions>();
    CLI::App* cmd = plan->add_subcommand("import", "Make a new plan from a plan file and print its id");
    cmd->add_option("FILE", o->file, "A plan file (JSON), as 'plan export-json' writes")->required();
    cmd->add_option("--patient", o->patient, "For this patient (default: the file's patient id)");
    cmd->callback([&ctx, &exitCode, o] {
        const fs::path file(o->file);
        const PlanSpec spec =
            readJsonFile<PlanSpec>(file, kMaxPlanFileBytes, "plan file not imported:", parsePlanFile);
        std::int64_t patientId = 0;
        if (!o->patient.empty())
            patientId = parseRecordId(o->patient, "patient");
        else if (spec.patientId)
            patientId = *spec.patientId;
        else
            throw CliError(o->file + ": names no patient; give --patient ID");
        PlanRevision first;
        first.goals = spec.goals;
        first.reason = spec.reason.empty() ? "Imported from " + file.filename().string() : spec.reason;
        first.items = resolveOrThrow(spec.items, ctx);
        for (const SnapshotDiff& d : snapshotDiffs(first.items, ctx.load().catalog))
            ctx.err() << "warning: " << file.string() << ": " << d.message() << '\n';
        ctx.out() << ctx.store().plans().create(patientId, spec.title, first) << '\n';
        exitCode = kExitOk;
    });
}

void addListDiffTemplates(CLI::App* plan, CliContext& ctx, int& exitCode)
{
    auto patient = std::make_shared<std::string>();
    CLI::App* list = plan->add_subcommand("list", "A patient's plans");
    list->add_option("--patient", *patient, "Patient id")->required();
    list->callback([&ctx, &exitCode, patient] {
        const std::int64_t id = parseRecordId(*patient, "patient");
        ctx.store().patients().get(id);
        std::vector<std::vector<std::string>> rows{{"PLAN", "TITLE", "STATUS", "REVISIONS", "CREATED"}};
        for (const Plan& p : ctx.store().plans().listForPatient(id))
            rows.push_back({std::to_string(p.id), p.title, std::string(toString(p.status)),
                            std::to_string(p.latestRevision), p.createdAt});
        ctx.out() << table(rows);
        exitCode = kExitOk;
    });

    struct DiffOptions {
        std::string plan;
        int from = 0, to = 0;
    };
    auto d = std::make_shared<DiffOptions>();
    CLI::App* diffCmd = plan->add_subcommand("diff", "What changed between two revisions");
    diffCmd->add_option("PLAN", d->plan, "Plan id")->required();
    diffCmd->add_option("R1", d->from, "Earlier revision")->required()->check(CLI::PositiveNumber);
    diffCmd->add_option("R2", d->to, "Later revision")->required()->check(CLI::PositiveNumber);
    diffCmd->callback([&ctx, &exitCode, d] {
        const std::int64_t planId = parseRecordId(d->plan, "plan");
        const PlanRevision a = ctx.store().plans().revision(planId, d->from);
        const PlanRevision b = ctx.store().plans().revision(planId, d->to);
        ctx.out() << diffText(a, b, diff(a, b));
        exitCode = kExitOk;
    });

    CLI::App* templates = plan->add_subcommand("templates", "The plan templates to start a plan from");
    templates->callback([&ctx, &exitCode] {
        const PlanTemplateLoad load = loadPlanTemplates(builtInPlanTemplateDir());
        for (const Problem& p : load.problems)
            ctx.err() << "warning: " << p.format() << '\n';
        std::vector<std::vector<std::string>> rows{{"TEMPLATE", "EXERCISES", "TITLE"}};
        for (const PlanTemplate& t : load.templates)
            rows.push_back({t.id, std::to_string(t.items.size()), t.title});
        ctx.out() << table(rows);
        exitCode = kExitOk;
    });

    auto close = std::make_shared<std::string>();
    CLI::App* closeCmd = plan->add_subcommand("close", "Mark a plan closed (its history stays)");
    closeCmd->add_option("PLAN", *close, "Plan id")->required();
    closeCmd->callback([&ctx, &exitCode, close] {
        ctx.store().plans().setStatus(parseRecordId(*close, "plan"), PlanStatus::Closed);
        exitCode = kExitOk;
    });
}

} // namespace

void addPlanCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* plan = app.add_subcommand("plan", "Build, revise, compare and export exercise plans");
    plan->require_subcommand(1);
    addCreate(plan, ctx, exitCode);
    addRevise(plan, ctx, exitCode);
    addShowAndExport(plan, ctx, exitCode);
    addImport(plan, ctx, exitCode);
    addCheck(plan, ctx, exitCode);
    addListDiffTemplates(plan, ctx, exitCode);
}

} // namespace sp::cli
