// The app and the command line on one clinic file (issue: "the app and the command line
// stop seeing each other's writes"). Code inside the app's process may open and close the
// database file (GTK's file dialogs do), which drops every POSIX lock SQLite held on it.
// Whatever happens inside the app's process, no acknowledged write may be lost: another
// process is refused, with a message that says why, for as long as the app has the file.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <set>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

db::StoreOptions appOptions()
{
    db::StoreOptions options = testOptions("app");
    options.access = StoreAccess::Exclusive;
    return options;
}

// What GTK's MIME sniffing does to the file: a second descriptor, opened and closed.
void openAndCloseBehindSqlite(const std::filesystem::path& file)
{
    for (const std::string suffix : {"", "-wal", "-shm"}) {
        const int fd = ::open((file.string() + suffix).c_str(), O_RDONLY);
        if (fd >= 0) {
            char byte;
            (void)!::read(fd, &byte, 1);
            ::close(fd);
        }
    }
}

// Another process, forked before this one opens anything (so that it inherits no
// descriptor of the file): on each request it opens the store as the command line does,
// adds a patient, closes the store and answers "ok <id>" or "refused <kind> <message>".
class OtherProcess {
public:
    explicit OtherProcess(std::filesystem::path file, StoreAccess access = StoreAccess::Shared,
                          int busyTimeoutMs = 5000)
    {
        int toChild[2], fromChild[2];
        BOOST_TEST_REQUIRE(::pipe(toChild) == 0);
        BOOST_TEST_REQUIRE(::pipe(fromChild) == 0);
        m_pid = ::fork();
        BOOST_TEST_REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::close(toChild[1]);
            ::close(fromChild[0]);
            serve(file, access, busyTimeoutMs, toChild[0], fromChild[1]);
        }
        ::close(toChild[0]);
        ::close(fromChild[1]);
        m_to = toChild[1];
        m_from = fromChild[0];
    }
    ~OtherProcess()
    {
        ::close(m_to); // the child ends at end of input
        ::close(m_from);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }

    std::string addPatient(const std::string& name)
    {
        const std::string line = name + "\n";
        BOOST_TEST_REQUIRE(::write(m_to, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
        std::string answer;
        char c;
        while (::read(m_from, &c, 1) == 1 && c != '\n')
            answer += c;
        return answer;
    }

private:
    [[noreturn]] static void serve(const std::filesystem::path& file, StoreAccess access, int busyTimeoutMs, int in,
                                   int out)
    {
        std::string name;
        char c;
        while (::read(in, &c, 1) == 1) {
            if (c != '\n') {
                name += c;
                continue;
            }
            std::string answer;
            try {
                db::StoreOptions options = testOptions("cli");
                options.access = access;
                options.busyTimeoutMs = busyTimeoutMs;
                auto store = openSqliteStore(file, options);
                answer = "ok " + std::to_string(store->patients().add(samplePatient(name)));
            } catch (const DbError& e) {
                answer = "refused " + std::to_string(static_cast<int>(e.kind())) + " " + e.what();
            } catch (const std::exception& e) {
                answer = std::string("error ") + e.what();
            }
            for (char& ch : answer)
                if (ch == '\n')
                    ch = ' ';
            answer += '\n';
            (void)!::write(out, answer.data(), answer.size());
            name.clear();
        }
        ::_exit(0);
    }

    pid_t m_pid = -1;
    int m_to = -1;
    int m_from = -1;
};

std::set<std::string> patientNames(const std::filesystem::path& file)
{
    auto store = openSqliteStore(file, testOptions());
    std::set<std::string> names;
    for (const Patient& p : store->patients().search({}))
        names.insert(p.name);
    return names;
}

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.rfind(prefix, 0) == 0;
}

const std::string kRefusedInUse = "refused " + std::to_string(static_cast<int>(DbErrorKind::InUse)) + " ";

} // namespace

BOOST_AUTO_TEST_SUITE(owner_lock)

BOOST_AUTO_TEST_CASE(keeps_every_acknowledged_write_when_the_apps_process_opens_the_file_behind_sqlite)
{
    TempDir dir;
    const auto file = dir / "clinic.db";
    OtherProcess cli(file);
    std::set<std::string> acknowledged;
    auto note = [&](const std::string& answer, const std::string& name) {
        if (startsWith(answer, "ok "))
            acknowledged.insert(name);
        return answer;
    };

    {
        auto app = openSqliteStore(file, appOptions());
        app->patients().add(samplePatient("App 0"));
        acknowledged.insert("App 0");
        openAndCloseBehindSqlite(file);

        // Turn and turn about, as in the reproduction: without the owner lock the first
        // command deletes the app's log, the app goes on writing into the deleted file,
        // the next command starts a new log that the app never sees, and what the app
        // writes back at its close overwrites what the commands wrote.
        for (const std::string round : {"1", "2", "3"}) {
            const std::string answer = note(cli.addPatient("Cli " + round), "Cli " + round);
            BOOST_TEST(startsWith(answer, kRefusedInUse), answer);
            BOOST_TEST(answer.find("open in the StretchPlan app on this computer") != std::string::npos, answer);
            BOOST_TEST(answer.find("process " + std::to_string(::getpid())) != std::string::npos, answer);

            app->patients().add(samplePatient("App " + round));
            acknowledged.insert("App " + round);
            openAndCloseBehindSqlite(file);
        }
    }
    // The app has quit: the command line may write again.
    const std::string afterQuit = note(cli.addPatient("Cli After"), "Cli After");
    BOOST_TEST(startsWith(afterQuit, "ok "), afterQuit);
    {
        auto app = openSqliteStore(file, appOptions());
        openAndCloseBehindSqlite(file);
        BOOST_TEST(startsWith(note(cli.addPatient("Cli Refused"), "Cli Refused"), kRefusedInUse));
        app->patients().add(samplePatient("App Again"));
        acknowledged.insert("App Again");
    }
    BOOST_TEST(startsWith(note(cli.addPatient("Cli Last"), "Cli Last"), "ok "));

    const std::set<std::string> stored = patientNames(file);
    for (const std::string& name : acknowledged)
        BOOST_TEST(stored.count(name) == 1u, name << " was acknowledged but is not in the file");
    BOOST_TEST(stored.size() == acknowledged.size());
    auto store = openSqliteStore(file, testOptions());
    const CheckReport report = store->check();
    BOOST_TEST(report.ok(), report.integrity.detail << "; " << report.auditChain.detail);
}

