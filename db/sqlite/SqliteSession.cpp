#include "db/sqlite/SqliteSession.h"

#include "db/store/StoreContext.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

namespace sp::db::sqlite {

store::Dialect sqliteDialect()
{
    return {" INDEXED BY patients_search_cover", " CROSS JOIN ", " || char(1114111)",
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'", // AUTOINCREMENT follows by itself
            "", ""}; // one app has the file to itself: nobody to announce changes to
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

void rethrowAsSqlError()
{
    try {
        throw;
    } catch (const SQLite::Exception& e) {
        // SQLiteCpp fills only the primary code for some of its own checks (-1 otherwise).
        const int code = e.getExtendedErrorCode() > 0 ? e.getExtendedErrorCode() : e.getErrorCode();
        throw sql::SqlError(code > 0 ? kindOfSqliteCode(code) : DbErrorKind::Internal, e.what());
    }
}

void rethrowFileError(const std::filesystem::path& file, std::string_view what)
{
    try {
        rethrowAsSqlError();
    } catch (...) {
        store::rethrowAsDbError(file.string(), what);
    }
}

namespace {

template <class Work> auto translated(Work&& work) -> decltype(work())
{
    try {
        return work();
    } catch (const SQLite::Exception&) {
        rethrowAsSqlError();
    }
}

class SqliteStatement final : public sql::StatementImpl {
public:
    SqliteStatement(SQLite::Database& db, std::string_view sql) : m_st(db, std::string(sql)) {}

    void bindInt(int index, std::int64_t value) override
    {
        translated([&] { m_st.bind(index, static_cast<int64_t>(value)); });
    }
    // SQLiteCpp binds a std::string with its size() (sqlite3_bind_text with a byte count,
    // copied), so NULs and everything after them are stored.
    void bindText(int index, std::string_view text) override
    {
        translated([&] { m_st.bind(index, std::string(text)); });
    }
    void bindBlob(int index, std::string_view bytes) override
    {
        translated([&] { m_st.bind(index, bytes.data(), static_cast<int>(bytes.size())); });
    }
    void bindNull(int index) override
    {
        translated([&] { m_st.bind(index); });
    }
    bool step() override
    {
        return translated([&] { return m_st.executeStep(); });
    }
    void reset() override
    {
        translated([&] { m_st.reset(); });
    }
    bool isNull(int column) const override { return m_st.getColumn(column).isNull(); }
    std::int64_t integer(int column) const override { return m_st.getColumn(column).getInt64(); }
    std::string text(int column) const override
    {
        // getText() first, then getBytes(): SQLite's documented order for the byte length
        // of the text just fetched.
        const SQLite::Column c = m_st.getColumn(column);
        const char* text = c.getText();
        return std::string(text, static_cast<std::size_t>(c.getBytes()));
    }
    std::string blob(int column) const override
    {
        const SQLite::Column c = m_st.getColumn(column);
        const auto* bytes = static_cast<const char*>(c.getBlob());
        return std::string(bytes, static_cast<std::size_t>(c.getBytes()));
    }
    std::string columnName(int column) const override { return m_st.getColumnName(column); }

private:
    SQLite::Statement m_st;
};

} // namespace

std::unique_ptr<sql::StatementImpl> SqliteSession::prepare(std::string_view sql)
{
    return translated([&] { return std::make_unique<SqliteStatement>(m_db, sql); });
}

void SqliteSession::execute(const std::string& sql)
{
    translated([&] { m_db.exec(sql); });
}

void SqliteSession::begin(sql::TxKind kind)
{
    execute(kind == sql::TxKind::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

void SqliteSession::commit()
{
    execute("COMMIT");
}

void SqliteSession::rollback() noexcept
{
    // A failed statement may have ended the transaction already; nothing to undo then.
    if (sqlite3_get_autocommit(m_db.getHandle()) == 0)
        sqlite3_exec(m_db.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

bool SqliteSession::inTransaction() const
{
    return sqlite3_get_autocommit(m_db.getHandle()) == 0;
}

} // namespace sp::db::sqlite
