// Writing down what was handed to the patient: a handout log row against the plan
// revision, with the PDF's SHA-256 (the store adds the audit entry, without the address).
#pragma once

#include "core/ClinicLog.h"
#include "db/ClinicStore.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace sp::delivery {

// `recipient`: the file name for a saved PDF, the printer (or print file) for a print,
// the address for an e-mail. Returns the stored record (with its id).
HandoutRecord logHandout(db::ClinicStore& store, std::int64_t revisionId, HandoutChannel channel,
                         const std::string& recipient, const std::filesystem::path& pdf,
                         const std::string& messageId = {});

} // namespace sp::delivery
