#include "db/postgres/PostgresStore.h"

#include "db/postgres/PgAccounts.h"
#include "db/postgres/PgChangeFeed.h"
#include "db/postgres/PgConnect.h"
#include "db/postgres/PgSchema.h"
#include "db/postgres/PgSession.h"
#include "db/store/SharedStore.h"

namespace sp::db {
namespace {

using namespace sp::db::postgres;
using store::Statement;

// The triggers that keep the records' invariants on the server (db/migrations/postgres).
constexpr const char* kGuardTriggers[] = {
    "audit_log_no_delete", "audit_log_no_truncate", "audit_log_no_update", "audit_texts_are_immutable",
    "audit_texts_are_kept", "follow_up_notes_are_kept", "follow_up_notes_change_only_by_amendment",
    "handout_log_is_immutable", "handout_log_is_kept", "latest_notes_follow_delete", "latest_notes_follow_insert",
    "latest_notes_follow_update", "note_version_psfs_are_immutable", "note_version_psfs_are_kept",
    "note_versions_are_immutable", "note_versions_are_kept", "patients_are_kept", "plan_items_are_immutable",
    "plan_items_are_kept", "plan_revisions_are_immutable", "plan_revisions_are_kept", "plans_are_kept",
    "psfs_scores_are_immutable"};

class PgBackend final : public store::StoreBackend {
public:
    PgBackend(store::StoreContext& ctx, PgSession& session, ServerBackup backup, std::string conninfo)
        : m_ctx(ctx), m_session(session), m_backup(std::move(backup)), m_conninfo(std::move(conninfo))
    {
    }
    // The store this backend is part of, for the backup (which reads through it).
    void setStore(ClinicStore* store) { m_self = store; }

