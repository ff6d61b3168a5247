// The throw-away PostgreSQL cluster itself: it starts, it answers, passwords and TLS are
// checked the way a real client sees them (psql over TCP, a child process), a crash-like
// restart keeps committed rows, and nothing is left behind.
#include "support/PgCluster.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace sp::test;
namespace fs = std::filesystem;

namespace {

// A client connection as a user's program makes it: psql with a URI, over TCP, never
// prompting for a password, giving up after 5 s.
ProcessResult client(const std::string& uri, const std::string& sql)
{
    return runProcess({(pgBinDir() / "psql").string(), "-X", "-q", "-A", "-t", "-w", "-v", "ON_ERROR_STOP=1", uri,
                       "-c", sql},
                      {{"PGCONNECT_TIMEOUT", "5"}}, std::chrono::seconds(30));
}

std::string firstLine(const std::string& s)
{
    return s.substr(0, s.find('\n'));
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

PgClusterOptions withTls()
{
    PgClusterOptions o;
    o.tls = true;
    return o;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pg_cluster)

BOOST_AUTO_TEST_CASE(starts_and_answers_select_1)
{
    PgCluster pg;
    BOOST_TEST(pg.running());
    BOOST_TEST(pg.port() > 0);
    BOOST_TEST(pg.host() == "127.0.0.1");
    BOOST_TEST(fs::is_directory(pg.socketDir()));
    BOOST_TEST(fs::exists(fs::path(pg.socketDir()) / (".s.PGSQL." + std::to_string(pg.port()))));
    BOOST_TEST(pg.psql("SELECT 1") == "1\n");
    // The settings the fixture promises.
    BOOST_TEST(pg.psql("SHOW listen_addresses") == "127.0.0.1\n");
    BOOST_TEST(pg.psql("SHOW port") == std::to_string(pg.port()) + "\n");
    BOOST_TEST(pg.psql("SHOW synchronous_commit") == "on\n");
    BOOST_TEST(std::stoi(pg.psql("SHOW max_connections")) >= 100);
    BOOST_TEST(pg.psql("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'template1'") ==
               "UTF8\n");
    BOOST_TEST(pg.psql("SHOW server_version_num").substr(0, 2) == "15");
    BOOST_TEST(pg.psql("SHOW ssl") == "off\n");
}

BOOST_AUTO_TEST_CASE(psql_reports_the_error_and_runs_statements_one_by_one)
{
    PgCluster pg;
    try {
        pg.psql("SELECT * FROM no_such_table");
        BOOST_FAIL("psql should have thrown");
    } catch (const std::runtime_error& e) {
        BOOST_TEST(contains(e.what(), "no_such_table"));
    }
    // ON_ERROR_STOP: nothing after the failing statement runs.
    BOOST_CHECK_THROW(pg.psql("CREATE TABLE a (x int); SELECT 1/0; CREATE TABLE b (x int);"), std::runtime_error);
    BOOST_TEST(pg.psql("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')") == "1\n");
    BOOST_TEST(pg.psql("SELECT 1; SELECT 2;") == "1\n2\n");
}

BOOST_AUTO_TEST_CASE(superuser_creates_roles_and_databases)
{
    PgCluster pg;
    pg.createRole("clinic_staff", "", false);
    pg.createRole("Therapist One", "s3cret", true, {"clinic_staff"});
    pg.createDatabase("clinic", "Therapist One");
    BOOST_TEST(pg.psql("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'Therapist One'") == "t\n");
    BOOST_TEST(pg.psql("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'clinic_staff'") == "f\n");
    BOOST_TEST(pg.psql("SELECT pg_has_role('Therapist One', 'clinic_staff', 'MEMBER')") == "t\n");
    BOOST_TEST(pg.psql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'clinic'") ==
               "Therapist One\n");
    BOOST_TEST(pg.psql("SELECT current_database()", "clinic") == "clinic\n");
    // The password is stored as a SCRAM verifier, not in the clear.
    BOOST_TEST(pg.psql("SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = 'Therapist One'") ==
               "SCRAM-SHA-256$\n");
}

BOOST_AUTO_TEST_CASE(password_login_over_tcp)
{
    PgCluster pg;
    // A name and a password that need percent-encoding in the URI.
    const std::string user = "dr o'brien@clinic";
    const std::string password = "p@ss:w/rd %?&#é'\"";
    pg.createRole(user, password);
    pg.createDatabase("clinic", user);
    BOOST_TEST(contains(pg.uri(user, password, "clinic"), "%40"));

    const ProcessResult ok = client(pg.uri(user, password, "clinic"),
                                    "SELECT current_user || '|' || inet_server_addr() || '|' || current_database()");
    BOOST_TEST_INFO(ok.err << pg.logTail());
    BOOST_TEST(ok.ok());
    BOOST_TEST(firstLine(ok.out) == user + "|127.0.0.1/32|clinic");

    const ProcessResult wrong = client(pg.uri(user, "not the password", "clinic"), "SELECT 1");
    BOOST_TEST(!wrong.ok());
    BOOST_TEST(!wrong.timedOut);
    BOOST_TEST_INFO(wrong.err);
    BOOST_TEST(contains(wrong.err, "password authentication failed"));
    BOOST_TEST(contains(pg.logTail(), "password authentication failed for user"));

    // No password at all is refused too (scram-sha-256, not trust, over TCP).
    const ProcessResult none = client(pg.uri(user, "", "clinic"), "SELECT 1");
    BOOST_TEST(!none.ok());

    // The superuser has its password over TCP as well.
    const ProcessResult super = client(pg.uri(pg.superuser(), pg.superuserPassword(), "postgres"), "SELECT 1");
    BOOST_TEST_INFO(super.err);
    BOOST_TEST(super.ok());
}

BOOST_AUTO_TEST_CASE(tls_verify_full_with_the_test_ca)
{
    PgCluster pg(withTls());
    pg.createRole("therapist", "s3cret");
    BOOST_TEST(pg.psql("SHOW ssl") == "on\n");
    BOOST_TEST(fs::exists(pg.caFile()));
    BOOST_TEST(fs::exists(pg.wrongCaFile()));

    const std::string sql = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";
    const std::string verify = "sslmode=verify-full&sslrootcert=" + uriEncode(pg.caFile());
    for (const std::string host : {"localhost", "127.0.0.1"}) {
        BOOST_TEST_CONTEXT("host " << host)
        {
            const ProcessResult r = client(pg.uriWithHost(host, "therapist", "s3cret", "postgres", verify), sql);
            BOOST_TEST_INFO(r.err << pg.logTail());
            BOOST_TEST(r.ok());
            BOOST_TEST(firstLine(r.out) == "t");
        }
    }

    const ProcessResult wrongCa = client(
        pg.uri("therapist", "s3cret", "postgres", "sslmode=verify-full&sslrootcert=" + uriEncode(pg.wrongCaFile())),
        sql);
    BOOST_TEST(!wrongCa.ok());
    BOOST_TEST_INFO(wrongCa.err);
    BOOST_TEST(contains(wrongCa.err, "certificate verify failed"));

    // Without TLS the same cluster still takes a password login (host line), unencrypted.
    const ProcessResult plain = client(pg.uri("therapist", "s3cret", "postgres", "sslmode=disable"), sql);
    BOOST_TEST_INFO(plain.err);
    BOOST_TEST(plain.ok());
    BOOST_TEST(firstLine(plain.out) == "f");
}

BOOST_AUTO_TEST_CASE(tls_options_need_tls)
{
    PgCluster pg;
    BOOST_CHECK_THROW(pg.caFile(), std::logic_error);
    const ProcessResult r = client(pg.uri(pg.superuser(), pg.superuserPassword(), "postgres", "sslmode=require"),
                                   "SELECT 1");
    BOOST_TEST(!r.ok());
}

BOOST_AUTO_TEST_CASE(restart_immediate_keeps_committed_rows)
{
    PgCluster pg;
    pg.psql("CREATE TABLE visits (id int PRIMARY KEY, note text);"
            "INSERT INTO visits VALUES (1, 'knee'), (2, 'shoulder');");
    const int port = pg.port();
    pg.restart(StopMode::Immediate);
    BOOST_TEST(pg.running());
    BOOST_TEST(pg.port() == port); // URIs handed out before the restart still work
    BOOST_TEST(contains(pg.logTail(), "automatic recovery in progress"));
    BOOST_TEST(pg.psql("SELECT string_agg(note, ',' ORDER BY id) FROM visits") == "knee,shoulder\n");

    pg.psql("INSERT INTO visits VALUES (3, 'hip')");
    pg.restart(StopMode::Fast);
    BOOST_TEST(pg.psql("SELECT count(*) FROM visits") == "3\n");
}

BOOST_AUTO_TEST_CASE(stop_and_start)
{
    PgCluster pg;
    pg.stop(StopMode::Fast);
    BOOST_TEST(!pg.running());
    BOOST_CHECK_THROW(pg.psql("SELECT 1"), std::runtime_error);
    pg.stop(StopMode::Fast); // stopping a stopped server is no error
    pg.start();
    BOOST_TEST(pg.running());
    BOOST_TEST(pg.psql("SELECT 1") == "1\n");
}

BOOST_AUTO_TEST_CASE(terminate_backends_ends_a_users_sessions)
{
    PgCluster pg;
    pg.createRole("therapist", "s3cret");
    const std::string uri = pg.uri("therapist", "s3cret", "postgres");
    ProcessResult sleeper;
    std::thread t([&] { sleeper = client(uri, "SELECT pg_sleep(60)"); });
    int sessions = 0;
    for (int i = 0; i < 200 && sessions == 0; ++i) {
        sessions = std::stoi(pg.psql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'therapist'"));
        if (sessions == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_TEST(sessions == 1);
    BOOST_TEST(pg.terminateBackends("therapist") == 1);
    t.join();
    BOOST_TEST(!sleeper.ok());
    BOOST_TEST(!sleeper.timedOut);
    BOOST_TEST_INFO(sleeper.err);
    BOOST_TEST(contains(sleeper.err, "terminating connection due to administrator command"));
    BOOST_TEST(pg.terminateBackends("therapist") == 0);
}

BOOST_AUTO_TEST_CASE(start_moves_to_another_port_when_its_own_was_taken)
{
    PgCluster pg;
    const int port = pg.port();
    pg.stop(StopMode::Fast);
    // Something else listens on the old port meanwhile.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    BOOST_REQUIRE(::listen(fd, 1) == 0);
    pg.start();
    ::close(fd);
    BOOST_TEST(pg.running());
    BOOST_TEST(pg.port() != port);
    BOOST_TEST(pg.psql("SHOW port") == std::to_string(pg.port()) + "\n");
}

BOOST_AUTO_TEST_CASE(two_clusters_at_once)
{
    PgCluster a;
    PgCluster b(withTls());
    BOOST_TEST(a.port() != b.port());
    BOOST_TEST(a.folder() != b.folder());
    BOOST_TEST(a.socketDir() != b.socketDir());
    a.psql("CREATE TABLE only_in_a (x int)");
    BOOST_TEST(a.psql("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'") == "1\n");
    BOOST_TEST(b.psql("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'") == "0\n");
    BOOST_TEST(a.psql("SHOW ssl") == "off\n");
    BOOST_TEST(b.psql("SHOW ssl") == "on\n");
}

BOOST_AUTO_TEST_CASE(nothing_is_left_behind)
{
    fs::path folder;
    int port = 0;
    {
        auto pg = std::make_unique<PgCluster>(withTls());
        folder = pg->folder();
        port = pg->port();
        BOOST_TEST(fs::exists(folder / "data" / "postmaster.pid"));
        BOOST_TEST(!loopbackPortFree(port));
        // A client session still open when the fixture goes must not keep anything alive.
        pg->createRole("therapist", "s3cret");
        std::thread t([uri = pg->uri("therapist", "s3cret", "postgres")] { client(uri, "SELECT pg_sleep(60)"); });
        for (int i = 0; i < 200; ++i) {
            if (pg->psql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'therapist'") == "1\n")
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        pg.reset();
        t.join();
    }
    BOOST_TEST(!fs::exists(folder));
    BOOST_TEST(loopbackPortFree(port));
}

BOOST_AUTO_TEST_CASE(missing_server_programs_name_the_installer)
{
    const char* old = std::getenv("SP_PG_BINDIR");
    const std::string saved = old ? old : "";
    ::setenv("SP_PG_BINDIR", "/nonexistent/postgresql/bin", 1);
    try {
        PgCluster pg;
        BOOST_FAIL("a cluster without server programs should throw");
    } catch (const std::runtime_error& e) {
        BOOST_TEST_INFO(e.what());
        BOOST_TEST(contains(e.what(), "installer/deps.sh"));
    }
    if (old)
        ::setenv("SP_PG_BINDIR", saved.c_str(), 1);
    else
        ::unsetenv("SP_PG_BINDIR");
}

BOOST_AUTO_TEST_CASE(run_process_collects_output_and_bounds_the_time)
{
    const ProcessResult echo = runProcess({"sh", "-c", "echo out; echo err >&2; exit 3"});
    BOOST_TEST(echo.exitCode == 3);
    BOOST_TEST(echo.out == "out\n");
    BOOST_TEST(echo.err == "err\n");

    ::setenv("PGSSLMODE", "require", 1);
    const ProcessResult env = runProcess({"env"}, {{"SP_EXTRA", "1"}});
    ::unsetenv("PGSSLMODE");
    BOOST_TEST(!contains(env.out, "PGSSLMODE"));
    BOOST_TEST(contains(env.out, "SP_EXTRA=1\n"));

    const auto before = std::chrono::steady_clock::now();
    const ProcessResult slow = runProcess({"sh", "-c", "sleep 30 & sleep 30"}, {}, std::chrono::seconds(1));
    BOOST_TEST(slow.timedOut);
    BOOST_TEST(!slow.ok());
    BOOST_TEST((std::chrono::steady_clock::now() - before < std::chrono::seconds(10)));

    const ProcessResult missing = runProcess({"/nonexistent/program"});
    BOOST_TEST(missing.exitCode == 127);
    BOOST_TEST(contains(missing.err, "/nonexistent/program"));
}

BOOST_AUTO_TEST_CASE(uri_encoding)
{
    BOOST_TEST(uriEncode("plain-name_1.x~") == "plain-name_1.x~");
    BOOST_TEST(uriEncode("a b@c:d/e%f?g&h#i") == "a%20b%40c%3Ad%2Fe%25f%3Fg%26h%23i");
    BOOST_TEST(uriEncode("\xc3\xa9") == "%C3%A9");
    BOOST_TEST(sqlLiteral("it's") == "'it''s'");
    BOOST_TEST(sqlIdentifier("a\"b") == "\"a\"\"b\"");
}

BOOST_AUTO_TEST_SUITE_END()
