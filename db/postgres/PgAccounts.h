// Accounts on a clinic server: who is signed in, and a password hashed the way the server
// stores it, on this side, so that the clear text never reaches the server (nor its log).
// Internal to sp_db_postgres.
#pragma once

#include "db/postgres/PgSession.h"

#include <string>

namespace sp::db::postgres {

// session_user's staff row; for a login without one (made before accounts, or the tables'
// owner), a StaffMember with the login as its name and the role its groups give: admin for
// stretchplan_admin, the owner and a superuser, clinician for stretchplan_app, reception
// for stretchplan_reception.
StaffMember signedInMember(PgSession& session);

// The SCRAM-SHA-256 verifier of `password` for `login` (libpq's PQencryptPasswordConn),
// computed on a connection of its own to the server of `conninfo`.
std::string scramVerifier(const std::string& conninfo, const std::string& login, const std::string& password);

} // namespace sp::db::postgres
