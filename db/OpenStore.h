// Opening the clinic database by what the user gives as its location: a file path (the
// embedded SQLite default, nothing to set up) or a clinic server (PostgreSQL): a
// postgresql:// URI, or libpq's keyword=value form such as "service=clinic".
#pragma once

#include "db/ClinicStore.h"

#include <memory>
#include <string>

namespace sp::db {

// True when `location` names a server rather than a file.
bool isServerLocation(const std::string& location);

// The location as it may be shown and remembered: a URI's password is left out.
std::string displayLocation(const std::string& location);

// Opens either kind (see openSqliteStore and openPostgresStore for what each throws).
std::unique_ptr<ClinicStore> openClinicStore(const std::string& location, const StoreOptions& options);

// `db init`: a file is created with the schema; a server's empty database gets the schema
// (or an older one is brought up to date). Returns the schema version.
int initClinicDatabase(const std::string& location, const StoreOptions& options);

// Whether `password` is that of the user `location` signs in (a server only): returns
// normally when it is; throws DbError Auth when not (or when it is empty), Unavailable when
// the server cannot be reached, Invalid for a file, which has no passwords.
void confirmPassword(const std::string& location, const std::string& password, int connectTimeoutS = 5);

// The schema version this build writes on that kind of location.
int latestSchemaVersionFor(const std::string& location);

} // namespace sp::db
