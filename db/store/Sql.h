// The little of a database engine the shared store needs: a session that runs statements
// with numbered parameters (?1, ?2, ... in the SQL, whatever the engine spells them) and
// reads their rows, and transactions. db/sqlite and db/postgres each implement it once;
// the repositories above it (db/store) are written once, for both.
//
// Engines report failures as SqlError: a DbErrorKind and the engine's own words, which
// guarded() (StoreContext.h) turns into a DbError saying what could not be done, and where.
#pragma once

#include "db/ClinicStore.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sp::db::sql {

class SqlError : public std::runtime_error {
public:
    SqlError(DbErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    DbErrorKind kind() const { return m_kind; }

private:
    DbErrorKind m_kind;
};

// One statement of an engine: parameters are 1-based, columns 0-based, like SQLite's.
class StatementImpl {
public:
    virtual ~StatementImpl() = default;
    virtual void bindInt(int index, std::int64_t value) = 0;
    virtual void bindText(int index, std::string_view text) = 0;
    virtual void bindBlob(int index, std::string_view bytes) = 0;
    virtual void bindNull(int index) = 0;
    // Runs the statement on the first call; true while there is a row to read.
    virtual bool step() = 0;
    // Ready to run again; the bound values are kept until bound anew.
    virtual void reset() = 0;
    virtual bool isNull(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual std::string text(int column) const = 0;
    virtual std::string blob(int column) const = 0;
    virtual std::string columnName(int column) const = 0;
};

enum class TxKind {
    Write = 1, // serialized with every other writer: what it reads stays true until commit
    Read,      // one consistent snapshot for several statements, writing nothing
};

class Session {
public:
    virtual ~Session() = default;
    virtual std::unique_ptr<StatementImpl> prepare(std::string_view sql) = 0;
    // Statements without parameters or rows (several, separated by semicolons).
    virtual void execute(const std::string& sql) = 0;
    virtual void begin(TxKind kind) = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    virtual bool inTransaction() const = 0;
};

class Statement;

// A column of the current row.
class Column {
public:
    Column(const StatementImpl& st, int index) : m_st(st), m_index(index) {}
    bool isNull() const { return m_st.isNull(m_index); }
    std::int64_t getInt64() const { return m_st.integer(m_index); }
    int getInt() const { return static_cast<int>(m_st.integer(m_index)); }
    std::string getString() const { return m_st.text(m_index); }
    std::string getBlob() const { return m_st.blob(m_index); }
    std::string getName() const { return m_st.columnName(m_index); }

private:
    const StatementImpl& m_st;
    int m_index;
};

class Statement {
public:
    Statement(Session& session, std::string_view sql) : m_impl(session.prepare(sql)) {}
    void bind(int index, std::int64_t value) { m_impl->bindInt(index, value); }
    void bind(int index, int value) { m_impl->bindInt(index, value); }
    void bind(int index) { m_impl->bindNull(index); }
    void bindText(int index, std::string_view text) { m_impl->bindText(index, text); }
    void bindBlob(int index, std::string_view bytes) { m_impl->bindBlob(index, bytes); }
    bool executeStep() { return m_impl->step(); }
    // Runs a statement that returns no rows.
    void exec()
    {
        while (m_impl->step()) {
        }
    }
    // Runs an INSERT ... RETURNING id and returns the id.
    std::int64_t insertReturningId();
    void reset() { m_impl->reset(); }
    Column getColumn(int index) const { return Column(*m_impl, index); }

private:
    std::unique_ptr<StatementImpl> m_impl;
};

inline std::int64_t Statement::insertReturningId()
{
    if (!m_impl->step())
        throw SqlError(DbErrorKind::Internal, "the insert returned no id");
    const std::int64_t id = m_impl->integer(0);
    while (m_impl->step()) {
    }
    return id;
}

} // namespace sp::db::sql
