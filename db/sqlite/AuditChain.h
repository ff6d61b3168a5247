// The audit log's hash chain, as any backend must compute it: each entry's hash is the
// SHA-256 of a canonical text of its fields and the previous entry's hash, so changing,
// removing or reordering an entry breaks every link after it.
// No SQLite here: tests and other backends compute the same chain.
#pragma once

#include "core/ClinicLog.h"

#include <string>

namespace sp::db {

// "sp-audit-v1\n" then prev_hash, at, actor, action, entity, entity_id, patient_id and
// details, each as <byte length>:<bytes>\n (a missing patient id is the bare line "-\n").
// Length prefixes make it unambiguous whatever bytes the fields hold.
std::string canonicalAuditText(const AuditEntry& entry);

// Lower-case hex SHA-256 of canonicalAuditText(entry); entry.id and entry.hash are ignored.
std::string auditEntryHash(const AuditEntry& entry);

} // namespace sp::db
