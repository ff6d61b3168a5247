// The clinic schema on a PostgreSQL server: created by `db init` in an empty database,
// brought up to date by it later, and checked at every open. Internal to sp_db_postgres.
#pragma once

#include "db/postgres/PgSession.h"

namespace sp::db::postgres {

// The version the server's schema_migrations records; 0 when the table is missing.
int serverSchemaVersion(PgSession& session);

// Creates the schema in an empty database, or applies the migrations a database made by
// an older StretchPlan lacks, each with its record, in one transaction. Run as the
// database's owner. Refuses (DbError NotADatabase) a database that holds tables of its
// own and no StretchPlan schema, and one written by a newer StretchPlan (NewerSchema).
// Creates the group roles (stretchplan_app, stretchplan_admin, stretchplan_reception) when
// they are missing and the owner may create roles; says what the administrator must run
// otherwise. Returns the version reached.
int initServerSchema(PgSession& session);

// At open: refuses a database without the schema, or at another version than this
// build's (older: `db init` brings it up to date; newer: update StretchPlan).
void requireCurrentSchema(PgSession& session);

int latestServerSchemaVersion();

} // namespace sp::db::postgres
