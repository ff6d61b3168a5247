// Exercises and dosages in pack files: strict parsing with pointer-named problems, and
// writing back in the same format (so a written exercise parses to an equal one).
#pragma once

#include "core/Exercise.h"
#include "core/JsonText.h"
#include "core/Problem.h"

#include <optional>
#include <string>
#include <string_view>

namespace sp {

// The exercise, or nullopt with every problem found added to `sink`. `pack` is left empty.
std::optional<Exercise> parseExercise(const Json& document, ProblemSink& sink);
std::optional<Dosage> parseDosage(const Json& value, const std::string& pointer, ProblemSink& sink);

// The rule for a file a pack file names (an image): a relative path inside the pack
// folder, "/" between folders, no "..". Returns the problem ("is an absolute path; ..."),
// or an empty string. It looks at the text only: whether the file is there is the
// loader's question (and, for a plan's snapshot, the handout's).
std::string packPathProblem(std::string_view relative);

// What an exercise says about its media that the text alone can break: each image path
// by packPathProblem, reported at "/media/images/N/file". The pack loader checks the same
// and then finds the files; a plan file's snapshot, whose pack folder is not its own to
// name, is held to it before anything is read.
void checkMediaPaths(const Exercise& exercise, ProblemSink& sink);

// The pack format; `pack` is not written (a pack file does not name its own pack).
Json toJson(const Exercise& exercise);
Json toJson(const Dosage& dosage);

} // namespace sp
