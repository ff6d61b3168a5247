// The audit chain of an SQLite file against its checkpoint file (ChainCheckpoints.h): a
// file can be rewritten whole by whoever can write it, so the check compares the chain
// with the heads written beside it as each entry committed. Internal to sp_db_sqlite.
#pragma once

#include "db/store/AuditLog.h"

#include <filesystem>

namespace sp::db::sqlite {

// The chain scanned, then compared with the checkpoints beside `file`; fills the report's
// auditChain, auditAnchor and auditHead. Starts the checkpoint file when there is none,
// and adds the head when the last checkpoint is behind it.
void checkAnchoredChain(const store::StoreContext& ctx, const std::filesystem::path& file, CheckReport& report);

// After a commit that appended `head`. Never throws: the change is committed by then, and
// a checkpoint that could not be written shows in the check as entries newer than the last.
void anchorCommittedAudit(const std::filesystem::path& file, const AuditHead& head) noexcept;

} // namespace sp::db::sqlite
