#include "editor/Workspace.h"
#include "settings/GuidanceFile.h"
#include "settings/XdgDirs.h"

#include "RunCli.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <unistd.h>

using namespace sp;

namespace {

struct MakeFolder {
    explicit MakeFolder(const std::filesystem::path& folder) { std::filesystem::create_directories(folder); }
};

struct OpenWorkspace {
    // A folder of its own per test: the database leaves -wal and -shm files beside it.
    std::filesystem::path folder = std::filesystem::path(std::getenv("HOME")) / ("case-" + std::to_string(++s_count));
    std::filesystem::path db = folder / "clinic.db";
    static inline int s_count = 0;
    MakeFolder made{folder};
    Workspace ws{WorkspaceOptions{db, {}, false, "tester", {}, {}}};
    OpenWorkspace()
    {
        ws.openDatabase();
        ws.loadCatalog();
        ws.loadTemplatesAndThresholds();
    }
    ~OpenWorkspace() { std::filesystem::remove_all(folder); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(workspace)

BOOST_AUTO_TEST_CASE(the_default_database_is_the_one_the_command_line_uses)
{
    Workspace ws{WorkspaceOptions{}};
    BOOST_TEST(ws.databaseLocation() == (userDataDir() / "clinic.db").string());
    BOOST_TEST(ws.databaseLocation() == defaultDatabasePath().string());
    BOOST_TEST(!ws.onServer());
}

// The reproduction of the lost-writes report: the app has the database open, a file
// dialog inside its process opens and closes the file (dropping SQLite's POSIX locks),
// then the command line is run on it. The command is refused, says why, writes nothing;
// after the app has quit it runs, and nothing either side wrote is missing.
BOOST_AUTO_TEST_CASE(the_command_line_is_refused_while_the_app_has_the_database_and_nothing_is_lost)
{
    const std::filesystem::path folder = std::filesystem::path(std::getenv("HOME")) / "with-the-cli";
    std::filesystem::create_directories(folder);
    const std::string db = (folder / "clinic.db").string();
    const auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db});
        return test::runCli(args);
    };
    {
        Workspace app{WorkspaceOptions{db, {}, false, "tester", {}, {}}};
        app.openDatabase();
        app.loadCatalog();
        app.loadTemplatesAndThresholds();
        app.addDemoPatient(Date{2026, 11, 24});
        for (const char* suffix : {"", "-wal", "-shm"}) // what GTK's MIME sniffing does
            ::close(::open((db + suffix).c_str(), O_RDONLY));

        const test::CliRun refused = cli({"patient", "add", "--name", "Carl Command"});
        BOOST_TEST(refused.exitCode == 3);
        BOOST_TEST(refused.err.find("open in the StretchPlan app on this computer") != std::string::npos, refused.err);
        BOOST_TEST(cli({"patient", "list"}).exitCode == 3); // reading too: its close would delete the app's log
        app.addDemoPatient(Date{2026, 11, 25});
    }
    BOOST_TEST(cli({"patient", "add", "--name", "Carl Command"}).exitCode == 0);
    const test::CliRun list = cli({"patient", "list"});
    BOOST_TEST(list.exitCode == 0, list.err);
    BOOST_TEST(list.outLines().size() >= 3u, list.out); // two demo patients and Carl
    BOOST_TEST(list.out.find("Carl Command") != std::string::npos, list.out);
    const test::CliRun check = cli({"db", "check"});
    BOOST_TEST(check.exitCode == 0, check.out << check.err);
    std::filesystem::remove_all(folder);
}

BOOST_FIXTURE_TEST_CASE(knows_when_it_created_the_database, OpenWorkspace)
{
    BOOST_TEST(ws.createdDatabase());
    Workspace again{WorkspaceOptions{db, {}, false, "tester", {}, {}}};
    again.openDatabase();
    BOOST_TEST(!again.createdDatabase());
}

