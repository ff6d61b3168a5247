#include "editor/Workspace.h"
#include "settings/GuidanceFile.h"
#include "settings/XdgDirs.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>

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
    Workspace ws{WorkspaceOptions{db, {}, false, "tester", {}}};
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
    BOOST_TEST(ws.databasePath() == userDataDir() / "clinic.db");
    BOOST_TEST(ws.databasePath() == defaultDatabasePath());
}

BOOST_FIXTURE_TEST_CASE(knows_when_it_created_the_database, OpenWorkspace)
{
    BOOST_TEST(ws.createdDatabase());
    Workspace again{WorkspaceOptions{db, {}, false, "tester", {}}};
    again.openDatabase();
    BOOST_TEST(!again.createdDatabase());
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
