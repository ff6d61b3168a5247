// The server backend of the clinic store: a clinic's PostgreSQL database, shared by every
// workstation. Callers see only ClinicStore; nothing of libpqxx leaks through this header.
#pragma once

#include "db/ClinicStore.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace sp::db {

// How a server store writes its portable copy (ClinicStore::backup): given by the opener,
// which knows the file backend (db/OpenStore.cpp).
using ServerBackup = std::function<AuditHead(ClinicStore& server, const std::filesystem::path& target)>;

// Connects to `location` (a postgresql:// URI or libpq's keyword=value form, see
// postgres/PgConnect.h) within the connect timeout and checks the schema. Throws DbError:
// Unavailable (no server there, unknown host, a time-out), Auth (user, password, TLS),
// NotADatabase (no StretchPlan schema, or an older one: `db init` brings it up to date),
// NewerSchema, Invalid (a location libpq cannot parse).
std::unique_ptr<ClinicStore> openPostgresStore(const std::string& location, const StoreOptions& options,
                                               ServerBackup backup);

// `db init`: creates the schema in an empty database, or brings an older one up to date.
// Returns the schema version.
int initPostgresDatabase(const std::string& location, const StoreOptions& options);

int latestPostgresSchemaVersion();

// Whether `password` signs in `location`'s user: a connection of its own, closed at once
// (what unlocks a locked workstation). Returns normally when it does. Throws DbError: Auth
// (a wrong password, a disabled account; an empty password is refused without asking, so
// that no password from PGPASSWORD or ~/.pgpass stands in for the one typed), Unavailable,
// Invalid.
void confirmServerPassword(const std::string& location, const std::string& password, int connectTimeoutS);

} // namespace sp::db
