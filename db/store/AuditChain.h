// The audit log's hash chain, as any backend must compute it: each entry's hash is the
// SHA-256 of a canonical text of its fields and the previous entry's hash, so changing,
// removing or reordering an entry breaks every link after it.
// No SQLite here: tests and other backends compute the same chain.
#pragma once

#include "core/ClinicLog.h"

#include <optional>
#include <string>

namespace sp::db {

// "sp-audit-v1\n" then prev_hash, at, actor, action, entity, entity_id, patient_id and
// details, each as <byte length>:<bytes>\n (a missing patient id is the bare line "-\n").
// Length prefixes make it unambiguous whatever bytes the fields hold.
std::string canonicalAuditText(const AuditEntry& entry);

// Lower-case hex SHA-256 of canonicalAuditText(entry); entry.id and entry.hash are ignored.
// Entries written before schema version 9 (format 1) are chained this way: their details
// held everything, an override's reason included.
std::string auditEntryHash(const AuditEntry& entry);

// Format 2, every entry since schema version 9: "sp-audit-v2\n", the same fields, then the
// entry's text digest (a missing one as "-\n"). The free text itself (entry.freeText) is
// not chained: it lives apart and is erased with the patient, and the chain verifies
// without it. The digest is salted so that, once salt and text are gone, it cannot
// confirm a guess at what the text said.
std::string canonicalAuditTextV2(const AuditEntry& entry, const std::optional<std::string>& textDigest);
std::string auditEntryHashV2(const AuditEntry& entry, const std::optional<std::string>& textDigest);

// Hex SHA-256 of "<salt>\n<text>".
std::string auditTextDigest(const std::string& salt, const std::string& text);

// 16 random bytes as hex, for auditTextDigest.
std::string newAuditTextSalt();

} // namespace sp::db
