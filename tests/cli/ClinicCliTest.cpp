// stretchplan-cli patient / plan / note / followups / db / audit, end to end on a
// temporary database: what a clinician types, what they see, and what is refused.
#include "ClinicFixture.h"

#include "core/JsonText.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

using namespace sp::test;
using sp::Json;
using namespace std::string_literals;
namespace fs = std::filesystem;


BOOST_FIXTURE_TEST_SUITE(clinic_cli, ClinicFixture)

BOOST_AUTO_TEST_CASE(adds_finds_edits_and_archives_patients)
{
    const std::string ana = id({"patient", "add", "--name", "Ana María Núñez", "--dob", "1980-06-15", "--email",
                                "ana@example.org", "--preference", "extension-relieves"});
    const std::string bob = id({"patient", "add", "--name", "Bob Stone"});
    BOOST_TEST(ana != bob);

    const Json p = json({"patient", "show", ana, "--json"});
    BOOST_TEST(p.at("name") == "Ana María Núñez");
    BOOST_TEST(p.at("date_of_birth") == "1980-06-15");
    BOOST_TEST(p.at("preference") == "extension-relieves");
    const bool ownerOnly =
        (fs::status(db).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write);
    BOOST_TEST(ownerOnly); // patient data: mode 0600

    // Prefix, case- and accent-insensitive, any word of the name.
    for (const char* query : {"nunez", "NÚÑ", "mar", "ana maria"}) {
        const Json found = json({"patient", "list", "--search", query, "--json"});
        BOOST_TEST_REQUIRE(found.size() == 1u, query);
        BOOST_TEST(found[0].at("name") == "Ana María Núñez");
    }
    BOOST_TEST(json({"patient", "list", "--search", "ez", "--json"}).empty()); // not a prefix

    BOOST_TEST(run({"patient", "edit", ana, "--phone", "+34 91 555 0100"}).exitCode == 0);
    BOOST_TEST(json({"patient", "show", ana, "--json"}).at("phone") == "+34 91 555 0100");
    BOOST_TEST(json({"patient", "show", ana, "--json"}).at("email") == "ana@example.org"); // untouched

    BOOST_TEST(run({"patient", "archive", bob}).exitCode == 0);
    BOOST_TEST(json({"patient", "list", "--json"}).size() == 1u);
    BOOST_TEST(json({"patient", "list", "--archived", "--json"}).size() == 2u);
    BOOST_TEST(run({"patient", "unarchive", bob}).exitCode == 0);
    BOOST_TEST(json({"patient", "list", "--json"}).size() == 2u);
}

BOOST_AUTO_TEST_CASE(records_red_flag_screening)
{
    const std::string p = id({"patient", "add", "--name", "Cara Lee"});
    BOOST_TEST(run({"patient", "screen", p, "--red-flags", "none", "--date", "2026-11-20"}).exitCode == 0);
    Json s = json({"patient", "show", p, "--json"}).at("screening");
    BOOST_TEST(s.at("date") == "2026-11-20");
    BOOST_TEST(s.at("answers").size() >= 5u);
    for (const Json& a : s.at("answers"))
        BOOST_TEST(a.at("present") == false);

    const CliRun flagged = run({"patient", "screen", p, "--red-flags", "severe-night-pain"});
    BOOST_TEST(flagged.exitCode == 0);
    BOOST_TEST(flagged.err.find("red flags recorded") != std::string::npos);
    s = json({"patient", "show", p, "--json"}).at("screening");
    int present = 0;
    for (const Json& a : s.at("answers"))
        present += a.at("present").get<bool>() ? 1 : 0;
    BOOST_TEST(present == 1);

    expectDataError(run({"patient", "screen", p, "--red-flags", "itchy-toes"}), "no red flag \"itchy-toes\"");
}

