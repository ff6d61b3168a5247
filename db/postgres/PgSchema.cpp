#include "db/postgres/PgSchema.h"

#include "db/store/EmbeddedMigrations.h"

namespace sp::db::postgres {
namespace {

using store::Statement;

std::int64_t scalar(PgSession& session, const std::string& sql)
{
    Statement st(session, sql);
    return st.executeStep() ? st.getColumn(0).getInt64() : 0;
}

const std::vector<store::EmbeddedMigration>& checkedMigrations()
{
    const auto& list = embeddedMigrations();
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].version != static_cast<int>(i) + 1)
            throw DbError(DbErrorKind::Internal, "the embedded migrations are not numbered 1, 2, ... without gaps");
    return list;
}

std::string newerMessage(const PgSession& session, int found)
{
    return "the database on " + session.where() + " was written by a newer StretchPlan (schema " +
           std::to_string(found) + "; this version reads up to " + std::to_string(latestServerSchemaVersion()) +
           "). Update StretchPlan to use it; nothing was changed.";
}

// The group roles the migrations grant to, one per StretchPlan role (migration 0010):
// stretchplan_app is the clinicians' (the role every login had before accounts),
// stretchplan_admin is a member of it, stretchplan_reception stands apart. Roles belong to
// the whole server, so another clinic database there may have made them already.
struct GroupRole {
    const char* name;
    const char* create;
};
constexpr GroupRole kGroupRoles[] = {
    {"stretchplan_app", "CREATE ROLE stretchplan_app NOLOGIN"},
    {"stretchplan_admin", "CREATE ROLE stretchplan_admin NOLOGIN IN ROLE stretchplan_app"},
    {"stretchplan_reception", "CREATE ROLE stretchplan_reception NOLOGIN"},
};

void ensureGroupRoles(PgSession& session)
{
    for (const GroupRole& role : kGroupRoles) {
        if (scalar(session, std::string("SELECT count(*) FROM pg_roles WHERE rolname = '") + role.name + "'") > 0)
            continue;
        try {
            session.execute(role.create);
        } catch (const sql::SqlError& e) {
            std::string all;
            for (const GroupRole& r : kGroupRoles)
                all += std::string(r.create) + "; ";
            throw DbError(DbErrorKind::Auth, std::string("the group role ") + role.name + " does not exist, and this "
                                             "user may not create it (" + e.what() + "). Ask the server's "
                                             "administrator to run what is missing of: " + all +
                                             "then run db init again.");
        }
    }
}

} // namespace

int latestServerSchemaVersion()
{
    return static_cast<int>(checkedMigrations().size());
}

int serverSchemaVersion(PgSession& session)
{
    if (scalar(session, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                        "AND tablename = 'schema_migrations'") == 0)
        return 0;
    return static_cast<int>(scalar(session, "SELECT coalesce(max(version), 0) FROM schema_migrations"));
}

int initServerSchema(PgSession& session)
{
    int version = serverSchemaVersion(session);
    if (version == 0) {
        const auto others = scalar(session, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
        if (others > 0)
            throw DbError(DbErrorKind::NotADatabase,
                          "the database on " + session.where() + " already holds " + std::to_string(others) +
                              " tables and no StretchPlan schema: db init needs an empty database, and changed nothing");
    }
    if (version > latestServerSchemaVersion())
        throw DbError(DbErrorKind::NewerSchema, newerMessage(session, version));
    if (version == latestServerSchemaVersion())
        return version;
    ensureGroupRoles(session);
    session.begin(sql::TxKind::Write);
    try {
        // Read again under the write lock: another db init may have run meanwhile.
        version = serverSchemaVersion(session);
        session.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                        "name text NOT NULL, applied_at text NOT NULL); "
                        "REVOKE ALL ON schema_migrations FROM PUBLIC; "
                        "GRANT SELECT ON schema_migrations TO stretchplan_app");
        for (const store::EmbeddedMigration& m : checkedMigrations()) {
            if (m.version <= version)
                continue;
            session.execute(std::string(m.sql));
            Statement record(session, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)");
            record.bind(1, m.version);
            record.bindText(2, m.name);
            record.bindText(3, store::systemTimestamp());
            record.exec();
            version = m.version;
        }
        session.commit();
    } catch (...) {
        session.rollback();
        throw;
    }
    return version;
}

void requireCurrentSchema(PgSession& session)
{
    const int version = serverSchemaVersion(session);
    if (version == 0)
        throw DbError(DbErrorKind::NotADatabase,
                      "the database on " + session.where() + " holds no StretchPlan schema. To start a clinic "
                      "database there, run as its owner: stretchplan-cli --db <location> db init");
    if (version > latestServerSchemaVersion())
        throw DbError(DbErrorKind::NewerSchema, newerMessage(session, version));
    if (version < latestServerSchemaVersion())
        throw DbError(DbErrorKind::NotADatabase,
                      "the database on " + session.where() + " has schema " + std::to_string(version) +
                          " and this StretchPlan needs " + std::to_string(latestServerSchemaVersion()) +
                          ": the database's owner brings it up to date with stretchplan-cli --db <location> db init");
}

} // namespace sp::db::postgres
