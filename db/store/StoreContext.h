// What the repositories of one open store share, whatever the engine: the session, where
// the data lives (named in every message), who is working and the clock; and the small
// helpers that turn failures into DbError and move text, dates and enums in and out of
// columns. Internal to the store libraries: callers see only ClinicStore.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/Sql.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sp::db::store {

using sql::Column;
using sql::Statement;

// Where the SQL of the two engines differs, in the few places the shared SQL needs.
struct Dialect {
    std::string searchIndexHint;  // " INDEXED BY patients_search_cover" (SQLite), or "": no hints
    std::string orderedJoin;      // " CROSS JOIN " where that fixes the join order (SQLite), else " JOIN "
    std::string maxCharSuffix;    // " || char(1114111)": appends U+10FFFF to the text before it
    std::string auditSequenceSql; // the highest audit id ever issued, or "" when ids may have gaps
    std::string identityResetSql; // after rows came in with their own ids: {table} set to go on after them
    std::string notifySql;        // announces a committed change (?1: its JSON) to other clients, or ""
};

// What one engine does beyond running SQL, called by the shared code at fixed points.
class StoreHooks {
public:
    virtual ~StoreHooks() = default;
    // A write transaction committed that appended the audit entry `head`. Never throws.
    virtual void committedAudit(const AuditHead& head) noexcept = 0;
    // Inside a purge's transaction, before it commits.
    virtual void purging() = 0;
    // After a purge committed: how far the bytes are gone.
    virtual Erasure finishErasure() = 0;
    // Accounts (a server only): `password` as the server stores it for `login`, hashed on
    // this side. Without accounts (an SQLite file) throws DbError(Invalid).
    virtual std::string passwordVerifier(const std::string& login, const std::string& password);
};

// The message of a DbError(Invalid) about accounts on a store without them.
inline constexpr const char* kNoAccounts = "accounts exist only on a clinic server";

struct StoreContext {
    StoreContext(std::unique_ptr<sql::Session> session, std::string where, Dialect dialect,
                 const StoreOptions& options);

    std::unique_ptr<sql::Session> session;
    std::string where;   // "/path/clinic.db", "host:port/database": named in every message
    Dialect dialect;
    std::string actor;                  // on a server: the signed-in login (signedIn->login)
    std::optional<StaffMember> signedIn; // a server's signed-in person; nullopt on a file (no accounts)
    std::function<std::string()> clock; // never empty
    StoreHooks* hooks = nullptr;        // set by the backend once it is built

    std::string now() const { return clock(); }

    // The entry appendAudit() added in the open write transaction; WriteTransaction::commit()
    // hands it to hooks->committedAudit once it is committed.
    std::optional<AuditHead> uncommittedAuditHead;
};

// UTC now as ISO 8601 with milliseconds, "2025-03-01T09:30:00.123Z": the default clock.
std::string systemTimestamp();

// Rethrows the exception being handled as a DbError saying what failed and where.
// Call only inside a catch block.
[[noreturn]] void rethrowAsDbError(const std::string& where, std::string_view what);

// The same, knowing who is signed in: a refusal of the server's privileges becomes
// DbError(Forbidden) saying which role may not do what, without the server's SQL words:
// "reception may not list the notes of patient 3 (signed in as front.desk)".
[[noreturn]] void rethrowAsDbError(const StoreContext& ctx, std::string_view what);

// Runs `work`, turning every failure into a DbError that says what could not be done
// ("could not add a note (/path/clinic.db): database is locked"). DbErrors pass through.
template <class Work> auto guarded(const StoreContext& ctx, std::string_view what, Work&& work) -> decltype(work())
{
    try {
        return work();
    } catch (...) {
        rethrowAsDbError(ctx, what);
    }
}

// Every write is one transaction in which the writer is alone (SQLite's BEGIN IMMEDIATE,
// an advisory lock on a server): what it reads before it writes stays true until it
// commits, so the audit chain gets one link at a time and conflict checks hold. Rolls back
// in its destructor unless committed.
class WriteTransaction {
public:
    explicit WriteTransaction(StoreContext& ctx);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    StoreContext& m_ctx;
    bool m_open = true;
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
    sql::Session& m_session;
    bool m_began = false;
};

[[noreturn]] void throwInvalid(const std::vector<FieldError>& errors);
[[noreturn]] void throwNotFound(const std::string& message);
[[noreturn]] void throwCorruptRow(const std::string& what); // a stored value this build cannot read

// Text goes in bound with its byte length and comes out with it, so embedded NULs survive.
void bindText(Statement& st, int index, std::string_view text);
std::string textOf(const Column& column); // "" for NULL
void bindOptional(Statement& st, int index, const std::optional<int>& value);
void bindOptional(Statement& st, int index, const std::optional<std::int64_t>& value);
void bindOptional(Statement& st, int index, const std::optional<Date>& value);
std::optional<int> optionalInt(const Column& column);
std::optional<std::int64_t> optionalId(const Column& column);
Date dateOf(const Column& column);
std::optional<Date> optionalDate(const Column& column);

// A Date built by hand may not be a real day; the store keeps only dates it can read back.
void requireRealDate(FieldErrors& errors, std::string_view field, const Date& date);

template <class E> E enumOf(const Column& column)
{
    const std::string text = textOf(column);
    if (auto value = parseEnum<E>(text))
        return *value;
    throwCorruptRow("\"" + text + "\" in column " + column.getName() + " is not one of " + enumChoices<E>());
}

// The value of the first column of the first row of `sql` with `id` bound to ?1, if any row.
std::optional<std::int64_t> queryId(const StoreContext& ctx, const char* sql, std::int64_t id);

} // namespace sp::db::store