BOOST_AUTO_TEST_CASE(creates_revises_diffs_and_lists_plans)
{
    const std::string p = id({"patient", "add", "--name", "Dan Ortiz"});
    const std::string full = id({"plan", "create", "--patient", p, "--title", "Back basics", "--template",
                                 "lumbar-full-routine"});
    Json plan = json({"plan", "show", full, "--json"});
    BOOST_TEST(plan.at("items").size() == 10u);
    BOOST_TEST(plan.at("revision").at("number") == 1);
    BOOST_TEST(plan.at("revision").at("author") == "dr.test");
    BOOST_TEST(!plan.at("revision").at("goals").empty());

    const std::string custom = id({"plan", "create", "--patient", p, "--title", "Short", "--exercise",
                                   "lumbar/prone-press-up:sets=2,reps=8,per_day=3,note=Stop if leg pain spreads, please",
                                   "--exercise", "bridge-hold"});
    plan = json({"plan", "show", custom, "--json"});
    BOOST_TEST_REQUIRE(plan.at("items").size() == 2u);
    BOOST_TEST(plan.at("items")[0].at("dosage").at("sets") == 2);
    BOOST_TEST(plan.at("items")[0].at("dosage").at("per_day") == 3);
    BOOST_TEST(plan.at("items")[0].at("note") == "Stop if leg pain spreads, please");
    BOOST_TEST(plan.at("items")[1].at("exercise") == "lumbar/bridge-hold");

    BOOST_TEST(id({"plan", "revise", custom, "--reason", "Progressing", "--add", "lumbar/glute-release", "--remove",
                   "bridge-hold", "--set", "prone-press-up:reps=10,side=both"}) == "2");
    const CliRun diff = run({"plan", "diff", custom, "1", "2"});
    BOOST_TEST(diff.exitCode == 0);
    BOOST_TEST(diff.out.find("+ lumbar/glute-release") != std::string::npos, diff.out);
    BOOST_TEST(diff.out.find("- lumbar/bridge-hold") != std::string::npos, diff.out);
    BOOST_TEST(diff.out.find("reps: 8 -> 10") != std::string::npos, diff.out);
    // Revision 1 is unchanged.
    BOOST_TEST(json({"plan", "show", custom, "--revision", "1", "--json"}).at("items").size() == 2u);

    const CliRun list = run({"plan", "list", "--patient", p});
    BOOST_TEST(list.out.find("Back basics") != std::string::npos);
    BOOST_TEST(list.out.find("Short") != std::string::npos);
    const CliRun templates = run({"plan", "templates"});
    BOOST_TEST(templates.out.find("lumbar-extension-bias") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(exports_and_imports_plan_files_exactly)
{
    const std::string p = id({"patient", "add", "--name", "Eve Park"});
    const std::string plan = id({"plan", "create", "--patient", p, "--title", "Plan \"A\"; -- 100% _done_",
                                 "--template", "lumbar-acute-flare"});
    const fs::path file = dir / "plan.json";
    BOOST_TEST(run({"plan", "export-json", plan, "--out", file.string()}).exitCode == 0);
    Json exported = Json::parse(slurp(file));
    BOOST_TEST(exported.at("format") == "stretchplan-plan");
    BOOST_TEST(!exported.at("items")[0].at("snapshot").at("steps").empty());
    // A note with a NUL and SQL-looking text survives import and export.
    exported["items"][0]["note"] = "it's; DROP TABLE patients; -- \0 done"s;
    std::ofstream(file, std::ios::trunc) << exported.dump(2);

    const std::string copy = id({"plan", "import", file.string()});
    const Json back = json({"plan", "show", copy, "--json"});
    BOOST_TEST(back.at("plan").at("title") == "Plan \"A\"; -- 100% _done_");
    BOOST_TEST(back.at("items")[0].at("note") == exported["items"][0]["note"]);
    BOOST_TEST(back.at("items") .size() == exported.at("items").size());
    BOOST_TEST(back.at("items")[1].at("snapshot") == exported.at("items")[1].at("snapshot"));
}

BOOST_AUTO_TEST_CASE(records_notes_and_lists_follow_ups_due)
{
    const std::string p = id({"patient", "add", "--name", "Fay Green"});
    const std::string q = id({"patient", "add", "--name", "Gus Hill"});
    id({"plan", "create", "--patient", p, "--title", "P", "--exercise", "lumbar/bridge-hold"});
    const std::string note = id({"note", "add", "--patient", p, "--date", "2026-11-01", "--pain", "6", "--pain-worst",
                                 "8", "--pain-best", "3", "--adherence", "10/14", "--psfs", "Putting on socks=4",
                                 "--psfs", "Sitting 1 hour=3", "--subjective", "Better mornings; \"stiff\" at 5%",
                                 "--objective", "FF to knee", "--assessment", "Improving", "--plan-text",
                                 "Progress bridge", "--next-due", "2026-11-15"});
    id({"note", "add", "--patient", q, "--date", "2026-11-02", "--pain", "2", "--next-due", "2026-12-20"});

    const Json notes = json({"note", "list", "--patient", p, "--json"});
    BOOST_TEST_REQUIRE(notes.size() == 1u);
    BOOST_TEST(notes[0].at("id") == std::stoll(note));
    BOOST_TEST(notes[0].at("pain_worst") == 8);
    BOOST_TEST(notes[0].at("sessions_done") == 10);
    BOOST_TEST(notes[0].at("psfs").size() == 2u);
    BOOST_TEST(notes[0].at("subjective") == "Better mornings; \"stiff\" at 5%");
    BOOST_TEST(!notes[0].at("revision_id").is_null()); // the patient's only active plan
    BOOST_TEST(notes[0].at("version") == 1); // as written: never amended
    BOOST_TEST(notes[0].at("amended_at").is_null());

    const Json due = json({"followups", "due", "--until", "2026-11-30", "--json"});
    BOOST_TEST_REQUIRE(due.size() == 1u);
    BOOST_TEST(due[0].at("name") == "Fay Green");
    BOOST_TEST(due[0].at("due") == "2026-11-15");
    BOOST_TEST(json({"followups", "due", "--until", "2026-12-31", "--json"}).size() == 2u);

    const CliRun timeline = run({"patient", "timeline", p});
    BOOST_TEST(timeline.exitCode == 0);
    const auto revisionAt = timeline.out.find("plan revision");
    const auto noteAt = timeline.out.find("follow-up note");
    BOOST_TEST(revisionAt != std::string::npos);
    BOOST_TEST(noteAt != std::string::npos);
    BOOST_TEST(noteAt < revisionAt); // the visit (2026-11-01) came before today's plan
}

BOOST_AUTO_TEST_CASE(checks_backs_up_and_audits)
{
    const std::string p = id({"patient", "add", "--name", "Hal Ives", "--email", "hal@example.org"});
    BOOST_TEST(run({"patient", "edit", p, "--email", "hal@example.net"}).exitCode == 0);

    const CliRun check = run({"db", "check"});
    BOOST_TEST(check.exitCode == 0, check.out << check.err);
    BOOST_TEST(check.out.find("ok     integrity") != std::string::npos);
    BOOST_TEST(check.out.find("ok     audit chain") != std::string::npos);

    const fs::path copy = dir / "copy.db";
    BOOST_TEST(run({"db", "backup", "--out", copy.string()}).exitCode == 0);
    BOOST_TEST(fs::exists(copy));
    BOOST_TEST(runCli({"--db", copy.string(), "patient", "list"}).out.find("Hal Ives") != std::string::npos);
    expectDataError(run({"db", "backup", "--out", copy.string()}), copy.string());

    const Json audit = json({"audit", "list", "--patient", p, "--json"});
    BOOST_TEST_REQUIRE(audit.size() >= 2u);
    BOOST_TEST(audit[0].at("action") == "update");
    BOOST_TEST(audit[0].at("actor") == "dr.test");
    BOOST_TEST(audit.dump().find("hal@example") == std::string::npos); // no personal data in the log
}

// The head printed by `db check` and `db backup` is what an auditor writes down; the
// checkpoint file beside the database is what the check compares the chain with.
BOOST_AUTO_TEST_CASE(check_and_backup_print_the_audit_head_and_check_compares_it_with_the_checkpoints)
{
    const std::string p = id({"patient", "add", "--name", "Hal Ives"});
    BOOST_TEST(run({"patient", "archive", p}).exitCode == 0);
    const Json newest = json({"audit", "list", "--limit", "1", "--json"}).at(0);
    const std::string head = "audit head: entry 2 " + newest.at("hash").get<std::string>() + "\n";

    const CliRun check = run({"db", "check"});
    BOOST_TEST(check.exitCode == 0, check.out << check.err);
    BOOST_TEST(check.out.find("ok     audit anchor: ok") != std::string::npos, check.out);
    BOOST_TEST(check.out.find(head) != std::string::npos, check.out);
    const fs::path copy = dir / "copy.db";
    const CliRun backup = run({"db", "backup", "--out", copy.string()});
    BOOST_TEST(backup.out.find(head) != std::string::npos, backup.out);
    BOOST_TEST(fs::exists(copy.string() + ".chain"));

    // A checkpoint that no longer matches: the log was rewritten behind the app's back.
    const std::string chain = db + ".chain";
    const std::string lines = slurp(chain);
    std::ofstream(chain, std::ios::trunc) << "1 " << std::string(64, 'f') << "\n" << lines.substr(lines.find('\n') + 1);
    const CliRun forged = run({"db", "check"});
    BOOST_TEST(forged.exitCode == 3);
    BOOST_TEST(forged.out.find("FAILED audit anchor: audit entry 1 does not match its checkpoint") != std::string::npos,
               forged.out);

    // No checkpoint file at all: said plainly, and a first checkpoint is started.
    fs::remove(chain);
    const CliRun missing = run({"db", "check"});
    BOOST_TEST(missing.exitCode == 0, missing.out);
    BOOST_TEST(missing.out.find("WARN   audit anchor: no checkpoint file") != std::string::npos, missing.out);
    BOOST_TEST(slurp(chain) == "2 " + newest.at("hash").get<std::string>() + "\n");
}

BOOST_AUTO_TEST_CASE(purge_needs_confirmation_and_leaves_no_personal_data)
{
    const std::string p = id({"patient", "add", "--name", "Ida Jones"});
    id({"plan", "create", "--patient", p, "--title", "P", "--exercise", "lumbar/bridge-hold"});
    id({"note", "add", "--patient", p, "--pain", "4", "--subjective", "Ida's knee"});

    const CliRun refused = run({"patient", "purge", p});
    BOOST_TEST(refused.exitCode == 2);
    BOOST_TEST(refused.err.find("--confirm") != std::string::npos);
    BOOST_TEST(patientCount() == 1u);

    const CliRun purged = run({"patient", "purge", p, "--confirm"});
    BOOST_TEST(purged.exitCode == 0, purged.err);
    BOOST_TEST(purged.out == "purged patient " + p + "\n");
    BOOST_TEST(purged.err.empty(), purged.err); // no other reader: the erasure is complete
    expectDataError(run({"patient", "show", p}), "no patient");
    BOOST_TEST(patientCount() == 0u);
    const Json audit = json({"audit", "list", "--json"});
    BOOST_TEST(audit[0].at("action") == "purge");
    BOOST_TEST(audit.dump().find("Ida") == std::string::npos);
    BOOST_TEST(run({"db", "check"}).exitCode == 0);
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_clear_error_and_writes_nothing)
{
    const std::string p = id({"patient", "add", "--name", "Kim Lane"});
    expectDataError(run({"patient", "add", "--name", "X", "--dob", "2026-02-30"}), "--dob: \"2026-02-30\" is not a date");
    expectDataError(run({"patient", "add", "--name", std::string(201, 'a')}), "too long (201 characters, at most 200)");
    expectDataError(run({"patient", "add", "--name", "Caf\xC3\x28"}), "UTF-8");
    expectDataError(run({"patient", "add", "--name", "Zed", "--email", "not-an-address"}), "not an e-mail address");
    BOOST_TEST(patientCount() == 1u);

    expectDataError(run({"note", "add", "--patient", p, "--pain", "11"}), "--pain: 11 is out of range (0\u201310)");
    expectDataError(run({"note", "add", "--patient", p, "--pain", "3", "--pain-worst", "1"}), "pain_worst");
    expectDataError(run({"note", "add", "--patient", "999", "--pain", "3"}), "no patient 999");
    BOOST_TEST(json({"note", "list", "--patient", p, "--json"}).empty());

    expectDataError(run({"plan", "create", "--patient", p, "--title", "T", "--exercise", "lumbar/bridge-hold:reps=-3"}),
                    "reps: -3 is out of range (1\u2013100)");
    expectDataError(run({"plan", "create", "--patient", p, "--title", "T", "--exercise", "lumbar/handstand"}),
                    "no exercise \"lumbar/handstand\"");
    expectDataError(run({"plan", "create", "--patient", "999", "--title", "T", "--exercise", "bridge-hold"}),
                    "no patient 999");
    expectDataError(run({"plan", "create", "--patient", p, "--title", "T", "--template", "yoga"}),
                    "no plan template \"yoga\"");
    expectDataError(run({"plan", "create", "--patient", p, "--title", "T", "--exercise", "bridge-hold:colour=red"}),
                    "unknown setting \"colour\"");
    expectDataError(run({"plan", "show", "999"}), "no plan 999");
    expectDataError(run({"plan", "show", "abc"}), "\"abc\" is not a plan id");
    BOOST_TEST(run({"plan", "list", "--patient", p}).outLines().size() == 1u); // the header only: no plan made
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_refused_and_left_untouched)
{
    const fs::path notes = dir / "notes.txt";
    std::ofstream(notes) << "These are my notes, not a database.\n";
    const std::string before = slurp(notes);
    const CliRun r = runCli({"--db", notes.string(), "patient", "list"});
    BOOST_TEST(r.exitCode == 3);
    BOOST_TEST(r.err.find(notes.string()) != std::string::npos, r.err);
    BOOST_TEST(slurp(notes) == before);
    BOOST_TEST(!fs::exists(notes.string() + "-wal"));
}

BOOST_AUTO_TEST_SUITE_END()
