#include "cli/ArgParsing.h"
#include "cli/Commands.h"
#include "cli/RecordFormat.h"

#include <memory>
#include <ostream>

namespace sp::cli {
namespace {

struct NoteOptions {
    std::string patient, plan, date, adherence, nextDue;
    std::string pain, painWorst, painBest;
    std::vector<std::string> psfs;
    std::string subjective, objective, assessment, planText;
};

// The revision the note follows: the given plan's latest, or the patient's only active
// plan's latest; none when the patient has no active plan.
std::optional<std::int64_t> followedRevision(CliContext& ctx, std::int64_t patientId, const std::string& planText)
{
    auto& plans = ctx.store().plans();
    if (!planText.empty()) {
        const Plan plan = plans.get(parseRecordId(planText, "plan"));
        if (plan.patientId != patientId)
            throw CliError("plan " + std::to_string(plan.id) + " belongs to another patient, not patient " +
                           std::to_string(patientId));
        return plans.revision(plan.id).id;
    }
    std::vector<Plan> active;
    for (const Plan& p : plans.listForPatient(patientId))
        if (p.status == PlanStatus::Active)
            active.push_back(p);
    if (active.size() > 1)
        throw CliError("patient " + std::to_string(patientId) + " has " + std::to_string(active.size()) +
                       " active plans; say which with --plan");
    if (active.empty())
        return std::nullopt;
    return plans.revision(active[0].id).id;
}

} // namespace

void addNoteCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* note = app.add_subcommand("note", "Record and read follow-up notes");
    note->require_subcommand(1);

    auto o = std::make_shared<NoteOptions>();
    CLI::App* add = note->add_subcommand("add", "Record a follow-up visit and print the note id");
    add->add_option("--patient", o->patient, "Patient id")->required();
    add->add_option("--plan", o->plan, "The plan followed (default: the patient's only active plan)");
    add->add_option("--pain", o->pain, "Pain now, NPRS 0-10")->required();
    add->add_option("--pain-worst", o->painWorst, "Worst pain since the last visit, 0-10");
    add->add_option("--pain-best", o->painBest, "Best (lowest) pain since the last visit, 0-10");
    add->add_option("--adherence", o->adherence, "Sessions done/prescribed since the last visit, e.g. 10/14");
    add->add_option("--psfs", o->psfs, "A PSFS activity and its score, \"activity=score\" (repeatable, up to 5)");
    add->add_option("--subjective", o->subjective, "S: what the patient reports");
    add->add_option("--objective", o->objective, "O: what you measured or saw");
    add->add_option("--assessment", o->assessment, "A: your assessment");
    add->add_option("--plan-text", o->planText, "P: what happens next");
    add->add_option("--next-due", o->nextDue, "Next follow-up, YYYY-MM-DD");
    add->add_option("--date", o->date, "Visit date, YYYY-MM-DD (default today)");
    add->callback([&ctx, &exitCode, o] {
        FollowUpNote n;
        n.patientId = parseRecordId(o->patient, "patient");
        n.visitDate = o->date.empty() ? CliContext::today() : parseDateOption(o->date, "--date");
        n.painNow = parseIntOption(o->pain, "--pain", 0, 10);
        if (!o->painWorst.empty())
            n.painWorst = parseIntOption(o->painWorst, "--pain-worst", 0, 10);
        if (!o->painBest.empty())
            n.painBest = parseIntOption(o->painBest, "--pain-best", 0, 10);
        if (!o->adherence.empty()) {
            const auto [done, prescribed] = parseAdherence(o->adherence);
            n.sessionsDone = done;
            n.sessionsPrescribed = prescribed;
        }
        for (const std::string& p : o->psfs) {
            auto [activity, score] = parsePsfs(p);
            n.psfs.push_back({activity, score});
        }
        n.subjective = o->subjective;
        n.objective = o->objective;
        n.assessment = o->assessment;
        n.planText = o->planText;
        if (!o->nextDue.empty())
            n.nextDue = parseDateOption(o->nextDue, "--next-due");
        ctx.store().patients().get(n.patientId);
        n.revisionId = followedRevision(ctx, n.patientId, o->plan);
        ctx.out() << ctx.store().notes().add(n) << '\n';
        exitCode = kExitOk;
    });

    struct ListOptions {
        std::string patient;
        bool json = false;
    };
    auto l = std::make_shared<ListOptions>();
    CLI::App* list = note->add_subcommand("list", "A patient's follow-up notes, newest first");
    list->add_option("--patient", l->patient, "Patient id")->required();
    list->add_flag("--json", l->json, "Print JSON for scripts");
    list->callback([&ctx, &exitCode, l] {
        const std::int64_t id = parseRecordId(l->patient, "patient");
        ctx.store().patients().get(id);
        const auto notes = ctx.store().notes().listForPatient(id);
        if (l->json) {
            Json out = Json::array();
            for (const FollowUpNote& n : notes)
                out.push_back(noteJson(n));
            ctx.out() << out.dump(2) << '\n';
        } else {
            for (const FollowUpNote& n : notes)
                ctx.out() << noteDetails(n) << '\n';
            if (notes.empty())
                ctx.err() << "no notes for patient " << id << '\n';
        }
        exitCode = kExitOk;
    });

    CLI::App* followups = app.add_subcommand("followups", "Follow-ups that are due");
    followups->require_subcommand(1);
    struct DueOptions {
        std::string until;
        bool json = false;
    };
    auto d = std::make_shared<DueOptions>();
    CLI::App* due = followups->add_subcommand("due", "Patients due or overdue for a follow-up");
    due->add_option("--until", d->until, "Up to this date, YYYY-MM-DD (default today)");
    due->add_flag("--json", d->json, "Print JSON for scripts");
    due->callback([&ctx, &exitCode, d] {
        const Date today = CliContext::today();
        const Date until = d->until.empty() ? today : parseDateOption(d->until, "--until");
        const auto list = ctx.store().notes().due(until);
        if (d->json) {
            Json out = Json::array();
            for (const db::FollowUpDue& item : list)
                out.push_back(dueJson(item, today));
            ctx.out() << out.dump(2) << '\n';
        } else if (list.empty()) {
            ctx.err() << "no follow-ups due by " << until.toString() << '\n';
        } else {
            ctx.out() << dueTable(list, today);
        }
        exitCode = kExitOk;
    });
}

} // namespace sp::cli
