// The screenshots in docs/ of the exercise editor, the plugin manager and the clinic
// database's dialogs (open, unavailable, plan conflict, sign-in), the lock screen and
// the stale-draft banner, taken on the
// test's own X server: not run by ctest (disabled), run on purpose with
//   SP_SCREENSHOT_DIR=docs build/bin/test_gui --run_test=docs_screenshots
// Each shows the main window with a demo patient and the dialog over it, as a clinician
// sees them; `import` (ImageMagick) grabs the screen. With SP_SCREENSHOT_ALL=1 it also
// shoots the editor's other pages and the clinic exercise list, to look at, not for docs/.
#include "ToolsFixture.h"

#include "db/OpenStore.h"
#include "gui/ClinicExercisesDialog.h"
#include "gui/DatabaseOpening.h"
#include "gui/ExerciseEditorDialog.h"
#include "gui/FigureEditor.h"
#include "gui/LockScreen.h"
#include "gui/OpenDatabaseDialog.h"
#include "gui/PatientListPanel.h"
#include "gui/PlanConflictDialog.h"
#include "gui/SignInDialog.h"
#include "gui/PluginManagerDialog.h"
#include "gui/StringListEditor.h"
#include "support/PamTestService.h"
#include "support/PgCluster.h"

#include <boost/test/unit_test.hpp>

#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <cstdlib>

namespace fs = std::filesystem;
using namespace sp;
using sp::test::ToolsFixture;

