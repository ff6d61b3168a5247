// The shared store's Session (db/store/Sql.h) over one libpqxx connection to a clinic's
// PostgreSQL server. Statements keep the shared SQL's ?N parameters (turned into $N here);
// every failure becomes an sql::SqlError whose kind says what the caller can do:
// Unavailable (the server cannot be reached or the connection broke: nothing was saved),
// InDoubt (it broke while a commit was on its way), Auth, Busy, or Internal.
// A broken connection is dropped; the next statement connects again. Internal to
// sp_db_postgres.
#pragma once

#include "db/store/StoreContext.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sp::db::postgres {

// The LISTEN/NOTIFY channel on which every committed change is announced (PgChangeFeed).
inline constexpr const char* kChangeChannel = "stretchplan_changes";

// The shared SQL's spelling on PostgreSQL.
store::Dialect postgresDialect();

// `sql` with every ?N outside quoted text and identifiers written $N.
std::string numberedParameters(std::string_view sql);

class PgSession final : public sql::Session {
public:
    // `conninfo`: keyword=value pairs for libpq (see PgConnect.h); `where` names the server
    // in messages ("host:port/database"); `lockTimeoutMs` bounds the wait for the write lock.
    PgSession(std::string conninfo, std::string where, int lockTimeoutMs);
    ~PgSession() override;

    std::unique_ptr<sql::StatementImpl> prepare(std::string_view sql) override;
    void execute(const std::string& sql) override;
    // Write: READ COMMITTED, then the clinic's write lock (a transaction-scoped advisory
    // lock): writers take turns, as with SQLite's BEGIN IMMEDIATE, so the audit chain gets
    // one link at a time. Read: one REPEATABLE READ, READ ONLY snapshot.
    void begin(sql::TxKind kind) override;
    void commit() override;
    void rollback() noexcept override;
    bool inTransaction() const override { return m_inTransaction; }

    // Connects now (the store does so at open, to report an unreachable server at once).
    void connect();
    const std::string& where() const { return m_where; }
    // What it connects with (the password included): for more connections of the same store.
    const std::string& conninfo() const { return m_conninfo; }

    // For the statements: runs `sql` with `params` (nullptr = NULL) on the connection.
    struct Result;
    std::shared_ptr<Result> run(const std::string& sql, const std::vector<std::optional<std::string>>& params);

private:
    struct Link; // the libpqxx connection and the transaction object statements run on
    Link& link();
    void drop() noexcept;
    [[noreturn]] void fail(std::string_view doing);
    template <class Work> void retryingOnNewConnection(Work&& work);

    std::string m_conninfo;
    std::string m_where;
    int m_lockTimeoutMs;
    std::unique_ptr<Link> m_link;
    bool m_inTransaction = false;
};

// The DbErrorKind for an SQLSTATE, or for a connection failure's message.
DbErrorKind kindOfSqlState(const std::string& sqlstate);
DbErrorKind kindOfConnectFailure(const std::string& message);

} // namespace sp::db::postgres
