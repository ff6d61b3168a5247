// A pack's manifest.json and guidance.json: strict parsing and writing back.
#pragma once

#include "core/Exercise.h"
#include "core/JsonText.h"
#include "core/Problem.h"

#include <optional>

namespace sp {

// The manifest, or nullopt with its problems; an api newer than kPackApi is refused.
std::optional<PackManifest> parseManifest(const Json& document, ProblemSink& sink);
std::optional<PackGuidance> parseGuidance(const Json& document, ProblemSink& sink);

Json toJson(const PackManifest& manifest);
Json toJson(const PackGuidance& guidance);

// "1.2.3": three dot-separated runs of digits.
bool isValidVersion(std::string_view version);

} // namespace sp
