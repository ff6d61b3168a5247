// Bringing a database to this build's schema: the embedded migrations applied in order,
// with their C++ post-steps, inside one transaction. Internal to sp_db.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <functional>
#include <string>

namespace sp::db::sqlite {

// The version recorded in schema_migrations; 0 when the table is missing or empty.
int currentSchemaVersion(SQLite::Database& db);

// Applies every migration above the current version up to `target`, each recorded with
// `now()`, all in one BEGIN IMMEDIATE transaction; returns the version reached. Throws
// DbError(NewerSchema) when the database is already past this build.
int migrate(SQLite::Database& db, const std::filesystem::path& file, int target,
            const std::function<std::string()>& now);

} // namespace sp::db::sqlite
