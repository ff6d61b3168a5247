// Making the PDF handout of a stored plan revision, shared by `plan export` and
// `plan email` so that an e-mailed handout is exactly the one `plan export` writes.
#pragma once

#include "cli/CliContext.h"
#include "handout/FontSet.h"
#include "handout/HandoutContent.h"
#include "handout/HandoutLayout.h"
#include "handout/HandoutTemplate.h"
#include "handout/PdfWriter.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sp::cli {

struct HandoutOptions {
    std::string templateName = "classic";
    std::string paper = "a4";
    bool largePrint = false;
    bool deterministic = false;

    // `templateOption` is "--template", or another name where --template means something else.
    void addTo(CLI::App* cmd, const std::string& templateOption = "--template");
};

// Everything a handout needs besides its content, loaded once per command.
struct Renderer {
    handout::HandoutTemplate tmpl;
    handout::LayoutOptions layout;
    handout::PdfOptions pdf;
    std::unique_ptr<handout::FontSet> fonts;

    explicit Renderer(const HandoutOptions& o);

    // Lays out and writes; returns the warnings (pictures replaced, missing characters).
    std::vector<std::string> write(const handout::HandoutContent& content, const std::filesystem::path& out) const;
};

// With --deterministic, the handout's own date and the file's timestamp are fixed, so
// the same plan gives the same bytes (for golden tests and reproducible archives).
inline constexpr const char* kDeterministicTimestamp = "2026-01-01T00:00:00Z";

std::string utcNow();

void printWarnings(CliContext& ctx, const std::string& file, const std::vector<std::string>& warnings);

// What was handed out: the records it came from and the dates it shows.
struct PlanHandout {
    Plan plan;
    PlanRevision revision;
    Patient patient;
    std::optional<Date> nextFollowUp;
    Date date;
};

// Reads the plan revision (0: the latest), holds it back while a guidance blocker stands
// (exit 4; `action` and the override reason go to the audit log), and writes the PDF to
// `out`, printing the layout's warnings. Logs nothing: the caller logs what it did with it.
PlanHandout writePlanHandout(CliContext& ctx, std::int64_t planId, int revision, const HandoutOptions& options,
                             const std::string& action, const std::string& overrideReason,
                             const std::filesystem::path& out);

} // namespace sp::cli
