// How a committed change is announced to the other clients of a shared database: the
// audit entry's who, what and which record as a small JSON text (never patient data),
// written by the store inside the change's transaction and read back by a ChangeFeed.
// Internal to the store libraries.
#pragma once

#include "core/ClinicLog.h"
#include "db/ClinicStore.h"

#include <optional>
#include <string>

namespace sp::db::store {

// {"action":"amend","entity":"note","id":12,"patient":3,"actor":"ana"}
std::string changeAnnouncement(const AuditEntry& entry);

// The event in an announcement; nullopt for text that is not one (another program on the
// channel): it is ignored, never trusted further.
std::optional<ChangeEvent> parseChangeAnnouncement(const std::string& text);

} // namespace sp::db::store
