// Reading a JSON file the user names (a plan file, the guidance settings): size-capped,
// strictly parsed, and every problem reported in one CliError naming file and pointer.
#pragma once

#include "cli/CliContext.h"
#include "core/JsonText.h"
#include "core/Problem.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sp::cli {

// "\n<problem>" for each problem.
std::string problemLines(const std::vector<Problem>& problems);

// The document in `file`, or a CliError starting with `failure` and listing each problem.
Json readJsonFile(const std::filesystem::path& file, std::uintmax_t maxBytes, const std::string& failure);

// Reads `file` and parses it with `parse` (e.g. parsePlanFile); throws as readJsonFile does.
template <class T>
T readJsonFile(const std::filesystem::path& file, std::uintmax_t maxBytes, const std::string& failure,
               const std::function<std::optional<T>(const Json&, ProblemSink&)>& parse)
{
    const Json doc = readJsonFile(file, maxBytes, failure);
    std::vector<Problem> problems;
    ProblemSink sink(file.string(), problems);
    if (auto value = parse(doc, sink))
        return std::move(*value);
    throw CliError(failure + problemLines(problems));
}

} // namespace sp::cli
