// Which engine the clinic-store tests run against. The same test executable runs twice
// under CTest: test_db on SQLite files, test_db_postgres (SP_TEST_DB_BACKEND=postgres) on
// databases of one throw-away PostgreSQL cluster the process starts for itself. Tests that
// only make sense for one engine (file modes, -wal, the owner lock; server privileges)
// say so with the sqliteOnly / postgresOnly preconditions, which Boost.Test reports.
#pragma once

#include "db/ClinicStore.h"
#include "support/PgCluster.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace sp::test {

enum class TestEngine { Sqlite, Postgres };

TestEngine testEngine();
inline bool onPostgres() { return testEngine() == TestEngine::Postgres; }

// The process's server: started on first use, a template database made with `db init`
// by the owner role, and login roles named like the tests' actors (the store records the
// signed-in login): pt.rivera, an admin (the stores' default), pt.okafor and second,
// clinicians (members of stretchplan_app). Each login's password is "<login>-secret".
class TestServer {
public:
    static TestServer& get();
    PgCluster& cluster() { return m_cluster; }
    // A new database, a copy of the initialized template (or empty when `initialized` is false).
    std::string newDatabase(bool initialized = true);
    // As the app signs in (one of the logins above), or as the tables' owner.
    std::string appLocation(const std::string& database, const std::string& user = "pt.rivera") const;
    std::string ownerLocation(const std::string& database) const;
    // SQL as the superuser in `database`, around every guard (for tampering tests).
    std::string superSql(const std::string& database, const std::string& sql) const;

private:
    TestServer();
    PgCluster m_cluster;
    int m_next = 0;
};

// A fresh clinic database of the engine under test: a file in `folder`, or a new database
// on the test server. `database` is the server database's name ("" for a file).
struct TestDatabase {
    std::string location;
    std::filesystem::path file; // SQLite only
    std::string database;       // PostgreSQL only
};
TestDatabase freshDatabase(const std::filesystem::path& folder);

// Rows in `table`, read through the store's own session.
long long countRows(db::ClinicStore& store, const std::string& table);
// Runs `sql` around every guard: on SQLite through a raw connection, on the server as its
// superuser (the app's role could not).
void tamper(const TestDatabase& database, const std::string& sql);

// For BOOST_AUTO_TEST_CASE(name, *precondition(sqliteOnly)).
struct EngineOnly {
    TestEngine engine;
    const char* why;
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};
inline const EngineOnly sqliteOnly{TestEngine::Sqlite, "SQLite only: it is about the file"};
inline const EngineOnly postgresOnly{TestEngine::Postgres, "PostgreSQL only: it is about the server"};

} // namespace sp::test
