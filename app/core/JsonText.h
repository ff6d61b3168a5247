// Parsing JSON text strictly: syntax, UTF-8, duplicate keys and nesting depth are checked
// while reading, and each problem is reported with the pointer of the value being read.
#pragma once

#include "core/Problem.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace sp {

using Json = nlohmann::json;

// The nesting cap for every file a pack holds (documented in plugins/README.md).
inline constexpr int kMaxJsonDepth = 16;

// The document, or nullopt with the problem added to `sink`.
std::optional<Json> parseJsonText(std::string_view text, ProblemSink& sink, int maxDepth = kMaxJsonDepth);

} // namespace sp
