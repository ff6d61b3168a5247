// The large clinic database the DB benchmark runs on: 50,000 patients, 100,000 plans with
// 200,000 revisions, 500,000 follow-up notes, made through the real schema (the store
// creates and migrates the file) and filled with the rows of ClinicRows.h in one transaction.
#pragma once

#include "core/Date.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sp::bench {

inline constexpr int kPatients = 50000;
inline constexpr int kPlansPerPatient = 2;
inline constexpr int kRevisionsPerPlan = 2;
inline constexpr int kNotes = 500000;
// "Today" for the generated visits and the follow-ups-due queries.
inline constexpr Date kToday{2026, 11, 24};
// Bump when the generated rows change, so cached databases are made again.
inline constexpr int kGeneratorVersion = 2; // 2: rows from ClinicRows, each with its id

const std::vector<std::string>& firstNames();
const std::vector<std::string>& lastNames();
std::string asciiUpper(std::string text);

// Makes `file` unless a database of this generator version is there already (a stamp
// file beside it says which); the snapshot of each plan item is a built-in exercise read
// from `pluginsDir`. Returns a process exit code.
int makeClinicDatabase(const std::filesystem::path& file, const std::filesystem::path& pluginsDir);

} // namespace sp::bench
