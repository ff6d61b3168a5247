// The shared store's Session (db/store/Sql.h) over one SQLite connection: SQLite's own
// ?N parameters, its result codes turned into DbErrorKind. Internal to sp_db_sqlite.
#pragma once

#include "db/store/StoreContext.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <string_view>

namespace sp::db::sqlite {

// SQLite's spelling of what the shared SQL leaves to the engine.
store::Dialect sqliteDialect();

// The DbError kind for an SQLite result code (primary or extended).
DbErrorKind kindOfSqliteCode(int code);

// Rethrows the SQLite exception being handled as sql::SqlError; anything else unchanged.
[[noreturn]] void rethrowAsSqlError();

// Rethrows the exception being handled as a DbError saying what failed with `file`.
[[noreturn]] void rethrowFileError(const std::filesystem::path& file, std::string_view what);

class OwnerLock;

class SqliteSession final : public sql::Session {
public:
    SqliteSession(std::shared_ptr<OwnerLock> lock, SQLite::Database&& db) : m_lock(std::move(lock)), m_db(std::move(db))
    {
    }

    std::unique_ptr<sql::StatementImpl> prepare(std::string_view sql) override;
    void execute(const std::string& sql) override;
    // Write: BEGIN IMMEDIATE, taking the write lock (waiting up to the busy timeout) before
    // anything is read, so two processes never both read and then collide on the upgrade
    // to writing, which SQLite reports as SQLITE_BUSY at once. Read: BEGIN DEFERRED.
    void begin(sql::TxKind kind) override;
    void commit() override;
    void rollback() noexcept override;
    bool inTransaction() const override;

    SQLite::Database& db() { return m_db; }

private:
    std::shared_ptr<OwnerLock> m_lock; // first: released only after the connection has closed
    SQLite::Database m_db;
};

} // namespace sp::db::sqlite
