// Gathering what a handout says: the plan's items (from their snapshots), the guidance
// and red flags of their packs, the clinic's branding, and every picture decoded safely.
#pragma once

#include "core/Catalog.h"
#include "core/ClinicProfile.h"
#include "core/Date.h"
#include "core/Plan.h"
#include "handout/HandoutContent.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sp::handout {

// Input that cannot make a handout (invalid UTF-8, no exercises): what and where.
class HandoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct HandoutRequest {
    std::string patientName;
    std::string clinician;
    std::string planTitle;
    std::vector<std::string> goals;
    std::vector<PlanItem> items;
    Date date;
    std::optional<Date> nextFollowUp;
    std::string creationTimestamp; // "YYYY-MM-DDTHH:MM:SSZ"
};

// Throws HandoutError for invalid UTF-8 (naming the field) or a plan without exercises.
// Pictures that cannot be used become placeholders, each with a warning.
HandoutContent buildHandoutContent(const HandoutRequest& request, const Catalog& catalog,
                                   const ClinicProfile& clinic, std::vector<std::string>& warnings);

// buildHandoutContent in two steps: the texts, gathered without reading any file (so the
// desktop app can do it where the catalog lives, on the UI thread), then the pictures,
// read and decoded (on a worker thread: a file may be large or slow).
struct PendingPicture {
    std::size_t exercise = 0; // index into content.exercises
    std::string packFolder;   // the installed pack of the exercise's id
    std::string file;         // as the snapshot names it, relative to packFolder
    std::string where;        // `exercise "lumbar/bridge-hold"`, for the warning
};
struct HandoutDraft {
    HandoutContent content; // no picture and no logo yet
    std::vector<PendingPicture> pictures;
    std::string logo;       // the clinic logo's bytes
};
HandoutDraft draftHandoutContent(const HandoutRequest& request, const Catalog& catalog, const ClinicProfile& clinic,
                                 std::vector<std::string>& warnings);
HandoutContent decodePictures(HandoutDraft draft, std::vector<std::string>& warnings);

// "24 November 2026"
std::string longDate(const Date& date);

} // namespace sp::handout