    void committedAudit(const AuditHead&) noexcept override {} // the server's privileges anchor the chain
    void purging() override {}
    Erasure finishErasure() override { return Erasure::ByServer; }
    std::string passwordVerifier(const std::string& login, const std::string& password) override
    {
        return scramVerifier(m_session.conninfo(), login, password);
    }
    CheckResult integrity() override;
    CheckResult foreignKeys() override;
    void checkAuditChain(CheckReport& report) override;
    AuditHead backup(const std::filesystem::path& target) override
    {
        if (!m_backup || !m_self)
            throw DbError(DbErrorKind::Internal, "this server store was opened without a way to write a backup");
        return m_backup(*m_self, target);
    }
    int schemaVersion() override { return serverSchemaVersion(m_session); }
    std::unique_ptr<ChangeFeed> watchChanges() override { return makePgChangeFeed(m_conninfo); }

private:
    store::StoreContext& m_ctx;
    PgSession& m_session;
    ServerBackup m_backup;
    std::string m_conninfo; // for connections of the store's own, such as the change feed
    ClinicStore* m_self = nullptr;
};

CheckResult PgBackend::integrity()
{
    std::string names;
    for (const char* t : kGuardTriggers)
        names += std::string(names.empty() ? "" : ",") + "'" + t + "'";
    Statement st(*m_ctx.session, "SELECT n.name, t.tgenabled FROM unnest(ARRAY[" + names + "]) AS n(name) "
                                 "LEFT JOIN pg_trigger t ON t.tgname = n.name AND NOT t.tgisinternal ORDER BY n.name");
    std::string problems;
    while (st.executeStep()) {
        const std::string name = st.getColumn(0).getString();
        if (st.getColumn(1).isNull())
            problems += (problems.empty() ? "" : "; ") + ("trigger " + name + " is missing");
        else if (st.getColumn(1).getString() == "D")
            problems += (problems.empty() ? "" : "; ") + ("trigger " + name + " is disabled");
    }
    if (!problems.empty())
        return {false, problems + ": the server no longer guards the records against change"};
    return {true, "ok (" + std::to_string(std::size(kGuardTriggers)) + " guard triggers in place)"};
}

CheckResult PgBackend::foreignKeys()
{
    Statement st(*m_ctx.session, "SELECT conrelid::regclass::text, conname FROM pg_constraint "
                                 "WHERE connamespace = current_schema()::regnamespace AND NOT convalidated ORDER BY 1, 2");
    std::string problems;
    while (st.executeStep())
        problems += (problems.empty() ? "" : "; ") + st.getColumn(0).getString() + " constraint " +
                    st.getColumn(1).getString() + " is not validated";
    if (!problems.empty())
        return {false, problems};
    return {true, "ok"};
}

void PgBackend::checkAuditChain(CheckReport& report)
{
    const store::ChainScan scan = store::scanAuditChain(m_ctx);
    report.auditChain = scan.chain;
    report.auditHead = scan.head;
    // On a server the anchor is its privileges: the StretchPlan roles may only add entries.
    Statement st(*m_ctx.session,
                 "SELECT coalesce((SELECT bool_or(has_table_privilege(rolname, 'audit_log', 'UPDATE') OR "
                 "has_table_privilege(rolname, 'audit_log', 'DELETE') OR "
                 "has_table_privilege(rolname, 'audit_log', 'TRUNCATE')) OR count(*) < 3 "
                 "FROM pg_roles WHERE rolname IN ('stretchplan_app', 'stretchplan_admin', 'stretchplan_reception')), "
                 "true), "
                 "(SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'audit_log' "
                 "AND schemaname = current_schema())");
    st.executeStep();
    if (st.getColumn(0).getInt() != 0) {
        report.auditAnchor = {false, "a StretchPlan role (stretchplan_app, stretchplan_admin or "
                                     "stretchplan_reception) may change or remove audit entries (or is missing): "
                                     "the server no longer anchors the chain"};
        return;
    }
    report.auditAnchor = {true, "ok (the server lets the StretchPlan roles add audit entries, never change them)"};
    if (st.getColumn(1).getInt() != 0)
        report.auditAnchor = {true, "ok, but this check runs as the tables' owner, who can change entries: the app "
                                    "should sign in with a staff account", true};
}

std::unique_ptr<PgSession> connectSession(const std::string& location, const StoreOptions& options)
{
    const ConnectTarget target = connectTarget(location, options.password, options.connectTimeoutS);
    auto session = std::make_unique<PgSession>(target.conninfo, target.where, options.busyTimeoutMs);
    try {
        session->connect();
        if (target.viaService) {
            // A service file's server is known only once connected: the same TLS rule.
            Statement st(*session, "SELECT coalesce(host(inet_server_addr()), ''), "
                                   "coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)");
            st.executeStep();
            if (!isLoopbackHost(st.getColumn(0).getString()) && st.getColumn(1).getInt() == 0)
                throw DbError(DbErrorKind::Auth, "the server of " + target.where + " is not on this computer and "
                                                 "the connection is not encrypted: set sslmode=verify-full in the "
                                                 "service (or another sslmode, on purpose)");
        }
    } catch (const sql::SqlError& e) {
        throw DbError(e.kind(), e.what());
    }
    return session;
}

std::vector<FieldError> problemsOf(const StoreOptions& options)
{
    FieldErrors errors;
    errors.line("actor", options.actor, 1, 200);
    if (options.busyTimeoutMs < 0)
        errors.add("busyTimeoutMs", "must not be negative");
    if (options.connectTimeoutS < 1)
        errors.add("connectTimeoutS", "must be at least 1");
    return errors.list();
}

} // namespace

void confirmServerPassword(const std::string& location, const std::string& password, int connectTimeoutS)
{
    if (password.empty())
        throw DbError(DbErrorKind::Auth, "no password was typed");
    StoreOptions options;
    options.password = password;
    options.connectTimeoutS = connectTimeoutS;
    connectSession(location, options); // closed as it goes out of scope
}

std::unique_ptr<ClinicStore> openPostgresStore(const std::string& location, const StoreOptions& options,
                                               ServerBackup backup)
{
    if (auto problems = problemsOf(options); !problems.empty())
        store::throwInvalid(problems);
    auto session = connectSession(location, options);
    PgSession& pg = *session;
    try {
        requireCurrentSchema(pg);
    } catch (const sql::SqlError& e) {
        throw DbError(e.kind(), "could not read the schema version (" + pg.where() + "): " + e.what());
    }
    const std::string where = pg.where();
    StaffMember member;
    try {
        member = signedInMember(pg);
    } catch (const sql::SqlError& e) {
        throw DbError(e.kind(), "could not read who is signed in (" + where + "): " + e.what());
    }
    auto ctx = std::make_unique<store::StoreContext>(std::move(session), where, postgresDialect(), options);
    // The server records who: everything is written under the signed-in login, never
    // under StoreOptions::actor (the triggers of migration 0010 refuse another name).
    ctx->actor = member.login;
    ctx->signedIn = std::move(member);
    auto backend = std::make_unique<PgBackend>(*ctx, pg, std::move(backup), pg.conninfo());
    PgBackend& server = *backend;
    auto store = store::makeSharedStore(std::move(ctx), std::move(backend));
    server.setStore(store.get());
    return store;
}

int initPostgresDatabase(const std::string& location, const StoreOptions& options)
{
    if (auto problems = problemsOf(options); !problems.empty())
        store::throwInvalid(problems);
    auto session = connectSession(location, options);
    try {
        return initServerSchema(*session);
    } catch (...) {
        store::rethrowAsDbError(session->where(), "create the clinic schema");
    }
}

int latestPostgresSchemaVersion()
{
    return latestServerSchemaVersion();
}

} // namespace sp::db
