#include "db/postgres/PgSession.h"

#include <pqxx/pqxx>

#include <cctype>
#include <charconv>

namespace sp::db::postgres {

// The clinic's write lock: one advisory lock key for every StretchPlan writer ("SP", 1).
constexpr std::int64_t kWriteLockKey = 0x5350'0001;

struct PgSession::Result {
    pqxx::result rows;
};

// Statements run on a nontransaction: the session sends BEGIN and COMMIT itself, so that a
// connection that breaks is seen as such (and never silently reactivated mid-transaction).
struct PgSession::Link {
    explicit Link(const std::string& conninfo) : connection(conninfo), tx(connection, "stretchplan") {}
    pqxx::connection connection;
    pqxx::nontransaction tx;
};

store::Dialect postgresDialect()
{
    // No planner hints; PostgreSQL picks the covering index itself. Identity ids may have
    // gaps (a rolled-back insert still uses its number), so the audit log's highest id is
    // not compared with its sequence: the server's privileges and triggers keep entries
    // from being removed instead.
    // Every audit entry is announced on the change channel; the server delivers it at the
    // commit, and never when the transaction rolls back.
    return {"", " JOIN ", " || chr(1114111)", "",
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} HAVING max(id) IS NOT NULL",
            "SELECT pg_notify('" + std::string(kChangeChannel) + "', ?1)"};
}

std::string numberedParameters(std::string_view sql)
{
    std::string out;
    out.reserve(sql.size());
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            out += '$';
            continue;
        }
        out += c;
    }
    return out;
}

DbErrorKind kindOfSqlState(const std::string& state)
{
    const std::string cls = state.substr(0, 2);
    if (cls == "08" || state == "57P01" || state == "57P02" || state == "57P03")
        return DbErrorKind::Unavailable; // connection exceptions, the server shutting down
    if (cls == "28")
        return DbErrorKind::Auth;
    if (cls == "40" || state == "55P03" || state == "57014")
        return DbErrorKind::Busy; // serialization, deadlock, lock or statement time-out
    if (state == "53100")
        return DbErrorKind::Io;
    if (state == "3D000")
        return DbErrorKind::NotADatabase; // no such database
    if (state == "42501")
        return DbErrorKind::Forbidden; // insufficient_privilege: the grants, or a trigger of ours saying who may
    if (state == "22023")
        return DbErrorKind::Invalid; // invalid_parameter_value: the staff functions' refusals
    if (state == "P0002")
        return DbErrorKind::NotFound; // no_data_found: the staff functions' unknown login
    return DbErrorKind::Internal;
}

DbErrorKind kindOfConnectFailure(const std::string& message)
{
    for (const char* auth : {"password authentication failed", "no password supplied", "pg_hba.conf", "SSL",
                             "certificate", "authentication", "role \"", "does not match host name"})
        if (message.find(auth) != std::string::npos)
            return DbErrorKind::Auth;
    if (message.find("database \"") != std::string::npos && message.find("does not exist") != std::string::npos)
        return DbErrorKind::NotADatabase;
    return DbErrorKind::Unavailable;
}

