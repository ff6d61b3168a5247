#include "ClinicServer.h"

#include "ClinicRows.h"

#include "db/OpenStore.h"

#include <libpq-fe.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <variant>

namespace sp::bench {
namespace {

constexpr const char* kDatabase = "clinic";
constexpr const char* kOwner = "sp_owner";
constexpr const char* kOwnerPassword = "owner-secret";
constexpr const char* kClinician = "clinician";
constexpr const char* kClinicianPassword = "clinician-secret";

// COPY ... FROM STDIN in text format, one table at a time, over one libpq connection.
class CopySink final : public RowSink {
public:
    explicit CopySink(const std::string& uri) : m_conn(PQconnectdb(uri.c_str()), &PQfinish)
    {
        if (PQstatus(m_conn.get()) != CONNECTION_OK)
            throw std::runtime_error(std::string("loading the clinic: ") + PQerrorMessage(m_conn.get()));
    }
    void beginTable(const std::string& table, const std::vector<std::string>& columns) override
    {
        std::string sql = "COPY " + table + " (";
        for (std::size_t i = 0; i < columns.size(); ++i)
            sql += (i ? ", " : "") + columns[i];
        sql += ") FROM STDIN";
        expect(PQexec(m_conn.get(), sql.c_str()), PGRES_COPY_IN, sql);
        m_table = table;
    }
    void row(const std::vector<Value>& values) override
    {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i)
                m_buffer += '\t';
            if (const auto* n = std::get_if<std::int64_t>(&values[i]))
                m_buffer += std::to_string(*n);
            else if (const auto* t = std::get_if<std::string_view>(&values[i]))
                escape(*t);
            else
                m_buffer += "\\N";
        }
        m_buffer += '\n';
        if (m_buffer.size() > (1u << 20))
            flush();
    }
    void endTable() override
    {
        flush();
        if (PQputCopyEnd(m_conn.get(), nullptr) != 1)
            throw std::runtime_error("COPY " + m_table + ": " + PQerrorMessage(m_conn.get()));
        expect(PQgetResult(m_conn.get()), PGRES_COMMAND_OK, "COPY " + m_table);
        while (PGresult* more = PQgetResult(m_conn.get()))
            PQclear(more);
    }
    void exec(const std::string& sql) { expect(PQexec(m_conn.get(), sql.c_str()), PGRES_COMMAND_OK, sql); }
    void query(const std::string& sql) { expect(PQexec(m_conn.get(), sql.c_str()), PGRES_TUPLES_OK, sql); }

private:
    void escape(std::string_view text)
    {
        for (const char c : text) {
            switch (c) {
            case '\\': m_buffer += "\\\\"; break;
            case '\t': m_buffer += "\\t"; break;
            case '\n': m_buffer += "\\n"; break;
            case '\r': m_buffer += "\\r"; break;
            default: m_buffer += c;
            }
        }
    }
    void flush()
    {
        if (!m_buffer.empty() && PQputCopyData(m_conn.get(), m_buffer.data(), static_cast<int>(m_buffer.size())) != 1)
            throw std::runtime_error("COPY " + m_table + ": " + PQerrorMessage(m_conn.get()));
        m_buffer.clear();
    }
    void expect(PGresult* result, ExecStatusType status, const std::string& what)
    {
        const bool ok = PQresultStatus(result) == status;
        const std::string why = ok ? "" : PQresultErrorMessage(result);
        PQclear(result);
        if (!ok)
            throw std::runtime_error(what + ": " + why);
    }

    std::unique_ptr<PGconn, decltype(&PQfinish)> m_conn;
    std::string m_buffer, m_table;
};

} // namespace

test::PgClusterOptions benchClusterOptions()
{
    test::PgClusterOptions options;
    options.fsync = true;         // a commit is on disk when it returns, as on a clinic's server
    options.startTimeoutS = 300;   // crash recovery of a busy server
    options.sharedBuffersMb = 1024; // the 0.9 GB database fits, as on a clinic's server (a quarter of 4 GB)
    return options;
}

ClinicServer::ClinicServer(const std::string& pluginsDir, bool rows) : m_cluster(benchClusterOptions())
{
    const auto started = std::chrono::steady_clock::now();
    m_cluster.createRole(kOwner, kOwnerPassword, true);
    m_cluster.psql(std::string("ALTER ROLE ") + kOwner + " CREATEROLE");
    m_cluster.createDatabase(kDatabase, kOwner);
    db::StoreOptions options;
    options.actor = "bench";
    db::initClinicDatabase(m_cluster.uri(kOwner, kOwnerPassword, kDatabase), options);
    m_cluster.createRole(kClinician, kClinicianPassword, true, {"stretchplan_app"});
    if (rows) {
        CopySink sink(m_cluster.uri(m_cluster.superuser(), m_cluster.superuserPassword(), kDatabase));
        sink.exec("BEGIN");
        generateClinicRows(sink, loadExerciseSnapshots(pluginsDir));
        for (const std::string& table : tablesWithGeneratedIds())
            sink.query("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) FROM " + table);
        sink.exec("COMMIT");
        sink.exec("VACUUM (ANALYZE)");
        sink.exec("CHECKPOINT"); // as the server's own would within minutes: a crash replays the load no more
    }
    m_loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

std::string ClinicServer::appLocation() const
{
    return m_cluster.uri(kClinician, kClinicianPassword, kDatabase);
}

} // namespace sp::bench
