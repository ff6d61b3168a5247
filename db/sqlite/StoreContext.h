// What the repositories of one open SQLite store share: the connection, the file named in
// every message, who is working and the clock; and the small helpers that turn SQLite's
// failures into DbError and move text, dates and enums in and out of columns.
// Internal to sp_db: it names SQLite types, so no caller may include it.
#pragma once

#include "db/ClinicStore.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sp::db::sqlite {

class OwnerLock;

struct StoreContext {
    StoreContext(std::shared_ptr<OwnerLock> ownerLock, SQLite::Database&& connection, std::filesystem::path path,
                 const StoreOptions& options);

    std::shared_ptr<OwnerLock> lock; // first: released only after the connection has closed
    SQLite::Database db;
    std::filesystem::path file;
    std::string actor;
    std::function<std::string()> clock; // never empty

    std::string now() const { return clock(); }

    // The entry appendAudit() added in the open write transaction; WriteTransaction::commit()
    // anchors it in the checkpoint file once it is committed.
    std::optional<AuditHead> uncommittedAuditHead;
};

// Appends ctx.uncommittedAuditHead to the chain's checkpoint file and clears it
// (AuditLog.cpp). Never throws: the change is committed by then, and a checkpoint that
// could not be written shows in check() as entries newer than the last checkpoint.
void checkpointCommittedAudit(StoreContext& ctx) noexcept;

// UTC now as ISO 8601 with milliseconds, "2025-03-01T09:30:00.123Z": the default clock.
std::string systemTimestamp();

// The DbError kind for an SQLite result code (primary or extended).
DbErrorKind kindOfSqliteCode(int code);

// Rethrows the exception being handled as a DbError saying what failed and in which file.
// Call only inside a catch block.
[[noreturn]] void rethrowAsDbError(const std::filesystem::path& file, std::string_view what);

// Runs `work`, turning every failure into a DbError that says what could not be done
// ("could not add a note (/path/clinic.db): database is locked"). DbErrors pass through.
template <class Work> auto guarded(const StoreContext& ctx, std::string_view what, Work&& work) -> decltype(work())
{
    try {
        return work();
    } catch (...) {
        rethrowAsDbError(ctx.file, what);
    }
}

// Every write is one transaction begun with BEGIN IMMEDIATE: the write lock is taken
// (waiting up to the busy timeout) before anything is read, so two processes never both
// read and then collide on the upgrade to writing, which SQLite reports as SQLITE_BUSY at
// once, without waiting. Rolls back in its destructor unless committed.
class WriteTransaction {
public:
    explicit WriteTransaction(StoreContext& ctx) : m_ctx(ctx), m_tx(ctx.db, SQLite::TransactionBehavior::IMMEDIATE)
    {
        m_ctx.uncommittedAuditHead.reset();
    }
    void commit()
    {
        m_tx.commit();
        checkpointCommittedAudit(m_ctx);
    }

private:
    StoreContext& m_ctx;
    SQLite::Transaction m_tx;
};

// Reads made of several statements see one snapshot, not a writer's half-way state.
// A no-op inside a transaction that is already open.
class ReadSnapshot {
public:
    explicit ReadSnapshot(const StoreContext& ctx);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    const SQLite::Database& m_db;
    bool m_began = false;
};

[[noreturn]] void throwInvalid(const std::vector<FieldError>& errors);
[[noreturn]] void throwNotFound(const std::string& message);
[[noreturn]] void throwCorruptRow(const std::string& what); // a stored value this build cannot read

// Text goes in bound with its byte length and comes out with it, so embedded NULs survive.
void bindText(SQLite::Statement& st, int index, std::string_view text);
std::string textOf(const SQLite::Column& column); // "" for NULL
void bindOptional(SQLite::Statement& st, int index, const std::optional<int>& value);
void bindOptional(SQLite::Statement& st, int index, const std::optional<std::int64_t>& value);
void bindOptional(SQLite::Statement& st, int index, const std::optional<Date>& value);
std::optional<int> optionalInt(const SQLite::Column& column);
std::optional<std::int64_t> optionalId(const SQLite::Column& column);
Date dateOf(const SQLite::Column& column);
std::optional<Date> optionalDate(const SQLite::Column& column);

// A Date built by hand may not be a real day; the store keeps only dates it can read back.
void requireRealDate(FieldErrors& errors, std::string_view field, const Date& date);

template <class E> E enumOf(const SQLite::Column& column)
{
    const std::string text = textOf(column);
    if (auto value = parseEnum<E>(text))
        return *value;
    throwCorruptRow("\"" + text + "\" in column " + column.getName() + " is not one of " + enumChoices<E>());
}

// The value of the first column of the first row of `sql` with `id` bound to ?1, if any row.
std::optional<std::int64_t> queryId(const StoreContext& ctx, const char* sql, std::int64_t id);

} // namespace sp::db::sqlite
