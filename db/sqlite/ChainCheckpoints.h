// The audit chain's anchor outside the database: `<file>.chain`, a 0600 file beside it to
// which every audited write appends the id and hash of the newest entry once its
// transaction has committed. The chain alone proves nothing against someone who can
// rewrite the file and recompute every hash; the checkpoints are written as the entries
// are, so such a rewrite no longer matches them. An auditor compares the head printed by
// `db check` and `db backup` with a copy kept elsewhere. No SQLite here.
//
// Format: one line per checkpoint, "<entry id> <64 hex digits>\n", appended and fsync'd.
// A line cut short by a crash (a start of that shape) is ignored; the next append starts
// a line of its own after it.
#pragma once

#include "db/ClinicStore.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace sp::db::sqlite {

// `<database>.chain`
std::filesystem::path checkpointFileOf(const std::filesystem::path& database);

struct CheckpointFile {
    std::vector<AuditHead> checkpoints; // in file order
    std::vector<std::string> problems;  // lines that are not a checkpoint, by line number
};

// nullopt when there is no such file; DbError (Io) when it cannot be read.
std::optional<CheckpointFile> readCheckpoints(const std::filesystem::path& file);

// Appends one line (creating the file, 0600, when missing) and flushes it to disk.
// DbError (Io) on failure.
void appendCheckpoint(const std::filesystem::path& file, const AuditHead& head);

// A new checkpoint file (refusing an existing one) holding `heads`, flushed to disk: a
// backup's own anchor. DbError (Io) on failure.
void writeCheckpointFile(const std::filesystem::path& file, const std::vector<AuditHead>& heads);

} // namespace sp::db::sqlite
