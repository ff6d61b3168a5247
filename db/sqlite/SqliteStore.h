// The SQLite backend of the clinic store: one file, opened by one call. Callers see only
// ClinicStore; nothing of SQLite leaks through this header.
#pragma once

#include "db/ClinicStore.h"

#include <filesystem>
#include <memory>

namespace sp::db {

// Opens the clinic database `file`, creating it (mode 0600) when it does not exist; its
// folder must exist. An existing file is checked read-only before anything is written to
// it, and refused untouched when it is not a StretchPlan database, is truncated or
// corrupt (DbErrorKind::NotADatabase) or was written by a newer StretchPlan
// (DbErrorKind::NewerSchema). Pending migrations are applied in one transaction.
std::unique_ptr<ClinicStore> openSqliteStore(const std::filesystem::path& file, const StoreOptions& options);

// The schema version this build writes: the number of the last migration it carries.
int latestSchemaVersion();

// For tests and tools: a new database `file` migrated only up to `version`
// (0 = the version table alone). Refuses an existing file.
void createSchemaAtVersion(const std::filesystem::path& file, int version);

} // namespace sp::db
