#include "cli/PlanHandout.h"

#include "cli/GuidanceOutput.h"
#include "delivery/GuidanceGate.h"

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

delivery::DeliveryContext deliveryContext(CliContext& ctx)
{
    return {ctx.store(), ctx.load().catalog, ctx.thresholds(), ctx.clinicProfile(), CliContext::today()};
}

void printWarnings(CliContext& ctx, const std::string& file, const std::vector<std::string>& warnings)
{
    for (const std::string& w : warnings)
        ctx.err() << "warning: " << file << ": " << w << '\n';
}

void gated(const std::function<void()>& step)
{
    try {
        step();
    } catch (const delivery::BlockedError& e) {
        throw CliError("not done: the plan has a blocker (give --override-reason TEXT to go ahead anyway):\n" +
                           findingsText(e.blockers()),
                       kExitBlocked);
    }
}

void warnOverride(CliContext& ctx, std::size_t blockers)
{
    if (blockers > 0)
        ctx.err() << "warning: going ahead despite " << blockers
                  << " blocker(s); the override is in the audit log\n";
}

PlanHandout writePlanHandout(CliContext& ctx, std::int64_t planId, int revision, const HandoutOptions& o,
                             const std::string& action, const std::string& overrideReason, const fs::path& out)
{
    delivery::DeliveryContext dc = deliveryContext(ctx);
    delivery::WrittenHandout w;
    gated([&] { w = delivery::writePlanHandout(dc, planId, revision, o, action, overrideReason, out); });
    warnOverride(ctx, w.overridden.size());
    printWarnings(ctx, out.string(), w.warnings);
    return w.handout;
}

} // namespace sp::cli
