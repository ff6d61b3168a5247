// Turning command-line words into model values. Each failure throws CliError (exit 3)
// naming the option and the value, before anything is written.
#pragma once

#include "core/Date.h"
#include "core/PlanSpec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sp::cli {

// A record id: a whole number of at least 1.
std::int64_t parseRecordId(const std::string& text, const std::string& what);
Date parseDateOption(const std::string& text, const std::string& option);
int parseIntOption(const std::string& text, const std::string& option, int min, int max);

// "ID[:sets=2,reps=10,hold_s=5,per_day=2,side=each,note=TEXT]". The note takes the rest
// of the text, commas included, so it must come last.
PlanItemSpec parseItemSpec(const std::string& text, const std::string& option);

// "DONE/PRESCRIBED", e.g. "10/14".
std::pair<int, int> parseAdherence(const std::string& text);

// "activity=score", e.g. "Putting on socks=4".
std::pair<std::string, int> parsePsfs(const std::string& text);

// "a,b,c" into its non-empty parts.
std::vector<std::string> splitList(const std::string& text, char separator = ',');

} // namespace sp::cli
