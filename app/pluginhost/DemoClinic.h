// The demo clinic's branding, shipped in templates/branding/demo: it stands in on every
// handout until a clinic sets its own profile. And the reader of such a branding folder:
// clinic.json plus the logo file it names (the format is in templates/branding/README.md).
#pragma once

#include "core/ClinicProfile.h"
#include "core/Problem.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace sp {

// builtInDataDir()/templates/branding/demo
std::filesystem::path builtInBrandingDir();

struct ClinicLoad {
    std::optional<ClinicProfile> profile; // with the logo's bytes; nullopt when there is any problem
    std::vector<Problem> problems;        // every problem found, each with its pointer
};

// Reads `folder`/clinic.json (at most kMaxManifestBytes) and the logo it names, which
// must lie inside the folder and be at most kMaxClinicLogoBytes; validates the whole.
ClinicLoad loadClinicBranding(const std::filesystem::path& folder);

} // namespace sp
