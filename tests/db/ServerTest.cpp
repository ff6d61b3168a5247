// What only a server has: the privileges that keep the invariants whatever a client
// sends, faults of the network and the server (down, wrong password, TLS, a connection
// ended mid-write, a crash between operations), several processes writing at once, and
// the TLS rule for servers that are not on this computer.
#include "DbFixtures.h"

#include "db/postgres/PgConnect.h"
#include "db/store/SharedStore.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace sp;
using namespace sp::db;
using namespace sp::test;
namespace utf = boost::unit_test;

namespace {

// SQL sent as the app's own role, through the store's session: what any client could send.
void asApp(ClinicStore& store, const std::string& sql)
{
    store::contextOf(store).session->execute(sql);
}

std::string errorOf(ClinicStore& store, const std::string& sql)
{
    try {
        asApp(store, sql);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

template <class Action> double secondsFor(Action&& action)
{
    const auto start = std::chrono::steady_clock::now();
    action();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

BOOST_AUTO_TEST_SUITE(server_privileges, *utf::precondition(postgresOnly))

BOOST_FIXTURE_TEST_CASE(the_apps_role_cannot_change_or_remove_what_is_kept, StoreFixture)
{
    const auto patientId = store->patients().add(samplePatient());
    store->plans().create(patientId, "Low back", sampleRevision());
    // The privileges refuse these before any trigger runs.
    BOOST_TEST(contains(errorOf(*store, "UPDATE audit_log SET actor = 'x'"), "permission denied"));
    BOOST_TEST(contains(errorOf(*store, "DELETE FROM audit_log"), "permission denied"));
    BOOST_TEST(contains(errorOf(*store, "TRUNCATE audit_log"), "permission denied"));
    BOOST_TEST(contains(errorOf(*store, "UPDATE plan_revisions SET reason = 'x'"), "permission denied"));
    BOOST_TEST(contains(errorOf(*store, "UPDATE plan_items SET reps = 99"), "permission denied"));
    BOOST_TEST(contains(errorOf(*store, "ALTER TABLE audit_log DISABLE TRIGGER ALL"), "must be owner"));
    // Deletes the purge needs are allowed only while the patient is being purged.
    BOOST_TEST(contains(errorOf(*store, "DELETE FROM plan_revisions"), "plan revisions are immutable"));
    BOOST_TEST(contains(errorOf(*store, "DELETE FROM patients"), "patients are kept"));
    BOOST_TEST(countRows(*store, "audit_log") == 2);
    BOOST_TEST(store->check().ok());
}

BOOST_FIXTURE_TEST_CASE(the_check_reads_the_servers_guards, StoreFixture)
{
    store->patients().add(samplePatient());
    CheckReport report = store->check();
    BOOST_TEST(report.ok());
    BOOST_TEST(contains(report.integrity.detail, "guard triggers in place"));
    BOOST_TEST(contains(report.auditAnchor.detail, "never change them"));
    // An owner who turns a guard off is seen at the next check.
    tamper(database, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    report = store->check();
    BOOST_TEST(!report.integrity.ok);
    BOOST_TEST(contains(report.integrity.detail, "trigger audit_log_no_update is disabled"));
    tamper(database, "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update; "
                     "GRANT UPDATE ON audit_log TO stretchplan_app");
    report = store->check();
    BOOST_TEST(report.integrity.ok);
    BOOST_TEST(!report.auditAnchor.ok);
    BOOST_TEST(contains(report.auditAnchor.detail, "may change or remove audit entries"));
}

BOOST_AUTO_TEST_CASE(db_init_refuses_a_database_with_other_tables_and_a_newer_schema)
{
    TestServer& server = TestServer::get();
    const std::string other = server.newDatabase(false);
    server.superSql(other, "CREATE TABLE invoices (id integer); ALTER TABLE invoices OWNER TO sp_owner");
    const DbError e = expectDbError(DbErrorKind::NotADatabase,
                                    [&] { initClinicDatabase(server.ownerLocation(other), testOptions()); });
    BOOST_TEST(contains(e.what(), "already holds 1 tables and no StretchPlan schema"));
    BOOST_TEST(server.superSql(other, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "1\n");
    // An empty database is refused at open with what to do; db init then makes it usable.
    const std::string empty = server.newDatabase(false);
    const DbError none = expectDbError(DbErrorKind::NotADatabase,
                                       [&] { openClinicStore(server.appLocation(empty), testOptions()); });
    BOOST_TEST(contains(none.what(), "db init"));
    BOOST_TEST(initClinicDatabase(server.ownerLocation(empty), testOptions()) == latestSchemaVersionFor("service=x"));
    BOOST_TEST(initClinicDatabase(server.ownerLocation(empty), testOptions()) == latestSchemaVersionFor("service=x"));
    openClinicStore(server.appLocation(empty), testOptions())->patients().add(samplePatient());
    // A schema from a newer StretchPlan is refused, untouched.
    server.superSql(empty, "INSERT INTO schema_migrations VALUES (999, 'future', 'x')");
    expectDbError(DbErrorKind::NewerSchema, [&] { openClinicStore(server.appLocation(empty), testOptions()); });
    expectDbError(DbErrorKind::NewerSchema, [&] { initClinicDatabase(server.ownerLocation(empty), testOptions()); });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(server_faults, *utf::precondition(postgresOnly))

BOOST_AUTO_TEST_CASE(a_wrong_password_is_an_auth_error_naming_the_server)
{
    TestServer& server = TestServer::get();
    const std::string name = server.newDatabase();
    const std::string location = server.cluster().uri("pt.rivera", "not-the-password", name);
    const DbError e = expectDbError(DbErrorKind::Auth, [&] { openClinicStore(location, testOptions()); });
    BOOST_TEST(contains(e.what(), "127.0.0.1:" + std::to_string(server.cluster().port()) + "/" + name));
    BOOST_TEST(contains(e.what(), "password authentication failed"));
    BOOST_TEST(!contains(e.what(), "not-the-password"));
}

BOOST_AUTO_TEST_CASE(a_stopped_server_and_an_unknown_host_are_unavailable_within_the_timeout)
{
    PgCluster cluster;
    const std::string location = cluster.uri("postgres", cluster.superuserPassword(), "postgres");
    cluster.stop();
    StoreOptions options = testOptions();
    options.connectTimeoutS = 2;
    double took = secondsFor([&] {
        const DbError e = expectDbError(DbErrorKind::Unavailable, [&] { openClinicStore(location, options); });
        BOOST_TEST(contains(e.what(), "cannot connect to the server 127.0.0.1:" + std::to_string(cluster.port())));
        BOOST_TEST(contains(e.what(), "refused"));
    });
    BOOST_TEST(took < 10.0);
    took = secondsFor([&] {
        const DbError e = expectDbError(DbErrorKind::Unavailable, [&] {
            openClinicStore("postgresql://ana@no-such-host.invalid/clinic?sslmode=disable", options);
        });
        BOOST_TEST(contains(e.what(), "no-such-host.invalid"));
    });
    BOOST_TEST(took < 10.0);
}

BOOST_FIXTURE_TEST_CASE(a_connection_ended_during_a_write_saves_nothing_and_the_next_call_reconnects, StoreFixture)
{
    TestServer& server = TestServer::get();
    StoreOptions patient = testOptions();
    patient.busyTimeoutMs = 60000; // it waits for the lock until the connection is ended
    store = openClinicStore(database.location, patient);
    store->patients().add(samplePatient());
    // Another client holds the clinic's write lock, so this write waits inside its transaction.
    auto holder = openClinicStore(server.appLocation(database.database, "second"), testOptions("holder"));
    auto& holding = *store::contextOf(*holder).session;
    holding.begin(sql::TxKind::Write);
    std::atomic<bool> done{false};
    std::string failure;
    DbErrorKind kind = DbErrorKind::Internal;
    std::thread writer([&] {
        try {
            store->patients().add(samplePatient("Ana Ruiz"));
        } catch (const DbError& e) {
            failure = e.what();
            kind = e.kind();
        }
        done = true;
    });
    // Wait until the writer is inside its transaction, waiting for the lock, then end it.
    for (int i = 0; i < 200 && server.cluster().psql("SELECT count(*) FROM pg_stat_activity WHERE usename = "
                                                      "'pt.rivera' AND wait_event_type = 'Lock'") != "1\n";
         ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    BOOST_TEST(server.cluster().terminateBackends("pt.rivera") == 1);
    writer.join();
    holding.rollback();
    BOOST_TEST(done.load());
    BOOST_TEST((kind == DbErrorKind::Unavailable));
    BOOST_TEST(contains(failure, "nothing was saved"), failure);
    // The next call connects again; the write that failed is not there, the chain is whole.
    BOOST_TEST(store->patients().search({}).size() == 1u);
    store->patients().add(samplePatient("Ana Ruiz"));
    BOOST_TEST(store->patients().search({}).size() == 2u);
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_CASE(a_server_crash_between_operations_loses_nothing_acknowledged)
{
    PgCluster cluster;
    cluster.createRole("owner", "o", true);
    cluster.psql("ALTER ROLE owner CREATEROLE");
    cluster.createDatabase("clinic", "owner");
    initClinicDatabase(cluster.uri("owner", "o", "clinic"), testOptions());
    cluster.createRole("ana", "a", true, {"stretchplan_app"});
    auto store = openClinicStore(cluster.uri("ana", "a", "clinic"), testOptions("ana"));
    const auto id = store->patients().add(samplePatient());
    const auto planId = store->plans().create(id, "Low back", sampleRevision());
    cluster.restart(StopMode::Immediate);
    // Nothing was in flight: the next call reconnects by itself and finds everything.
    BOOST_TEST(store->plans().revision(planId).items.size() == 2u);
    BOOST_TEST(store->plans().revise(planId, sampleRevision("After the crash"), 1) == 2);
    cluster.restart(StopMode::Immediate);
    BOOST_TEST(store->plans().history(planId).size() == 2u);
    BOOST_TEST(store->check().ok());
    // While it is down, each call says so and the one after it is back works.
    cluster.stop(StopMode::Immediate);
    const DbError e = expectDbError(DbErrorKind::Unavailable, [&] { store->patients().get(id); });
    BOOST_TEST(contains(e.what(), "127.0.0.1:" + std::to_string(cluster.port())));
    cluster.start();
    BOOST_TEST(store->patients().get(id).name == "José Álvarez");
}

BOOST_AUTO_TEST_CASE(tls_verify_full_against_the_test_ca_and_a_wrong_ca_refused)
{
    PgClusterOptions withTls;
    withTls.tls = true;
    PgCluster cluster(withTls);
    cluster.createRole("owner", "o", true);
    cluster.psql("ALTER ROLE owner CREATEROLE");
    cluster.createDatabase("clinic", "owner");
    const std::string verified = "sslmode=verify-full&sslrootcert=" + cluster.caFile();
    initClinicDatabase(cluster.uriWithHost("localhost", "owner", "o", "clinic", verified), testOptions());
    cluster.createRole("ana", "a", true, {"stretchplan_app"});
    auto store = openClinicStore(cluster.uriWithHost("localhost", "ana", "a", "clinic", verified), testOptions("ana"));
    store->patients().add(samplePatient());
    BOOST_TEST(cluster.psql("SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid "
                            "WHERE a.usename = 'ana' AND s.ssl") == "1\n");
    const DbError e = expectDbError(DbErrorKind::Auth, [&] {
        openClinicStore(cluster.uriWithHost("localhost", "ana", "a", "clinic",
                                            "sslmode=verify-full&sslrootcert=" + cluster.wrongCaFile()),
                        testOptions("ana"));
    });
    BOOST_TEST(contains(e.what(), "certificate"), e.what());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(server_locations)

BOOST_AUTO_TEST_CASE(a_server_not_on_this_computer_needs_tls_verification_unless_sslmode_says_otherwise)
{
    using postgres::connectTarget;
    BOOST_TEST(contains(connectTarget("postgresql://ana@db.clinic.example/clinic", "", 5).conninfo,
                        "sslmode='verify-full'"));
    BOOST_TEST(contains(connectTarget("host=10.0.0.5 dbname=clinic", "", 5).conninfo, "sslmode='verify-full'"));
    BOOST_TEST(contains(connectTarget("postgresql://ana@db.clinic.example/clinic?sslmode=require", "", 5).conninfo,
                        "sslmode='require'"));
    BOOST_TEST(!contains(connectTarget("postgresql://ana@localhost/clinic", "", 5).conninfo, "sslmode"));
    BOOST_TEST(!contains(connectTarget("postgresql://ana@127.0.0.1:5433/clinic", "", 5).conninfo, "sslmode"));
    BOOST_TEST(!contains(connectTarget("host=/run/postgresql dbname=clinic", "", 5).conninfo, "sslmode"));
    // The connect timeout defaults to the option, unless the location sets it.
    BOOST_TEST(contains(connectTarget("postgresql://ana@localhost/clinic", "", 5).conninfo, "connect_timeout='5'"));
    BOOST_TEST(contains(connectTarget("postgresql://ana@localhost/clinic?connect_timeout=9", "", 5).conninfo,
                        "connect_timeout='9'"));
    const auto target = connectTarget("postgresql://ana@localhost:6543/clinic", "s3cret", 5);
    BOOST_TEST(target.where == "localhost:6543/clinic");
    BOOST_TEST(contains(target.conninfo, "password='s3cret'"));
    const DbError e = expectDbError(DbErrorKind::Invalid, [&] { connectTarget("postgresql://[::1", "", 5); });
    BOOST_TEST(contains(e.what(), "is not a database location libpq understands"));
}

BOOST_AUTO_TEST_CASE(locations_are_told_apart_and_shown_without_passwords)
{
    BOOST_TEST(isServerLocation("postgresql://ana@host/db"));
    BOOST_TEST(isServerLocation("postgres://ana@host/db"));
    BOOST_TEST(isServerLocation("service=clinic"));
    BOOST_TEST(isServerLocation("host=db.example dbname=clinic"));
    BOOST_TEST(!isServerLocation("/home/ana/clinic.db"));
    BOOST_TEST(!isServerLocation("clinic.db"));
    BOOST_TEST(!isServerLocation("my host=notes.db")); // a file name with '=' in it
    BOOST_TEST(displayLocation("postgresql://ana:s3cret@host/db") == "postgresql://ana@host/db");
    BOOST_TEST(displayLocation("host=h password=s3cret dbname=d") == "host=h password=*** dbname=d");
    BOOST_TEST(displayLocation("postgresql://ana@host/db?password=s3cret&sslmode=verify-full") ==
               "postgresql://ana@host/db?password=***&sslmode=verify-full");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(concurrent_writers)

// 8 processes, each with its own connection (or its own handle on the file), add 40 notes
// at the same time: every one is stored and the audit chain is one valid chain.
BOOST_FIXTURE_TEST_CASE(eight_processes_add_forty_notes_each, StoreFixture)
{
    const auto patientId = store->patients().add(samplePatient());
    constexpr int kProcesses = 8, kNotes = 40;
    std::vector<pid_t> children;
    for (int p = 0; p < kProcesses; ++p) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            int status = 0;
            try {
                auto mine = openClinicStore(database.location, testOptions("writer-" + std::to_string(p)));
                for (int n = 0; n < kNotes; ++n)
                    mine->notes().add(sampleNote(patientId, Date{2025, 1, 1}.plusDays(n)));
            } catch (const std::exception& e) {
                std::fprintf(stderr, "writer %d: %s\n", p, e.what());
                status = 1;
            }
            std::fflush(stderr);
            ::_exit(status);
        }
        children.push_back(pid);
    }
    for (const pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    BOOST_TEST(countRows(*store, "follow_up_notes") == kProcesses * kNotes);
    BOOST_TEST(store->notes().listForPatient(patientId).size() == static_cast<std::size_t>(kProcesses * kNotes));
    const CheckReport report = store->check();
    BOOST_TEST(report.auditChain.ok, report.auditChain.detail);
    BOOST_TEST(report.auditHead.id == kProcesses * kNotes + 1);
}

BOOST_AUTO_TEST_SUITE_END()
