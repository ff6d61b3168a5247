// Exercises and dosages in pack files: strict parsing with pointer-named problems, and
// writing back in the same format (so a written exercise parses to an equal one).
#pragma once

#include "core/Exercise.h"
#include "core/JsonText.h"
#include "core/Problem.h"

#include <optional>
#include <string>

namespace sp {

// The exercise, or nullopt with every problem found added to `sink`. `pack` is left empty.
std::optional<Exercise> parseExercise(const Json& document, ProblemSink& sink);
std::optional<Dosage> parseDosage(const Json& value, const std::string& pointer, ProblemSink& sink);

// The pack format; `pack` is not written (a pack file does not name its own pack).
Json toJson(const Exercise& exercise);
Json toJson(const Dosage& dosage);

} // namespace sp
