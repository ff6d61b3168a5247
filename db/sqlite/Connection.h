// Getting a connection to the clinic file safely: a new file is created with mode 0600
// before SQLite sees it; an existing one is checked read-only (header, size, schema,
// version) so that a file we refuse is left exactly as it was; then the read-write
// connection gets the settings every StretchPlan connection uses.
// Internal to sp_db.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>

namespace sp::db::sqlite {

// Creates `file` empty with mode 0600 (O_CREAT|O_EXCL). Returns false when it already
// exists (someone else just created it), throws DbError(Io) when the folder is missing or
// refuses, or when a leftover write-ahead log of an earlier file of that name would be
// replayed into the new one.
bool createEmptyFile(const std::filesystem::path& file);

// Read-only checks of an existing file; throws DbError(NotADatabase | NewerSchema | Io | Busy)
// and writes nothing. A zero-length file passes (SQLite's empty database).
void checkExistingFile(const std::filesystem::path& file);

// A read-write connection to an existing file with foreign_keys=ON, journal_mode=WAL,
// synchronous=FULL, secure_delete=ON and the busy timeout.
SQLite::Database openReadWrite(const std::filesystem::path& file, int busyTimeoutMs);

// The file's write-ahead log and shared-memory index, beside it.
std::filesystem::path walFileOf(const std::filesystem::path& file);
std::filesystem::path shmFileOf(const std::filesystem::path& file);

} // namespace sp::db::sqlite
