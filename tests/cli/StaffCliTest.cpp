// `stretchplan-cli staff ...` and the roles on a real, throw-away clinic server: the owner
// makes the first admin, who makes the others; the server refuses what a role may not do,
// and the command line says so with exit code 5; `--user` never reaches the audit log.
#include "ClinicFixture.h"
#include "RunCli.h"

#include "../handout/PdfTools.h"

#include "core/JsonText.h"
#include "support/PgCluster.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <memory>

#include <fcntl.h>
#include <unistd.h>

using namespace sp::test;
namespace utf = boost::unit_test;

namespace {

// The exit codes of app/cli/CliContext.h, as a script sees them.
constexpr int kExitUsage = 2, kExitData = 3, kExitForbidden = 5;

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// One server for the suite: its database made by the owner with `db init`.
struct ClinicServer {
    PgCluster cluster;
    std::filesystem::path dir;

    ClinicServer()
    {
        cluster.createRole("sp_owner", "owner-pw", true);
        cluster.psql("ALTER ROLE sp_owner CREATEROLE");
        cluster.createDatabase("clinic", "sp_owner");
        dir = cluster.folder() / "cli-test";
        std::filesystem::create_directories(dir);
        const CliRun init = runCli({"--db", owner(), "db", "init"});
        if (init.exitCode != 0)
            throw std::runtime_error("db init failed: " + init.err);
    }
    std::string owner() const { return cluster.uri("sp_owner", "owner-pw", "clinic"); }
    std::string as(const std::string& login) const { return cluster.uri(login, login + "-pw", "clinic"); }
    std::string passwordFile(const std::string& login) const
    {
        const auto file = dir / (login + ".pw");
        std::ofstream(file) << login << "-pw\n";
        std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        return file.string();
    }
    CliRun run(const std::string& location, std::vector<std::string> args) const
    {
        args.insert(args.begin(), {"--db", location});
        return runCli(args);
    }
    CliRun addStaff(const std::string& by, const std::string& login, const std::string& role) const
    {
        return run(by, {"staff", "add", login, "--name", "Full " + login, "--role", role, "--password-file",
                        passwordFile(login)});
    }
};

ClinicServer& server()
{
    static ClinicServer s;
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(staff_cli)

BOOST_AUTO_TEST_CASE(the_owner_makes_the_first_admin_who_makes_the_others)
{
    const ClinicServer& s = server();
    CliRun r = s.addStaff(s.owner(), "boss", "admin");
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    BOOST_TEST(has(r.out, "added boss (Full boss) as admin"));
    BOOST_TEST_REQUIRE(s.addStaff(s.as("boss"), "ana", "clinician").exitCode == 0);
    BOOST_TEST_REQUIRE(s.addStaff(s.as("boss"), "front.desk", "reception").exitCode == 0);
    r = s.run(s.as("boss"), {"staff", "list", "--json"});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    const sp::Json list = sp::Json::parse(r.out);
    BOOST_TEST_REQUIRE(list.size() == 3u);
    BOOST_TEST(list[0]["login"] == "ana");
    BOOST_TEST(list[0]["role"] == "clinician");
    BOOST_TEST(list[1]["login"] == "boss");
    BOOST_TEST(list[2]["role"] == "reception");
    BOOST_TEST(list[2]["name"] == "Full front.desk");
    BOOST_TEST(has(s.run(s.as("boss"), {"staff", "list"}).out, "front.desk"));

    // A clinician may not add staff; a bad role is a usage error; a taken name is refused.
    r = s.addStaff(s.as("ana"), "eve", "admin");
    BOOST_TEST(r.exitCode == kExitForbidden, r.err);
    BOOST_TEST(has(r.err, "clinician may not add staff accounts (signed in as ana)"), r.err);
    BOOST_TEST(s.addStaff(s.as("boss"), "eve", "doctor").exitCode == kExitUsage);
    r = s.addStaff(s.as("boss"), "postgres", "admin");
    BOOST_TEST(r.exitCode == kExitData);
    BOOST_TEST(has(r.err, "not a StretchPlan account"), r.err);
    // Without a terminal and without a file, nothing is asked and nothing made (run from a
    // terminal, the command would ask on it: not tested then).
    if (const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC); tty >= 0) {
        ::close(tty);
    } else {
        r = s.run(s.as("boss"), {"staff", "add", "eve", "--name", "Eve", "--role", "admin"});
        BOOST_TEST(r.exitCode == kExitUsage, r.err);
        BOOST_TEST(has(r.err, "--password-file"));
    }

    // The password files' contents never reach the server's log.
    const std::string log = s.cluster.logTail(1000);
    for (const std::string login : {"boss", "ana", "front.desk"})
        BOOST_TEST(!has(log, login + "-pw"));
}

BOOST_AUTO_TEST_CASE(reception_cannot_read_a_notes_text_and_user_mallory_never_reaches_the_audit_log,
                     *utf::depends_on("staff_cli/the_owner_makes_the_first_admin_who_makes_the_others"))
{
    const ClinicServer& s = server();
    // As ana, claiming to be mallory: a warning, and the server records ana.
    CliRun r = s.run(s.as("ana"), {"--user", "mallory", "patient", "add", "--name", "Zoe Patient", "--phone", "555"});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    BOOST_TEST(has(r.err, "warning: --user is ignored on a clinic server: it records the signed-in login (ana)"),
               r.err);
    const std::string patientId = r.out.substr(0, r.out.find('\n'));
    r = s.run(s.as("ana"), {"--user", "mallory", "note", "add", "--patient", patientId, "--pain", "4",
                            "--subjective", "Secret clinical words"});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    r = s.run(s.as("boss"), {"audit", "list", "--json"});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    BOOST_TEST(!has(r.out, "mallory"));
    BOOST_TEST(has(r.out, "\"actor\": \"ana\""));

    // Reception: the patient list and the follow-ups due, not the note.
    r = s.run(s.as("front.desk"), {"note", "list", "--patient", patientId});
    BOOST_TEST(r.exitCode == kExitForbidden, r.err);
    BOOST_TEST(has(r.err, "reception may not"), r.err);
    BOOST_TEST(has(r.err, "(signed in as front.desk)"), r.err);
    BOOST_TEST(!has(r.err, "permission denied"), r.err);
    BOOST_TEST(!has(r.out + r.err, "Secret clinical words"));
    r = s.run(s.as("front.desk"), {"patient", "list", "--json"});
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(has(r.out, "Zoe Patient"));
    BOOST_TEST(s.run(s.as("front.desk"), {"followups", "due", "--until", "2199-01-01"}).exitCode == 0);
    BOOST_TEST(s.run(s.as("front.desk"), {"patient", "edit", patientId, "--phone", "556"}).exitCode == 0);
    BOOST_TEST(s.run(s.as("front.desk"), {"patient", "edit", patientId, "--notes", "x"}).exitCode ==
               kExitForbidden);
}

BOOST_AUTO_TEST_CASE(a_role_changes_and_a_disabled_account_cannot_sign_in,
                     *utf::depends_on("staff_cli/reception_cannot_read_a_notes_text_and_user_mallory_never_reaches_the_audit_log"))
{
    const ClinicServer& s = server();
    BOOST_TEST_REQUIRE(s.addStaff(s.as("boss"), "temp", "reception").exitCode == 0);
    CliRun r = s.run(s.as("boss"), {"staff", "role", "temp", "clinician"});
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(has(r.out, "temp is now clinician"));
    BOOST_TEST(s.run(s.as("temp"), {"note", "list", "--patient", "1"}).exitCode == 0);
    r = s.run(s.as("boss"), {"staff", "disable", "temp"});
    BOOST_TEST(r.exitCode == 0, r.err);
    r = s.run(s.as("temp"), {"patient", "list"});
    BOOST_TEST(r.exitCode == kExitData);
    BOOST_TEST(has(r.err, "not permitted to log in"), r.err);
    r = s.run(s.as("boss"), {"staff", "list", "--json"});
    BOOST_TEST(has(r.out, "\"disabled\": true"));
    // A file has no accounts.
    ClinicFixture file;
    r = file.run({"staff", "list"});
    BOOST_TEST(r.exitCode == kExitData);
    BOOST_TEST(has(r.err, "accounts exist only on a clinic server"), r.err);
}

// The handout names who hands it out: the signed-in person's full name, not a login and
// not what --user says.
BOOST_AUTO_TEST_CASE(a_handout_names_the_signed_in_clinician,
                     *utf::depends_on("staff_cli/the_owner_makes_the_first_admin_who_makes_the_others"))
{
    const ClinicServer& s = server();
    const std::string ana = s.as("ana");
    CliRun r = s.run(ana, {"patient", "add", "--name", "Zoe Handout"});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    const std::string patient = r.out.substr(0, r.out.find_first_of("\n"));
    BOOST_TEST_REQUIRE(s.run(ana, {"patient", "screen", patient, "--red-flags", "none"}).exitCode == 0);
    r = s.run(ana, {"plan", "create", "--patient", patient, "--title", "Low back", "--template", "lumbar-extension-bias"});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    const std::string plan = r.out.substr(0, r.out.find_first_of("\n"));
    const auto pdf = s.dir / "zoe.pdf";
    r = s.run(ana, {"--user", "mallory", "plan", "export", plan, "--out", pdf.string()});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    const std::string text = sp::handout::test::runTool({"pdftotext", pdf.string(), "-"}).out;
    BOOST_TEST(has(text, "Full ana"), text);
    BOOST_TEST(!has(text, "mallory"));
}

BOOST_AUTO_TEST_SUITE_END()
