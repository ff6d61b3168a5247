#include "cli/GuidanceOutput.h"

#include "cli/TextFormat.h"
#include "delivery/GuidanceGate.h"

namespace sp::cli {

std::vector<Finding> checkPlan(CliContext& ctx, const Plan& plan, const PlanRevision& revision)
{
    return delivery::checkPlan(ctx.store(), ctx.load().catalog, ctx.thresholds(), CliContext::today(), plan, revision);
}

std::string findingsText(const std::vector<Finding>& findings)
{
    std::string out;
    for (const Finding& f : findings) {
        out += std::string(toString(f.severity)) + ": " + f.message + " [" + f.code + "]\n";
        if (!f.suggestions.empty())
            out += "    try: " + join(f.suggestions) + "\n";
    }
    return out;
}

Json findingsJson(const std::vector<Finding>& findings)
{
    Json out = Json::array();
    for (const Finding& f : findings)
        out.push_back({{"severity", toString(f.severity)},
                       {"code", f.code},
                       {"message", f.message},
                       {"items", f.items},
                       {"suggestions", f.suggestions}});
    return out;
}

} // namespace sp::cli
