// The rows of the generated clinic (ClinicData.h), whatever engine they go into: one
// generator, seeded, so the SQLite file and the PostgreSQL database hold the same rows.
// Each table comes whole before the next, in an order that keeps every foreign key
// (patients, their name words, plans, revisions, items, notes, PSFS scores), every row
// with its own id, as a bulk load (SQLite inserts, PostgreSQL COPY) wants them.
#pragma once

#include "core/Exercise.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sp::bench {

// NULL, an integer or a text (valid until row() returns).
using Value = std::variant<std::monostate, std::int64_t, std::string_view>;

class RowSink {
public:
    virtual ~RowSink() = default;
    virtual void beginTable(const std::string& table, const std::vector<std::string>& columns) = 0;
    virtual void row(const std::vector<Value>& values) = 0;
    virtual void endTable() = 0;
};

// The plan items' exercises: each built-in exercise and its snapshot in the pack format.
struct ExerciseSnapshots {
    std::vector<Exercise> exercises;
    std::vector<std::string> snapshots;
};
// The built-in exercises of `pluginsDir`; throws when there are none.
ExerciseSnapshots loadExerciseSnapshots(const std::string& pluginsDir);

// Every row of the clinic, into `sink`.
void generateClinicRows(RowSink& sink, const ExerciseSnapshots& exercises);

// The ids the generator gives: those of table `t` run 1..count (patients, plans,
// plan_revisions, plan_items, follow_up_notes), so a loader can set each sequence after them.
const std::vector<std::string>& tablesWithGeneratedIds();

} // namespace sp::bench
