#include "cli/PlanHandout.h"

#include "cli/GuidanceOutput.h"
#include "cli/TextFormat.h"
#include "core/Enums.h"
#include "handout/HandoutBuilder.h"
#include "handout/HandoutTemplateFiles.h"
#include "handout/Paper.h"
#include "pluginhost/PluginDirs.h"

#include <ctime>
#include <ostream>

namespace fs = std::filesystem;

namespace sp::cli {

void HandoutOptions::addTo(CLI::App* cmd, const std::string& templateOption)
{
    cmd->add_option(templateOption, templateName, "Handout template (classic, compact, or one in templates/handouts)");
    cmd->add_option("--paper", paper, "Paper size")->check(CLI::IsMember({"a4", "letter"}));
    cmd->add_flag("--large-print", largePrint, "Body text of at least 16 pt, everything re-flowed");
    cmd->add_flag("--deterministic", deterministic, "Fixed dates and ids: the same input gives the same bytes");
}

Renderer::Renderer(const HandoutOptions& o)
{
    const auto load = handout::loadHandoutTemplates(builtInDataDir() / "templates" / "handouts");
    const handout::HandoutTemplate* found = nullptr;
    std::vector<std::string> ids;
    for (const auto& t : load.templates) {
        ids.push_back(t.id);
        if (t.id == o.templateName)
            found = &t;
    }
    if (!found) {
        std::string problems;
        for (const Problem& p : load.problems)
            problems += "\n" + p.format();
        throw CliError("no handout template \"" + o.templateName + "\" (available: " + join(ids) + ")" + problems);
    }
    tmpl = *found;
    layout.page = handout::pageSize(*parseEnum<handout::Paper>(o.paper));
    layout.largePrint = o.largePrint;
    pdf.deterministic = o.deterministic;
    fonts = std::make_unique<handout::FontSet>();
}

std::vector<std::string> Renderer::write(const handout::HandoutContent& content, const fs::path& out) const
{
    handout::LaidOutDocument doc = handout::layoutHandout(content, tmpl, layout, *fonts);
    handout::writePdfFile(doc, pdf, out);
    return doc.warnings;
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

void printWarnings(CliContext& ctx, const std::string& file, const std::vector<std::string>& warnings)
{
    for (const std::string& w : warnings)
        ctx.err() << "warning: " << file << ": " << w << '\n';
}

PlanHandout writePlanHandout(CliContext& ctx, std::int64_t planId, int revision, const HandoutOptions& o,
                             const std::string& action, const std::string& overrideReason, const fs::path& out)
{
    auto& store = ctx.store();
    PlanHandout h{store.plans().get(planId), store.plans().revision(planId, revision), {}, {}, {}};
    h.patient = store.patients().get(h.plan.patientId);
    enforceGuidance(ctx, h.plan, h.revision, action, overrideReason);
    const Renderer renderer(o);

    handout::HandoutRequest request;
    request.patientName = h.patient.name;
    request.clinician = h.patient.clinician.empty() ? h.revision.author : h.patient.clinician;
    request.planTitle = h.plan.title;
    request.goals = h.revision.goals;
    request.items = h.revision.items;
    const auto notes = store.notes().listForPatient(h.patient.id);
    if (!notes.empty())
        h.nextFollowUp = notes.front().nextDue;
    request.nextFollowUp = h.nextFollowUp;
    h.date = o.deterministic ? Date::parse(h.revision.createdAt.substr(0, 10)).value_or(CliContext::today())
                             : CliContext::today();
    request.date = h.date;
    request.creationTimestamp = o.deterministic ? kDeterministicTimestamp : utcNow();
    std::vector<std::string> warnings;
    const auto content = handout::buildHandoutContent(request, ctx.load().catalog, ctx.clinicProfile(), warnings);
    const auto more = renderer.write(content, out);
    warnings.insert(warnings.end(), more.begin(), more.end());
    printWarnings(ctx, out.string(), warnings);
    return h;
}

} // namespace sp::cli
