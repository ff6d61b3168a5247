// Erasing a patient from everything StretchPlan keeps: the records (the store's purge)
// and the handout PDFs in the outbox, which hold the patient's name and plan (copies kept
// after a failed send, temporaries a crashed process left). One function, so that every
// front end that purges (the command line's `patient purge`, the desktop app) erases the
// same things.
#pragma once

#include "db/ClinicStore.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace sp::delivery {

struct ErasureReport {
    db::Erasure database = db::Erasure::Complete;
    std::vector<std::filesystem::path> removedFiles;
    std::vector<std::string> problems; // files that could not be removed, with why
};

// Purges the patient from `store`, then removes from `outbox` every handout PDF of the
// patient's plans (plan-P-rN-…pdf, and .plan-P-….pdf being written) and the handout
// temporaries of processes that have ended. The outbox defaults to the one in the data
// folder; a missing outbox is nothing to remove. Throws DbError as purge() does, before
// any file is touched.
ErasureReport erasePatient(db::ClinicStore& store, std::int64_t patientId,
                           const std::filesystem::path& outbox = {});

} // namespace sp::delivery
