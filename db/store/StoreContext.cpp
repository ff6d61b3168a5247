#include "db/store/StoreContext.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <utility>
#include <cstdio>
#include <ctime>

namespace sp::db::store {

StoreContext::StoreContext(std::unique_ptr<sql::Session> sqlSession, std::string location, Dialect sqlDialect,
                           const StoreOptions& options)
    : session(std::move(sqlSession)), where(std::move(location)), dialect(std::move(sqlDialect)),
      actor(options.actor), clock(options.now ? options.now : std::function<std::string()>(systemTimestamp))
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
    case DbErrorKind::Unavailable:
        return " (check that the server is running and reachable, then try again)";
    default:
        return "";
    }
}

} // namespace

void rethrowAsDbError(const std::string& where, std::string_view what)
{
    const std::string prefix = "could not " + std::string(what) + " (" + where + "): ";
    try {
        throw;
    } catch (const DbError&) {
        throw;
    } catch (const sql::SqlError& e) {
        throw DbError(e.kind(), prefix + e.what() + hintFor(e.kind()));
    } catch (const nlohmann::json::exception& e) {
        throw DbError(DbErrorKind::Internal, prefix + "a stored JSON value is unreadable: " + e.what());
    } catch (const std::exception& e) {
        throw DbError(DbErrorKind::Internal, prefix + e.what());
    }
}

void rethrowAsDbError(const StoreContext& ctx, std::string_view what)
{
    try {
        throw;
    } catch (const sql::SqlError& e) {
        if (e.kind() != DbErrorKind::Forbidden)
            rethrowAsDbError(ctx.where, what);
        const std::string role = ctx.signedIn ? std::string(toString(ctx.signedIn->role)) : "this account";
        std::string message = role + " may not " + std::string(what) + " (signed in as " + ctx.actor + ")";
        // The server's own refusals name a table or a column: left out. The triggers'
        // refusals are sentences of ours, and say why.
        std::string why = e.what();
        if (why.rfind("ERROR:", 0) == 0) // the server's severity, as libpq writes it
            why.erase(0, why.find_first_not_of(' ', 6));
        if (why.rfind("permission denied", 0) != 0 && why.rfind("must be owner", 0) != 0)
            message += ": " + why;
        throw DbError(DbErrorKind::Forbidden, message);
    } catch (...) {
        rethrowAsDbError(ctx.where, what);
    }
}

std::string StoreHooks::passwordVerifier(const std::string&, const std::string&)
{
    throw DbError(DbErrorKind::Invalid, kNoAccounts);
}

WriteTransaction::WriteTransaction(StoreContext& ctx) : m_ctx(ctx)
{
    m_ctx.uncommittedAuditHead.reset();
    m_ctx.session->begin(sql::TxKind::Write);
}

WriteTransaction::~WriteTransaction()
{
    if (m_open)
        m_ctx.session->rollback();
}

void WriteTransaction::commit()
{
    m_ctx.session->commit();
    m_open = false;
    if (auto head = std::exchange(m_ctx.uncommittedAuditHead, std::nullopt); head && m_ctx.hooks)
        m_ctx.hooks->committedAudit(*head);
}

ReadSnapshot::ReadSnapshot(const StoreContext& ctx) : m_session(*ctx.session)
{
    if (m_session.inTransaction())
        return;
    m_session.begin(sql::TxKind::Read);
    m_began = true;
}

ReadSnapshot::~ReadSnapshot()
{
    if (m_began) // ends a read: nothing to lose, and rollback() never throws
        m_session.rollback();
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

void bindText(Statement& st, int index, std::string_view text)
{
    st.bindText(index, text);
}

std::string textOf(const Column& column)
{
    return column.isNull() ? std::string() : column.getString();
}

void bindOptional(Statement& st, int index, const std::optional<int>& value)
{
    if (value)
        st.bind(index, *value);
    else
        st.bind(index);
}

void bindOptional(Statement& st, int index, const std::optional<std::int64_t>& value)
{
    if (value)
        st.bind(index, static_cast<std::int64_t>(*value));
    else
        st.bind(index);
}

void bindOptional(Statement& st, int index, const std::optional<Date>& value)
{
    if (value)
        bindText(st, index, value->toString());
    else
        st.bind(index);
}

std::optional<int> optionalInt(const Column& column)
{
    return column.isNull() ? std::nullopt : std::optional<int>(column.getInt());
}

std::optional<std::int64_t> optionalId(const Column& column)
{
    return column.isNull() ? std::nullopt : std::optional<std::int64_t>(column.getInt64());
}

Date dateOf(const Column& column)
{
    const std::string text = textOf(column);
    if (auto date = Date::parse(text))
        return *date;
    throwCorruptRow("\"" + text + "\" in column " + column.getName() + " is not a date (YYYY-MM-DD)");
}

std::optional<Date> optionalDate(const Column& column)
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
    Statement st(*ctx.session, sql);
    st.bind(1, id);
    if (!st.executeStep() || st.getColumn(0).isNull())
        return std::nullopt;
    return st.getColumn(0).getInt64();
}

} // namespace sp::db::store
