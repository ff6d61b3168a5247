#include "TestBackend.h"

#include "db/OpenStore.h"
#include "db/store/SharedStore.h"

#include <SQLiteCpp/Database.h>

#include <cstdlib>
#include <stdexcept>

namespace sp::test {

TestEngine testEngine()
{
    static const TestEngine engine = [] {
        const char* value = std::getenv("SP_TEST_DB_BACKEND");
        const std::string name = value ? value : "sqlite";
        if (name == "sqlite")
            return TestEngine::Sqlite;
        if (name == "postgres")
            return TestEngine::Postgres;
        throw std::runtime_error("SP_TEST_DB_BACKEND is \"" + name + "\": sqlite or postgres");
    }();
    return engine;
}

TestServer& TestServer::get()
{
    static TestServer server;
    return server;
}

TestServer::TestServer()
{
    m_cluster.createRole("sp_owner", "owner-secret", true);
    m_cluster.psql("ALTER ROLE sp_owner CREATEROLE");
    m_cluster.createDatabase("clinic_template", "sp_owner");
    db::StoreOptions options;
    options.actor = "test";
    db::initClinicDatabase(ownerLocation("clinic_template"), options);
    // Logins named as the tests' actors: on a server the store records the signed-in login.
    m_cluster.createRole("pt.rivera", "pt.rivera-secret", true, {"stretchplan_admin"});
    m_cluster.createRole("pt.okafor", "pt.okafor-secret", true, {"stretchplan_app"});
    m_cluster.createRole("second", "second-secret", true, {"stretchplan_app"});
}

std::string TestServer::newDatabase(bool initialized)
{
    const std::string name = "clinic_" + std::to_string(++m_next);
    if (initialized)
        m_cluster.psql("CREATE DATABASE " + name + " TEMPLATE clinic_template OWNER sp_owner");
    else
        m_cluster.createDatabase(name, "sp_owner");
    return name;
}

std::string TestServer::appLocation(const std::string& database, const std::string& user) const
{
    return m_cluster.uri(user, user + "-secret", database);
}

std::string TestServer::ownerLocation(const std::string& database) const
{
    return m_cluster.uri("sp_owner", "owner-secret", database);
}

std::string TestServer::superSql(const std::string& database, const std::string& sql) const
{
    return m_cluster.psql(sql, database);
}

TestDatabase freshDatabase(const std::filesystem::path& folder)
{
    TestDatabase d;
    if (onPostgres()) {
        TestServer& server = TestServer::get();
        d.database = server.newDatabase();
        d.location = server.appLocation(d.database);
    } else {
        d.file = folder / "clinic.db";
        d.location = d.file.string();
    }
    return d;
}

long long countRows(db::ClinicStore& store, const std::string& table)
{
    db::store::StoreContext& ctx = db::store::contextOf(store);
    db::store::Statement st(*ctx.session, "SELECT count(*) FROM " + table);
    st.executeStep();
    return st.getColumn(0).getInt64();
}

void tamper(const TestDatabase& database, const std::string& sql)
{
    if (onPostgres()) {
        TestServer::get().superSql(database.database, sql);
        return;
    }
    SQLite::Database raw(database.file, SQLite::OPEN_READWRITE, 5000);
    raw.exec("PRAGMA foreign_keys = ON"); // as the store's own connections
    raw.exec(sql);
}

boost::test_tools::assertion_result EngineOnly::operator()(boost::unit_test::test_unit_id) const
{
    boost::test_tools::assertion_result result(testEngine() == engine);
    result.message() << why;
    return result;
}

} // namespace sp::test