namespace {

// libpqxx 6 throws insufficient_privilege without its SQLSTATE; the others carry theirs.
std::string sqlStateOf(const pqxx::sql_error& e)
{
    if (e.sqlstate().empty() && dynamic_cast<const pqxx::insufficient_privilege*>(&e))
        return "42501";
    return e.sqlstate();
}

std::string oneLine(std::string text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    for (char& c : text)
        if (c == '\n')
            c = ' ';
    return text;
}

std::string hexOf(std::string_view bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + bytes.size() * 2);
    for (const unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

class PgStatement final : public sql::StatementImpl {
public:
    PgStatement(PgSession& session, std::string_view sql) : m_session(session), m_sql(numberedParameters(sql)) {}

    void bindInt(int index, std::int64_t value) override { slot(index) = std::to_string(value); }
    void bindText(int index, std::string_view text) override
    {
        if (text.find('\0') != std::string_view::npos)
            throw sql::SqlError(DbErrorKind::Invalid, "a text holds a NUL character, which the server cannot store");
        slot(index) = std::string(text);
    }
    void bindBlob(int index, std::string_view bytes) override { slot(index) = hexOf(bytes); }
    void bindNull(int index) override { slot(index) = std::nullopt; }
    bool step() override
    {
        if (!m_result) {
            m_result = m_session.run(m_sql, m_params);
            m_row = 0;
        } else {
            ++m_row;
        }
        return m_row < static_cast<std::size_t>(m_result->rows.size());
    }
    void reset() override { m_result.reset(); }
    bool isNull(int column) const override { return field(column).is_null(); }
    std::int64_t integer(int column) const override
    {
        const pqxx::field f = field(column);
        if (f.is_null())
            return 0;
        const std::string_view text(f.c_str(), f.size());
        if (text == "t" || text == "f") // a boolean, as SQLite would give 1 or 0
            return text == "t" ? 1 : 0;
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size())
            throw sql::SqlError(DbErrorKind::Internal, "column " + columnName(column) + " holds \"" +
                                                           std::string(text) + "\", not an integer");
        return value;
    }
    std::string text(int column) const override
    {
        const pqxx::field f = field(column);
        return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
    }
    std::string blob(int column) const override
    {
        const std::string hex = text(column);
        if (hex.size() < 2 || hex[0] != '\\' || hex[1] != 'x' || hex.size() % 2 != 0)
            throw sql::SqlError(DbErrorKind::Internal, "column " + columnName(column) + " is not bytea in hex");
        std::string out;
        out.reserve((hex.size() - 2) / 2);
        for (std::size_t i = 2; i < hex.size(); i += 2) {
            const int hi = hexValue(hex[i]), lo = hexValue(hex[i + 1]);
            if (hi < 0 || lo < 0)
                throw sql::SqlError(DbErrorKind::Internal, "column " + columnName(column) + " is not bytea in hex");
            out += static_cast<char>(hi * 16 + lo);
        }
        return out;
    }
    std::string columnName(int column) const override
    {
        return m_result ? m_result->rows.column_name(static_cast<pqxx::row::size_type>(column)) : "?";
    }

private:
    std::optional<std::string>& slot(int index)
    {
        if (index < 1 || index > 999)
            throw sql::SqlError(DbErrorKind::Internal, "parameter index " + std::to_string(index) + " out of range");
        if (m_params.size() < static_cast<std::size_t>(index))
            m_params.resize(static_cast<std::size_t>(index));
        return m_params[static_cast<std::size_t>(index) - 1];
    }
    pqxx::field field(int column) const
    {
        return m_result->rows[static_cast<pqxx::result::size_type>(m_row)][static_cast<pqxx::row::size_type>(column)];
    }

    PgSession& m_session;
    std::string m_sql;
    std::vector<std::optional<std::string>> m_params;
    std::shared_ptr<PgSession::Result> m_result;
    std::size_t m_row = 0;
};

} // namespace

PgSession::PgSession(std::string conninfo, std::string where, int lockTimeoutMs)
    : m_conninfo(std::move(conninfo)), m_where(std::move(where)), m_lockTimeoutMs(lockTimeoutMs)
{
}

PgSession::~PgSession()
{
    rollback();
}

void PgSession::connect()
{
    link();
}

void PgSession::drop() noexcept
{
    m_link.reset();
    m_inTransaction = false;
}

PgSession::Link& PgSession::link()
{
    if (m_link)
        return *m_link;
    try {
        m_link = std::make_unique<Link>(m_conninfo);
    } catch (const pqxx::broken_connection& e) {
        const std::string why = oneLine(e.what());
        throw sql::SqlError(kindOfConnectFailure(why), "cannot connect to the server " + m_where + ": " + why);
    } catch (const pqxx::sql_error& e) {
        throw sql::SqlError(kindOfSqlState(e.sqlstate()), "cannot connect to the server " + m_where + ": " +
                                                              oneLine(e.what()));
    }
    return *m_link;
}

