// The handout of a stored plan revision: what it is made from and the PDF itself. Shared
// by `plan export`, `plan email` and the desktop app so that a previewed, printed, saved
// or e-mailed handout is exactly the one `plan export` writes.
#pragma once

#include "delivery/DeliveryContext.h"
#include "delivery/HandoutRenderer.h"
#include "handout/HandoutBuilder.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sp::delivery {

// What was handed out: the records it came from and the dates it shows.
struct PlanHandout {
    Plan plan;
    PlanRevision revision;
    Patient patient;
    std::optional<Date> nextFollowUp;
    Date date;
    std::string creationTimestamp;
    // Who hands it out: on a clinic server the signed-in person's full name; empty on a
    // file the clinic profile's handout name, else the patient's treating clinician, else
    // the revision's author is printed).
    std::string clinician;
};

// Reads the plan revision (0: the latest), its patient and the next booked follow-up.
// With `deterministic`, the date is the revision's own and the timestamp fixed.
PlanHandout readPlanHandout(DeliveryContext& ctx, std::int64_t planId, int revision, bool deterministic);

// The handout's content (pictures decoded, the packs' texts gathered); warnings added.
handout::HandoutContent planHandoutContent(const DeliveryContext& ctx, const PlanHandout& h,
                                           std::vector<std::string>& warnings);
// The same in two steps (see handout::draftHandoutContent): the texts here, the pictures
// with handout::decodePictures, which the desktop app runs on a worker thread.
handout::HandoutDraft planHandoutDraft(const DeliveryContext& ctx, const PlanHandout& h,
                                       std::vector<std::string>& warnings);

struct WrittenHandout {
    PlanHandout handout;
    std::vector<std::string> warnings;
    std::vector<Finding> overridden; // the blockers the override reason went past
};

// Reads the revision, holds it back while a guidance blocker stands (BlockedError; with
// an override reason, `action` and the reason go to the audit log), and writes the PDF to
// `out`. Logs nothing: the caller logs what it did with it (see HandoutLog.h).
WrittenHandout writePlanHandout(DeliveryContext& ctx, std::int64_t planId, int revision, const HandoutOptions& options,
                                const std::string& action, const std::string& overrideReason,
                                const std::filesystem::path& out);

} // namespace sp::delivery
