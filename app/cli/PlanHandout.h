// The command line's side of making handouts: the handout options, the delivery context
// from CliContext, and a blocker turned into exit 4. The handout itself is made by
// sp_delivery, as the desktop app makes it.
#pragma once

#include "cli/CliContext.h"
#include "delivery/DeliveryContext.h"
#include "delivery/HandoutRenderer.h"
#include "delivery/PlanHandout.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace sp::cli {

struct HandoutOptions : delivery::HandoutOptions {
    // `templateOption` is "--template", or another name where --template means something else.
    void addTo(CLI::App* cmd, const std::string& templateOption = "--template");
};

using delivery::kDeterministicTimestamp;
using delivery::PlanHandout;
using delivery::utcNow;

// The records, catalog, thresholds, branding and date a handout of a stored plan reads.
delivery::DeliveryContext deliveryContext(CliContext& ctx);

void printWarnings(CliContext& ctx, const std::string& file, const std::vector<std::string>& warnings);

// Runs `step`; a BlockedError becomes exit 4 listing the blockers, as `plan check` shows
// them; going past one with an override reason prints a warning.
void gated(const std::function<void()>& step);
void warnOverride(CliContext& ctx, std::size_t blockers);

// Reads the plan revision (0: the latest), holds it back while a guidance blocker stands
// (exit 4; `action` and the override reason go to the audit log), and writes the PDF to
// `out`, printing the layout's warnings. Logs nothing: the caller logs what it did with it.
PlanHandout writePlanHandout(CliContext& ctx, std::int64_t planId, int revision, const HandoutOptions& options,
                             const std::string& action, const std::string& overrideReason,
                             const std::filesystem::path& out);

} // namespace sp::cli
