// The changes other clients commit to the clinic server, as it announces them on the
// change channel (LISTEN/NOTIFY): a connection of its own, on a thread of its own that
// waits for announcements, so that polling never blocks the app. A lost connection is
// made again (every two seconds until the server answers), followed by a resync event,
// since announcements made meanwhile are gone. Internal to sp_db_postgres.
#pragma once

#include "db/ClinicStore.h"

#include <memory>
#include <string>

namespace sp::db::postgres {

// `conninfo` as PgConnect's connectTarget gives it.
std::unique_ptr<ChangeFeed> makePgChangeFeed(std::string conninfo);

} // namespace sp::db::postgres
