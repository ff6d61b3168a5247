// No lost update: the rules by which a change made from an old read is refused, and the
// messages that say who saved what, and when. Every check runs inside the write
// transaction (where the writer is alone), so what it compares cannot change before the
// commit. Internal to the store libraries.
#pragma once

#include "core/Patient.h"
#include "db/store/StoreContext.h"

#include <cstdint>
#include <string>

namespace sp::db::store {

// Throws DbError(Conflict) unless `baseRevision` is the plan's latest revision number.
void requireLatestRevision(const StoreContext& ctx, std::int64_t planId, int baseRevision);

// Throws DbError(Conflict) unless `version` is the note's current version.
void requireCurrentNoteVersion(const StoreContext& ctx, std::int64_t noteId, int currentVersion, int version);

// `stored` with the fields in which `edited` differs from `read` set to `edited`'s. Throws
// DbError(Conflict) when someone else changed one of those fields to another value since
// `read` (named, with who last updated the patient and when, from the audit log).
Patient mergePatientEdit(const StoreContext& ctx, const Patient& stored, const Patient& read, const Patient& edited);

} // namespace sp::db::store