void PgSession::fail(std::string_view doing)
{
    const bool wasInTransaction = m_inTransaction;
    try {
        throw;
    } catch (const sql::SqlError&) {
        throw;
    } catch (const pqxx::broken_connection& e) {
        // The server is gone, or this connection is: drop it, the next call connects anew.
        drop();
        throw sql::SqlError(DbErrorKind::Unavailable,
                            "the connection to the server " + m_where + " was lost while " + std::string(doing) + " (" +
                                oneLine(e.what()) + ")" + (wasInTransaction ? "; nothing was saved" : ""));
    } catch (const pqxx::sql_error& e) {
        const DbErrorKind kind = kindOfSqlState(sqlStateOf(e));
        if (kind == DbErrorKind::Unavailable) { // terminated by the administrator, or a shutdown
            drop();
            throw sql::SqlError(kind, "the server " + m_where + " ended the connection while " + std::string(doing) +
                                          " (" + oneLine(e.what()) + ")" +
                                          (wasInTransaction ? "; nothing was saved" : ""));
        }
        throw sql::SqlError(kind, oneLine(e.what()));
    } catch (const pqxx::failure& e) {
        throw sql::SqlError(DbErrorKind::Internal, oneLine(e.what()));
    }
}

std::shared_ptr<PgSession::Result> PgSession::run(const std::string& sql,
                                                  const std::vector<std::optional<std::string>>& params)
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    auto result = std::make_shared<Result>();
    retryingOnNewConnection([&] { result->rows = link().tx.exec_params(sql, pqxx::prepare::make_dynamic_params(values)); });
    return result;
}

// Outside a transaction only reads run, and BEGIN itself: when the connection turns out to
// be broken (the server restarted since the last call, the administrator ended it), the
// work is done again once on a new connection, so the clinician's next action just works.
// Inside a transaction a broken connection is reported: what it did is lost.
template <class Work> void PgSession::retryingOnNewConnection(Work&& work)
{
    const bool retry = !m_inTransaction && m_link;
    try {
        work();
        return;
    } catch (const pqxx::broken_connection&) {
        if (!retry)
            fail("running a statement");
        drop();
    } catch (const pqxx::sql_error& e) {
        if (!retry || kindOfSqlState(e.sqlstate()) != DbErrorKind::Unavailable)
            fail("running a statement");
        drop();
    } catch (...) {
        fail("running a statement");
    }
    try {
        work();
    } catch (...) {
        fail("running a statement");
    }
}

std::unique_ptr<sql::StatementImpl> PgSession::prepare(std::string_view sql)
{
    return std::make_unique<PgStatement>(*this, sql);
}

void PgSession::execute(const std::string& sql)
{
    retryingOnNewConnection([&] { link().tx.exec(sql); });
}

void PgSession::begin(sql::TxKind kind)
{
    if (kind == sql::TxKind::Read) {
        execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        m_inTransaction = true;
        return;
    }
    execute("BEGIN ISOLATION LEVEL READ COMMITTED");
    m_inTransaction = true;
    try {
        execute("SET LOCAL lock_timeout = " + std::to_string(std::max(m_lockTimeoutMs, 1)) +
                "; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
    } catch (...) {
        rollback(); // the transaction is aborted: end it, or every later statement fails
        throw;
    }
}

void PgSession::commit()
{
    try {
        link().tx.exec("COMMIT");
        m_inTransaction = false;
    } catch (const pqxx::broken_connection& e) {
        drop();
        throw sql::SqlError(DbErrorKind::InDoubt,
                            "the connection to the server " + m_where + " broke while the change was being committed (" +
                                oneLine(e.what()) + "): it may or may not have been saved. Look at the record before "
                                                    "doing it again");
    } catch (...) {
        m_inTransaction = false;
        fail("committing");
    }
}

void PgSession::rollback() noexcept
{
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    try {
        if (m_link)
            m_link->tx.exec("ROLLBACK");
    } catch (...) { // the connection is gone: the server has rolled back already; drop it
        m_link.reset();
    }
}

} // namespace sp::db::postgres