namespace {

void shoot(wxWindow& window, const std::string& name)
{
    const char* dir = std::getenv("SP_SCREENSHOT_DIR");
    BOOST_TEST_REQUIRE(dir != nullptr, "set SP_SCREENSHOT_DIR to the folder for the screenshots");
    window.Show();
    window.Raise();
    for (int i = 0; i < 20; ++i) {
        ToolsFixture::pump();
        wxMilliSleep(50);
    }
    window.Update();
    wxUIActionSimulator().MouseMove(1279, 799); // no tooltip over the dialog
    for (int i = 0; i < 5; ++i) {
        ToolsFixture::pump();
        wxMilliSleep(50);
    }
    const fs::path file = fs::absolute(fs::path(dir) / name);
    const std::string command = "import -window root '" + file.string() + "'";
    BOOST_TEST_REQUIRE(std::system(command.c_str()) == 0, command);
    BOOST_TEST(fs::file_size(file) > 10000u);
}

// The packs from the user's folder only, so that paths show as a clinic's would.
struct ScreenshotFixture : ToolsFixture {
    ScreenshotFixture() : ToolsFixture(false)
    {
        fs::create_directories(userPluginDir());
        fs::copy(fs::path(SP_SOURCE_DIR) / "plugins/lumbar", userPluginDir() / "lumbar", fs::copy_options::recursive);
        frame->reloadCatalog();
        frame->SetPosition(wxPoint(0, 0));
        frame->SetSize(wxSize(1280, 800));
        // As after the first start, which asks for the name that goes on handouts.
        workspace->setHandoutName("Sam Lee, physiotherapist");
        const std::int64_t id = workspace->addDemoPatient(gui::localToday());
        frame->patientList().reload();
        frame->selectPatient(id);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(docs_screenshots, *boost::unit_test::disabled())

BOOST_FIXTURE_TEST_CASE(exercise_editor, ScreenshotFixture)
{
    gui::ExerciseEditorDialog dialog(frame, *workspace, ClinicPack(ClinicPack::defaultFolder()));
    // A clinic's variant of a built-in exercise: the bridge, one arm reaching up.
    dialog.text("name")->SetValue("Bridge with arm reach");
    dialog.text("summary")->SetValue("Strengthen your buttocks and back while keeping your low back still.");
    dialog.text("regions")->SetValue("hip, low back");
    dialog.text("start_position")->SetValue("Lie on your back, knees bent, feet flat and hip-width apart.");
    dialog.setType(ExerciseType::Strength);
    dialog.setPosition(Position::Supine);
    dialog.setDirection(Direction::Neutral, true);
    dialog.list("steps")->setStrings({"Lift your hips until knees, hips and shoulders line up.",
                                      "Reach one arm up to the ceiling and hold.", "Lower slowly."});
    dialog.list("cues")->setStrings({"Keep your ribs down.", "Breathe out as you lift."});
    BOOST_REQUIRE(dialog.figureEditor().useTemplate("lumbar/bridge-hold"));
    dialog.figureEditor().selectPose(1);
    BOOST_REQUIRE(dialog.figureEditor().selectJoint(Joint::ElbowL));
    BOOST_REQUIRE(dialog.figureEditor().setAngle(95));
    dialog.figureEditor().setPoseLabel("Hips up, arm reaching");
    dialog.addPhoto(writePng("bridge.png"), "Hips level with the knees");
    if (std::getenv("SP_SCREENSHOT_ALL")) {
        shoot(dialog, "editor-page-1.png");
        dialog.showPageOf("steps");
        shoot(dialog, "editor-page-2.png");
        dialog.showPageOf("dosage");
        shoot(dialog, "editor-page-3.png");
        dialog.text("name")->SetValue("");
        dialog.save();
        shoot(dialog, "editor-errors.png");
        dialog.text("name")->SetValue("Bridge with arm reach");
    }
    dialog.showPageOf("figure");
    shoot(dialog, "gui-exercise-editor.png");
}

// docs/gui-main-window.png: the demo patient, its plan and the live guidance.
BOOST_FIXTURE_TEST_CASE(main_window, ScreenshotFixture)
{
    shoot(*frame, "gui-main-window.png");
}

BOOST_FIXTURE_TEST_CASE(plugin_manager, ScreenshotFixture)
{
    BOOST_REQUIRE(frame->importPackFrom(fs::path(SP_SOURCE_DIR) / "plugins/examples/clinic-pack"));
    fs::copy(fs::path(SP_TEST_DATA_DIR) / "packs/bad-dosage-range", userPluginDir() / "bad-dosage-range",
             fs::copy_options::recursive);
    const fs::path library = userPluginDir() / "native-good" / "native-good.so";
    fs::create_directories(library.parent_path());
    fs::copy_file(fs::path(SP_TEST_NATIVE_DIR) / "native-good" / "native-good.so", library);
    frame->reloadCatalog();
    gui::PluginManagerDialog dialog(frame, *workspace, frame->toolPrompts(),
                                    [this](bool rerun) { frame->reloadCatalog(rerun); });
    BOOST_REQUIRE(dialog.select("bad-dosage-range"));
    shoot(dialog, "gui-plugin-manager.png");
    if (std::getenv("SP_SCREENSHOT_ALL")) {
        dialog.Hide();
        gui::ClinicExercisesDialog list(frame, *workspace, ClinicPack(ClinicPack::defaultFolder()), frame->toolPrompts(),
                                        [this] { frame->reloadCatalog(); });
        shoot(list, "clinic-list-empty.png");
    }
}

BOOST_FIXTURE_TEST_CASE(open_database, ScreenshotFixture)
{
    gui::OpenDatabaseDialog dialog(
        frame,
        "postgresql://ana@db.clinic.example:5432/clinic?sslmode=verify-full&sslrootcert=/etc/stretchplan/ca.crt",
        true);
    shoot(dialog, "gui-open-database.png");
}

BOOST_FIXTURE_TEST_CASE(server_unavailable, ScreenshotFixture)
{
    gui::OpenFailure failure;
    failure.location = "ana@db.clinic.example:5432/clinic";
    failure.reason = "cannot reach the clinic server db.clinic.example:5432/clinic: connection to server at "
                     "\"db.clinic.example\" (192.0.2.10), port 5432 failed: timeout expired";
    failure.server = true;
    failure.localAvailable = true;
    failure.atStart = true;
    gui::DatabaseUnavailableDialog dialog(frame, failure, true);
    shoot(dialog, "gui-server-unavailable.png");
}

BOOST_FIXTURE_TEST_CASE(plan_conflict, ScreenshotFixture)
{
    // The demo plan, revised meanwhile by a colleague (one exercise fewer) while this
    // draft gave the first exercise a note.
    const std::int64_t planId = frame->editor().planId();
    const PlanRevision base = workspace->store().plans().revision(planId);
    PlanRevision theirs = base;
    theirs.number = base.number + 1;
    theirs.author = "pt.okafor";
    theirs.createdAt = "2026-12-05T09:41:07Z";
    theirs.reason = "Too much for now: fewer exercises";
    theirs.items.pop_back();
    PlanRevision draft = base; // as the editor gives it: not stored, no number
    draft.id = 0;
    draft.number = 0;
    draft.author.clear();
    draft.createdAt.clear();
    draft.reason = "Caution for leg symptoms";
    draft.items.front().note = "Stop if the leg tingles.";
    draft.items.front().dosage.reps = 12;
    gui::PlanConflictDialog dialog(frame,
                                   "plan 1 changed while this draft was open: revision 2 was saved by pt.okafor at "
                                   "2026-12-05T09:41:07Z, and this draft was based on revision 1. Nothing was saved; "
                                   "review their revision, then save the draft again on top of it.",
                                   base, theirs, draft);
    shoot(dialog, "gui-plan-conflict.png");
}

BOOST_FIXTURE_TEST_CASE(sign_in, ScreenshotFixture)
{
    gui::SignInDialog dialog(frame, "postgresql://ana@db.clinic.example:5432/clinic?sslmode=verify-full", wxString(),
                             true);
    shoot(dialog, "gui-sign-in.png");
}

BOOST_FIXTURE_TEST_CASE(locked, ScreenshotFixture)
{
    test::PamTestService pam("unlock");
    frame->setPasswordService({test::PamTestService::kName, pam.confDir()});
    frame->setLockRunner([&](gui::LockScreen& screen) {
        shoot(screen, "gui-locked.png");
        BOOST_TEST(screen.tryUnlock("unlock"));
    });
    frame->lock();
}

// The stale-draft banner needs the change feed of a real server: Sam's draft of the demo
// plan, and Ana Lee's revision saved meanwhile at another workstation.
BOOST_FIXTURE_TEST_CASE(stale_draft, ToolsFixture)
{
    test::PgCluster cluster;
    cluster.createRole("sp_owner", "owner-secret", true);
    cluster.psql("ALTER ROLE sp_owner CREATEROLE");
    cluster.createDatabase("clinic", "sp_owner");
    db::StoreOptions options;
    options.actor = "admin";
    const std::string owner = cluster.uri("sp_owner", "owner-secret", "clinic");
    db::initClinicDatabase(owner, options);
    {
        auto admin = db::openClinicStore(owner, options);
        admin->staff().add({"sam.ortiz", "Sam Ortiz", db::StaffRole::Clinician, false, {}}, "sam-secret");
        admin->staff().add({"ana.lee", "Ana Lee", db::StaffRole::Clinician, false, {}}, "ana-secret");
    }
    Workspace sam(WorkspaceOptions{cluster.uri("sam.ortiz", "", "clinic"), {}, false, {}, {}, "sam-secret"});
    sam.openDatabase();
    sam.loadCatalog();
    sam.loadTemplatesAndThresholds();
    auto* window = new gui::MainFrame(sam);
    // The window goes before its workspace, whatever happens here.
    const std::unique_ptr<gui::MainFrame, void (*)(gui::MainFrame*)> closing(window, [](gui::MainFrame* w) {
        w->Destroy();
        ToolsFixture::pump();
    });
    window->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
    window->SetPosition(wxPoint(0, 0));
    window->SetSize(wxSize(1280, 800));
    window->Show();
    const std::int64_t id = sam.addDemoPatient(gui::localToday());
    window->patientList().reload();
    BOOST_REQUIRE(window->selectPatient(id));
    BOOST_REQUIRE(window->editor().isOpen());
    window->editor().setNote(0, "Stop if the leg tingles.");

    db::StoreOptions anaOptions;
    anaOptions.password = "ana-secret";
    anaOptions.actor = "ana.lee"; // the server records its own sign-in anyway
    auto ana = db::openClinicStore(cluster.uri("ana.lee", "", "clinic"), anaOptions);
    const std::int64_t planId = window->editor().planId();
    PlanRevision next = ana->plans().revision(planId);
    next.items.pop_back();
    next.reason = "Too much for now: fewer exercises";
    BOOST_TEST_MESSAGE("revised to " << ana->plans().revise(planId, next, next.number) << " on base "
                                     << window->editor().baseRevision());
    for (int i = 0; i < 150 && window->staleDraftText().empty(); ++i) {
        ToolsFixture::pump();
        wxMilliSleep(20);
    }
    BOOST_REQUIRE(!window->staleDraftText().empty());
    shoot(*window, "gui-stale-draft.png");
}

BOOST_AUTO_TEST_SUITE_END()