BOOST_FIXTURE_TEST_CASE(switching_to_a_database_that_cannot_be_opened_keeps_the_open_one, OpenWorkspace)
{
    const std::int64_t id = ws.store().patients().add([] { Patient p; p.name = "Ada Here"; return p; }());
    const std::string missingFolder = (folder / "no-such-folder" / "clinic.db").string();
    BOOST_CHECK_THROW(ws.switchDatabase(missingFolder, {}), WorkspaceError);
    const std::string notADatabase = (folder / "notes.txt").string();
    { std::ofstream(notADatabase) << "shopping list"; }
    BOOST_CHECK_THROW(ws.switchDatabase(notADatabase, {}), db::DbError);
    BOOST_TEST(ws.databaseLocation() == db.string());
    BOOST_TEST(ws.store().patients().get(id).name == "Ada Here");

    const std::string other = (folder / "other.db").string();
    ws.switchDatabase(other, {});
    BOOST_TEST(ws.databaseLocation() == other);
    BOOST_TEST(ws.createdDatabase());
    BOOST_TEST(ws.store().patients().search(db::PatientQuery{}).empty());
    ws.switchDatabase(other, {}); // the open file again: nothing changes
    BOOST_TEST(ws.databaseLocation() == other);
}

BOOST_FIXTURE_TEST_CASE(the_demo_patient_has_a_screened_record_and_a_plan_from_the_template, OpenWorkspace)
{
    const std::int64_t id = ws.addDemoPatient(Date{2026, 11, 24});
    const Patient p = ws.store().patients().get(id);
    BOOST_TEST((p.preference == DirectionalPreference::ExtensionRelieves));
    BOOST_REQUIRE(p.screening.has_value());
    BOOST_TEST(!p.screening->anyPresent());
    const auto plans = ws.store().plans().listForPatient(id);
    BOOST_REQUIRE(plans.size() == 1u);
    BOOST_TEST(ws.store().plans().revision(plans[0].id).items.size() == 6u);
}

BOOST_FIXTURE_TEST_CASE(saves_the_editor_draft_as_first_and_next_revision, OpenWorkspace)
{
    Patient p;
    p.name = "Ana Test";
    const std::int64_t patientId = ws.store().patients().add(p);
    PlanEditor editor;
    editor.startNew(ws.draftFromTemplate("lumbar-acute-flare", "Flare"));
    BOOST_TEST(ws.save(editor, patientId, "First plan") == 1);
    BOOST_TEST(!editor.isNew());
    BOOST_TEST(!editor.isDirty());
    editor.removeItem(0);
    BOOST_TEST(ws.save(editor, patientId, "Fewer exercises") == 2);
    const PlanRevision latest = ws.store().plans().revision(editor.planId());
    BOOST_TEST(latest.number == 2);
    BOOST_TEST(latest.reason == "Fewer exercises");
    BOOST_TEST(latest.items == editor.draft().items);
}

BOOST_FIXTURE_TEST_CASE(guidance_sees_the_unsaved_draft, OpenWorkspace)
{
    Patient p;
    p.name = "Flexion Relieves";
    p.preference = DirectionalPreference::FlexionRelieves;
    const std::int64_t patientId = ws.store().patients().add(p);
    PlanEditor editor;
    editor.startNew({"Plan", {}, {}});
    editor.addItem(*ws.catalog().find("lumbar/prone-press-up"));
    bool warned = false;
    for (const Finding& f : ws.check(editor, patientId, Date{2026, 11, 24}))
        warned = warned || f.code == "direction.extension-vs-flexion-preference";
    BOOST_TEST(warned);
}

BOOST_FIXTURE_TEST_CASE(saved_thresholds_are_read_back_by_every_front_end, OpenWorkspace)
{
    GuidanceThresholds t = ws.thresholds();
    t.maxExercises = 12;
    ws.saveThresholds(t);
    BOOST_TEST(ws.thresholds().maxExercises == 12);
    BOOST_TEST(loadDefaultGuidanceThresholds().maxExercises == 12);
    std::filesystem::remove(defaultGuidanceSettingsPath());
}

BOOST_FIXTURE_TEST_CASE(an_unknown_template_is_refused, OpenWorkspace)
{
    BOOST_CHECK_THROW(ws.draftFromTemplate("no-such-template", ""), WorkspaceError);
}

BOOST_AUTO_TEST_SUITE_END()