BOOST_AUTO_TEST_CASE(a_second_app_on_the_same_file_is_refused_and_told_which_process_has_it)
{
    TempDir dir;
    const auto file = dir / "clinic.db";
    OtherProcess secondApp(file, StoreAccess::Exclusive, 200);
    auto app = openSqliteStore(file, appOptions());
    const auto started = std::chrono::steady_clock::now();
    const std::string answer = secondApp.addPatient("Second App");
    BOOST_TEST(startsWith(answer, kRefusedInUse), answer);
    BOOST_TEST(answer.find("process " + std::to_string(::getpid())) != std::string::npos, answer);
    // At once: the app keeps the file until it quits, so waiting would not help.
    const auto waited = std::chrono::steady_clock::now() - started;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(waited).count() < 5000);
    BOOST_TEST(app->patients().search({}).empty());
}

BOOST_AUTO_TEST_CASE(command_line_processes_share_the_file_with_each_other)
{
    TempDir dir;
    const auto file = dir / "clinic.db";
    OtherProcess first(file), second(file);
    auto holding = openSqliteStore(file, testOptions()); // a third, in this process
    BOOST_TEST(startsWith(first.addPatient("First"), "ok "));
    BOOST_TEST(startsWith(second.addPatient("Second"), "ok "));
    holding->patients().add(samplePatient("Third"));
    BOOST_TEST(patientNames(file).size() == 3u);
}

BOOST_AUTO_TEST_CASE(the_app_waits_for_a_command_to_finish_and_says_so_when_it_does_not)
{
    TempDir dir;
    const auto file = dir / "clinic.db";
    OtherProcess app(file, StoreAccess::Exclusive, 200);
    {
        auto command = openSqliteStore(file, testOptions()); // a long command, past the app's 200 ms
        const std::string answer = app.addPatient("Too Early");
        BOOST_TEST(startsWith(answer, kRefusedInUse), answer);
        BOOST_TEST(answer.find("a stretchplan-cli command is still using it") != std::string::npos, answer);
    }
    BOOST_TEST(startsWith(app.addPatient("In Time"), "ok "));
    BOOST_TEST(patientNames(file) == std::set<std::string>{"In Time"});
}

BOOST_AUTO_TEST_CASE(a_killed_app_leaves_no_lock_behind)
{
    TempDir dir;
    const auto file = dir / "clinic.db";
    openSqliteStore(file, testOptions()).reset(); // create it
    int ready[2];
    BOOST_TEST_REQUIRE(::pipe(ready) == 0);
    const pid_t app = ::fork();
    BOOST_TEST_REQUIRE(app >= 0);
    if (app == 0) {
        auto store = openSqliteStore(file, appOptions());
        (void)!::write(ready[1], "r", 1);
        ::pause();
        ::_exit(0);
    }
    char c;
    BOOST_TEST_REQUIRE(::read(ready[0], &c, 1) == 1);
    BOOST_CHECK_EXCEPTION(openSqliteStore(file, testOptions()), DbError,
                          [](const DbError& e) { return e.kind() == DbErrorKind::InUse; });
    ::kill(app, SIGKILL);
    int status = 0;
    ::waitpid(app, &status, 0);
    auto store = openSqliteStore(file, testOptions());
    store->patients().add(samplePatient("After The Crash"));
    BOOST_TEST(patientNames(file).size() == 1u);
    ::close(ready[0]);
    ::close(ready[1]);
}

BOOST_AUTO_TEST_CASE(stores_of_one_process_share_its_lock_and_the_lock_file_is_private)
{
    TempDir dir;
    const auto file = dir / "clinic.db";
    auto first = openSqliteStore(file, appOptions());
    auto second = openSqliteStore(file, appOptions()); // a background thread's store, say
    auto reader = openSqliteStore(file, testOptions());
    first->patients().add(samplePatient("One"));
    BOOST_TEST(second->patients().search({}).size() == 1u);
    BOOST_TEST(reader->patients().search({}).size() == 1u);
    struct stat st {};
    BOOST_TEST_REQUIRE(::stat((file.string() + ".lock").c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_named)
{
    TempDir dir;
    const auto file = dir / "no-such-folder" / "clinic.db";
    BOOST_CHECK_EXCEPTION(openSqliteStore(file, appOptions()), DbError, [&](const DbError& e) {
        return e.kind() == DbErrorKind::Io &&
               std::string(e.what()).find("the folder " + (dir / "no-such-folder").string() + " does not exist") !=
                   std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()
