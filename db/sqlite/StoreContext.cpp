#include "db/sqlite/StoreContext.h"

#include "db/sqlite/OwnerLock.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace sp::db::sqlite {

StoreContext::StoreContext(std::shared_ptr<OwnerLock> ownerLock, SQLite::Database&& connection,
                           std::filesystem::path path, const StoreOptions& options)
    : lock(std::move(ownerLock)), db(std::move(connection)), file(std::move(path)), actor(options.actor),
      clock(options.now ? options.now : std::function<std::string()>(systemTimestamp))
{
}

std::string systemTimestamp()
{
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[80]; // wide enough for any int in every field: -Wformat-truncation stays quiet
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    return text;
}

DbErrorKind kindOfSqliteCode(int code)
{
    switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DbErrorKind::Busy;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return DbErrorKind::Io;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return DbErrorKind::NotADatabase;
    default:
        return DbErrorKind::Internal;
    }
}

namespace {

std::string hintFor(DbErrorKind kind)
{
    switch (kind) {
    case DbErrorKind::Busy:
        return " (another program kept the database locked for longer than the busy timeout)";
    case DbErrorKind::Io:
        return " (check the disk space and the permissions of the file and its folder)";
    case DbErrorKind::NotADatabase:
        return " (the file is damaged: restore it from a backup)";
    default:
        return "";
    }
}

} // namespace

void rethrowAsDbError(const std::filesystem::path& file, std::string_view what)
{
    const std::string where = "could not " + std::string(what) + " (" + file.string() + "): ";
    try {
        throw;
    } catch (const DbError&) {
        throw;
    } catch (const SQLite::Exception& e) {
        // SQLiteCpp fills only the primary code for some of its own checks (-1 otherwise).
        const int code = e.getExtendedErrorCode() > 0 ? e.getExtendedErrorCode() : e.getErrorCode();
        const DbErrorKind kind = code > 0 ? kindOfSqliteCode(code) : DbErrorKind::Internal;
        throw DbError(kind, where + e.what() + hintFor(kind));
    } catch (const nlohmann::json::exception& e) {
        throw DbError(DbErrorKind::Internal, where + "a stored JSON value is unreadable: " + e.what());
    } catch (const std::exception& e) {
        throw DbError(DbErrorKind::Internal, where + e.what());
    }
}

ReadSnapshot::ReadSnapshot(const StoreContext& ctx) : m_db(ctx.db)
{
    if (sqlite3_get_autocommit(m_db.getHandle()) == 0)
        return;
    // A deferred BEGIN takes no lock until the first read, and writes nothing.
    if (const int rc = sqlite3_exec(m_db.getHandle(), "BEGIN DEFERRED", nullptr, nullptr, nullptr); rc != SQLITE_OK)
        throw SQLite::Exception(m_db.getHandle(), rc);
    m_began = true;
}

ReadSnapshot::~ReadSnapshot()
{
    if (!m_began)
        return;
    // Ends a read: nothing to lose, and a failure here must not hide the one that unwinds.
    sqlite3_exec(m_db.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void throwInvalid(const std::vector<FieldError>& errors)
{
    FieldErrors all;
    all.merge("", errors);
    throw DbError(DbErrorKind::Invalid, all.summary(), errors);
}

void throwNotFound(const std::string& message)
{
    throw DbError(DbErrorKind::NotFound, message);
}

void throwCorruptRow(const std::string& what)
{
    throw DbError(DbErrorKind::Internal, "a stored value cannot be read: " + what);
}

void bindText(SQLite::Statement& st, int index, std::string_view text)
{
    // SQLiteCpp binds a std::string with its size() (sqlite3_bind_text with a byte count,
    // copied), so NULs and everything after them are stored.
    st.bind(index, std::string(text));
}

std::string textOf(const SQLite::Column& column)
{
    if (column.isNull())
        return {};
    // getText() first, then getBytes(): SQLite's documented order for the byte length of
    // the text just fetched.
    const char* text = column.getText();
    return std::string(text, static_cast<std::size_t>(column.getBytes()));
}

void bindOptional(SQLite::Statement& st, int index, const std::optional<int>& value)
{
    if (value)
        st.bind(index, *value);
    else
        st.bind(index);
}

void bindOptional(SQLite::Statement& st, int index, const std::optional<std::int64_t>& value)
{
    if (value)
        st.bind(index, static_cast<int64_t>(*value));
    else
        st.bind(index);
}

void bindOptional(SQLite::Statement& st, int index, const std::optional<Date>& value)
{
    if (value)
        bindText(st, index, value->toString());
    else
        st.bind(index);
}

std::optional<int> optionalInt(const SQLite::Column& column)
{
    return column.isNull() ? std::nullopt : std::optional<int>(column.getInt());
}

std::optional<std::int64_t> optionalId(const SQLite::Column& column)
{
    return column.isNull() ? std::nullopt : std::optional<std::int64_t>(column.getInt64());
}

Date dateOf(const SQLite::Column& column)
{
    const std::string text = textOf(column);
    if (auto date = Date::parse(text))
        return *date;
    throwCorruptRow("\"" + text + "\" in column " + column.getName() + " is not a date (YYYY-MM-DD)");
}

std::optional<Date> optionalDate(const SQLite::Column& column)
{
    return column.isNull() ? std::nullopt : std::optional<Date>(dateOf(column));
}

void requireRealDate(FieldErrors& errors, std::string_view field, const Date& date)
{
    const auto back = Date::parse(date.toString());
    if (!back || *back != date)
        errors.add(std::string(field), "is not a real date between 1900-01-01 and 2199-12-31");
}

std::optional<std::int64_t> queryId(const StoreContext& ctx, const char* sql, std::int64_t id)
{
    SQLite::Statement st(ctx.db, sql);
    st.bind(1, static_cast<int64_t>(id));
    if (!st.executeStep() || st.getColumn(0).isNull())
        return std::nullopt;
    return st.getColumn(0).getInt64();
}

} // namespace sp::db::sqlite
