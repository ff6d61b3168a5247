// The clinic exercise editor as a clinician uses it: a new exercise filled in and saved is
// in a real pack that loads, in the catalog, found by search and addable to a plan at once;
// bad input is refused under its field and nothing is written; photos are checked when
// chosen; a saved exercise is edited in place; packs are imported and exported.
#include "ToolsFixture.h"

#include "core/FigureEditing.h"
#include "gui/CatalogPanel.h"
#include "gui/ClinicExercisesDialog.h"
#include "gui/ExerciseEditorDialog.h"
#include "gui/FigureEditor.h"
#include "gui/PlanPanel.h"
#include "gui/StringListEditor.h"
#include "gui/ToolsMenu.h"
#include "pluginhost/PackLoader.h"

#include <boost/test/unit_test.hpp>

#include <wx/textctrl.h>

#include <algorithm>
#include <cmath>

namespace fs = std::filesystem;
using namespace sp;
using sp::test::ToolsFixture;

namespace {

ClinicPack clinicPack()
{
    return ClinicPack(ClinicPack::defaultFolder());
}

// Every required field, as a clinician would type it.
void fillWallSlide(gui::ExerciseEditorDialog& d)
{
    d.text("name")->SetValue("Wall slide für Knie");
    d.text("summary")->SetValue("Build strength in your thighs to make standing up easier.");
    d.text("regions")->SetValue("hip, knee");
    d.text("equipment")->SetValue("wall");
    d.text("start_position")->SetValue("Stand with your back against a wall, feet a step away from it.");
    d.setType(ExerciseType::Strength);
    d.setPosition(Position::Standing);
    d.setDirection(Direction::Neutral, true);
    d.list("steps")->setStrings({"Slide down the wall a little.", "Hold.", "Push back up."});
    d.list("cues")->setStrings({"Keep your knees over your toes."});
    d.setDosage(Dosage{2, 8, 5, 30, 1, 5, Side::Both, 4});
}

std::size_t fileCount(const fs::path& folder)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return 0;
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(exercise_editor, ToolsFixture)

BOOST_AUTO_TEST_CASE(a_new_exercise_is_saved_in_a_pack_that_loads_and_goes_into_a_plan_at_once)
{
    gui::ExerciseEditorDialog dialog(frame, *workspace, clinicPack());
    fillWallSlide(dialog);
    BOOST_TEST(dialog.text("id")->GetValue() == "wall-slide-fur-knie"); // made from the name
    BOOST_REQUIRE(dialog.figureEditor().useTemplate("preset/standing"));
    BOOST_REQUIRE(dialog.figureEditor().selectJoint(Joint::ElbowL));
    BOOST_REQUIRE(dialog.figureEditor().setAngle(0)); // the upper arm straight forward
    BOOST_REQUIRE_MESSAGE(dialog.save(), gui::u8(dialog.messageFor("")));
    BOOST_TEST(dialog.saved()->pack == "clinic");

    const LoadedPack loaded = clinicPack().load();
    BOOST_TEST_REQUIRE(loaded.ok());
    BOOST_TEST(loaded.manifest->id == "clinic");
    BOOST_TEST_REQUIRE(loaded.exercises.size() == 1u);
    const Exercise& stored = loaded.exercises[0];
    BOOST_TEST(stored.name == "Wall slide für Knie");
    BOOST_TEST(stored.steps.size() == 3u);
    BOOST_TEST((stored.regions == std::vector<std::string>{"hip", "knee"}));
    BOOST_TEST(stored.dosage.hold_s == 5);
    BOOST_TEST_REQUIRE(stored.figure.has_value());
    BOOST_TEST(std::abs(*boneAngle(stored.figure->poses[0], Joint::ElbowL)) < 0.01);

    // The clinic's own catalog, at once: listed, found by search, added to a plan.
    frame->reloadCatalog();
    BOOST_TEST(workspace->catalog().find("clinic/wall-slide-fur-knie") != nullptr);
    frame->catalogPanel().setSearch("wall slide knie");
    BOOST_TEST_REQUIRE(!frame->catalogPanel().shown().empty());
    BOOST_TEST(frame->catalogPanel().shown().front()->qualifiedId() == "clinic/wall-slide-fur-knie");
    Patient p;
    p.name = "Ada Editor";
    BOOST_REQUIRE(frame->addPatient(p) > 0);
    BOOST_TEST(frame->addExercise("clinic/wall-slide-fur-knie"));
    BOOST_TEST(frame->editor().contains("clinic/wall-slide-fur-knie"));
    BOOST_TEST(frame->saveRevision("With the clinic's exercise") == 1);
}

BOOST_AUTO_TEST_CASE(empty_and_bad_fields_are_refused_under_each_field_and_nothing_is_written)
{
    gui::ExerciseEditorDialog dialog(frame, *workspace, clinicPack());
    dialog.text("name")->SetValue("Knee hug");
    BOOST_TEST(!dialog.save()); // no aim, steps, cues, regions, direction, start position
    for (const char* field : {"summary", "steps", "cues", "regions", "directions", "start_position"})
        BOOST_TEST(!dialog.messageFor(field).empty(), field);
    BOOST_TEST(dialog.messageFor("name").empty());
    BOOST_TEST(!clinicPack().exists()); // the first save creates the pack, this one did not

    fillWallSlide(dialog);
    dialog.text("id")->SetValue("Bad Id!");
    BOOST_TEST(!dialog.save());
    BOOST_TEST(dialog.messageFor("id").Contains("a-z"));
    dialog.text("id")->SetValue("wall-slide");
    dialog.text("progressions")->SetValue("lumbar/no-such-exercise, wall-slide");
    dialog.text("video_url")->SetValue("ftp://example.org/video");
    BOOST_TEST(!dialog.save());
    BOOST_TEST(dialog.messageFor("progressions").Contains("no-such-exercise"));
    BOOST_TEST(dialog.messageFor("progressions").Contains("name itself"));
    BOOST_TEST(!clinicPack().exists());
    dialog.text("progressions")->SetValue("lumbar/prone-press-up");
    BOOST_TEST(!dialog.save()); // the video address is checked by the pack loader's rules
    BOOST_TEST(!dialog.messageFor("video_url").empty());
    BOOST_TEST(!clinicPack().exists());
    dialog.text("video_url")->SetValue("");
    BOOST_REQUIRE(dialog.figureEditor().useTemplate("preset/lying"));
    BOOST_REQUIRE(dialog.figureEditor().selectJoint(Joint::Neck));
    BOOST_REQUIRE(dialog.figureEditor().setAngle(-90)); // the trunk through the floor, out of the drawing
    BOOST_TEST(!dialog.save());
    BOOST_TEST(dialog.messageFor("figure").Contains("pose 1"), gui::u8(dialog.messageFor("figure")));
    BOOST_TEST(!clinicPack().exists());
    BOOST_REQUIRE(dialog.figureEditor().setAngle(180)); // back along the floor
    BOOST_REQUIRE_MESSAGE(dialog.save(), gui::u8(dialog.messageFor("figure")));
    BOOST_TEST(dialog.messageFor("video_url").empty());
    BOOST_TEST(clinicPack().load().ok());
}

BOOST_AUTO_TEST_CASE(a_photo_is_checked_when_chosen_copied_into_the_pack_and_a_corrupt_one_is_refused)
{
    gui::ExerciseEditorDialog dialog(frame, *workspace, clinicPack());
    fillWallSlide(dialog);
    const fs::path corrupt = writeBytes("corrupt.png", "\x89PNG\r\n\x1a\nthis is not really an image");
    BOOST_TEST(!dialog.addPhoto(corrupt, "Halfway down"));
    BOOST_TEST(dialog.messageFor("media").Contains("corrupt.png"));
    BOOST_TEST(!dialog.addPhoto(fs::path(SP_TEST_DATA_DIR) / "images/jpeg-named.png", "Mislabelled"));
    BOOST_TEST(dialog.messageFor("media").Contains("jpeg-named.png"));
    BOOST_TEST(!dialog.addPhoto(folder / "no-such-photo.jpg", "Missing"));
    BOOST_TEST(dialog.photoCount() == 0u);

    BOOST_REQUIRE(dialog.addPhoto(writePng("halfway.png"), ""));
    BOOST_TEST(dialog.messageFor("media").empty());
    BOOST_TEST(!dialog.save()); // a photo needs a caption
    BOOST_TEST(dialog.messageFor("media").Contains("caption"));
    BOOST_TEST(!clinicPack().exists());
    dialog.removePhoto(0);
    BOOST_REQUIRE(dialog.addPhoto(writePng("halfway.png"), "Halfway down"));
    BOOST_REQUIRE(dialog.save());

    const LoadedPack loaded = clinicPack().load();
    BOOST_TEST_REQUIRE(loaded.ok());
    BOOST_TEST_REQUIRE(loaded.exercises[0].media.images.size() == 1u);
    BOOST_TEST(loaded.exercises[0].media.images[0].caption == "Halfway down");
    BOOST_TEST(fs::exists(clinicPack().folder() / loaded.exercises[0].media.images[0].file));
    BOOST_TEST(fileCount(clinicPack().folder() / "media") == 1u);
}

BOOST_AUTO_TEST_CASE(a_saved_exercise_is_edited_in_place_and_keeps_its_id)
{
    Exercise saved;
    {
        gui::ExerciseEditorDialog dialog(frame, *workspace, clinicPack());
        fillWallSlide(dialog);
        BOOST_REQUIRE(dialog.addPhoto(writePng("start.png"), "Start"));
        BOOST_REQUIRE(dialog.save());
        saved = *dialog.saved();
    }
    gui::ExerciseEditorDialog dialog(frame, *workspace, clinicPack(), saved, false);
    BOOST_TEST(!dialog.text("id")->IsEditable());
    BOOST_TEST(dialog.photoCount() == 1u); // the photo already in the pack
    dialog.text("name")->SetValue("Wall slide (slow)");
    BOOST_TEST(dialog.text("id")->GetValue() == saved.id); // not made again from the new name
    auto steps = dialog.list("steps")->strings();
    steps.push_back("Breathe out as you push up.");
    dialog.list("steps")->setStrings(steps);
    BOOST_REQUIRE_MESSAGE(dialog.save(), gui::u8(dialog.messageFor("")));

    const LoadedPack loaded = clinicPack().load();
    BOOST_TEST_REQUIRE(loaded.ok());
    BOOST_TEST_REQUIRE(loaded.exercises.size() == 1u);
    BOOST_TEST(loaded.exercises[0].id == saved.id);
    BOOST_TEST(loaded.exercises[0].name == "Wall slide (slow)");
    BOOST_TEST(loaded.exercises[0].steps.size() == 4u);
    BOOST_TEST(loaded.exercises[0].media.images == saved.media.images);
    frame->reloadCatalog();
    BOOST_TEST(workspace->catalog().find("clinic/" + saved.id)->name == "Wall slide (slow)");

    // A new exercise may not take the id of one already in the pack.
    gui::ExerciseEditorDialog another(frame, *workspace, clinicPack());
    fillWallSlide(another);
    BOOST_TEST(!another.save());
    BOOST_TEST(another.messageFor("id").Contains("already has"));
    BOOST_TEST(clinicPack().load().exercises[0].name == "Wall slide (slow)");
}

BOOST_AUTO_TEST_CASE(a_catalog_exercise_is_duplicated_into_the_clinic_pack_with_its_figure)
{
    const Exercise* source = workspace->catalog().find("lumbar/prone-press-up");
    BOOST_TEST_REQUIRE(source != nullptr);
    gui::ClinicExercisesDialog list(frame, *workspace, clinicPack(), frame->toolPrompts(), [this] { frame->reloadCatalog(); });
    const auto copy = list.duplicateOf(*source);
    BOOST_TEST(copy.exercise.id == "prone-press-up");
    gui::ExerciseEditorDialog dialog(frame, *workspace, clinicPack(), copy.exercise, true, copy.folder);
    dialog.text("name")->SetValue("Prone press-up, elbows");
    dialog.text("id")->SetValue("prone-press-up-elbows");
    BOOST_REQUIRE_MESSAGE(dialog.save(), gui::u8(dialog.messageFor("")));
    list.refresh();
    BOOST_TEST_REQUIRE(list.exercises().size() == 1u);
    BOOST_TEST((list.exercises()[0].figure == source->figure));
    BOOST_TEST(list.exercises()[0].steps == source->steps);
    // A second copy gets a free id of its own.
    BOOST_TEST(list.duplicateOf(list.exercises()[0]).exercise.id == "prone-press-up-elbows-2");
}

BOOST_AUTO_TEST_CASE(removing_asks_first_refuses_the_last_exercise_and_plans_keep_their_copy)
{
    for (const char* name : {"First clinic move", "Second clinic move"}) {
        gui::ExerciseEditorDialog dialog(frame, *workspace, clinicPack());
        fillWallSlide(dialog);
        dialog.text("name")->SetValue(name);
        BOOST_REQUIRE(dialog.save());
    }
    frame->reloadCatalog();
    Patient p;
    p.name = "Bo Remove";
    BOOST_REQUIRE(frame->addPatient(p) > 0);
    BOOST_REQUIRE(frame->addExercise("clinic/second-clinic-move"));

    gui::ClinicExercisesDialog list(frame, *workspace, clinicPack(), frame->toolPrompts(), [this] { frame->reloadCatalog(); });
    BOOST_TEST(list.exercises().size() == 2u);
    answer = false;
    BOOST_TEST(!list.remove("second-clinic-move"));
    BOOST_TEST_REQUIRE(questions.size() == 1u);
    BOOST_TEST(questions[0].find("Second clinic move") != std::string::npos);
    BOOST_TEST(list.exercises().size() == 2u);
    answer = true;
    BOOST_REQUIRE(list.remove("second-clinic-move"));
    BOOST_TEST(list.exercises().size() == 1u);
    BOOST_TEST(workspace->catalog().find("clinic/second-clinic-move") == nullptr);
    // The plan keeps the item, marked as missing.
    BOOST_TEST_REQUIRE(frame->editor().draft().items.size() == 1u);
    BOOST_TEST(frame->planPanel().itemText(0).Contains("missing"));

    BOOST_TEST(!list.remove("first-clinic-move")); // a pack needs one exercise
    BOOST_TEST(allReports().find("first-clinic-move") != std::string::npos);
    BOOST_TEST(clinicPack().load().ok());
}

BOOST_AUTO_TEST_CASE(a_pack_folder_is_imported_and_a_broken_one_refused_with_its_problem)
{
    const fs::path example = fs::path(SP_SOURCE_DIR) / "plugins/examples/clinic-pack";
    BOOST_REQUIRE(frame->importPackFrom(example));
    BOOST_TEST(fs::exists(userPluginDir() / "clinic-pack/manifest.json"));
    BOOST_TEST(!workspace->catalog().filter(ExerciseFilter{{}, {}, {}, "clinic-example"}).empty());
    BOOST_TEST(reports.empty());

    BOOST_TEST(!frame->importPackFrom(example)); // already there: its id is checked before its folder name
    BOOST_TEST(allReports().find("has the id \"clinic-example\" of the pack already installed in " +
                                 (userPluginDir() / "clinic-pack").string()) != std::string::npos,
               allReports());

    reports.clear();
    BOOST_TEST(!frame->importPackFrom(fs::path(SP_TEST_DATA_DIR) / "packs/bad-dosage-range"));
    BOOST_TEST(allReports().find("/dosage/hold_s: 900 is out of range") != std::string::npos, allReports());
    BOOST_TEST(!fs::exists(userPluginDir() / "bad-dosage-range"));

    reports.clear();
    BOOST_TEST(!frame->importPackFrom(folder / "no-such-folder"));
    BOOST_TEST(!reports.empty());

    // Through the menu: the chosen folder; cancelling does nothing.
    reports.clear();
    folderAnswer.reset();
    wxCommandEvent cancel(wxEVT_MENU, gui::kIdImportPack);
    frame->ProcessWindowEvent(cancel);
    BOOST_TEST(reports.empty());
}

BOOST_AUTO_TEST_CASE(the_clinic_pack_is_exported_to_a_new_folder_that_loads)
{
    BOOST_TEST(!frame->exportClinicPackTo(folder / "export"));
    BOOST_TEST(allReports().find("no clinic pack yet") != std::string::npos);
    {
        gui::ExerciseEditorDialog dialog(frame, *workspace, clinicPack());
        fillWallSlide(dialog);
        BOOST_REQUIRE(dialog.save());
    }
    reports.clear();
    BOOST_REQUIRE(frame->exportClinicPackTo(folder / "export"));
    BOOST_TEST(loadPack(folder / "export", "export").ok());
    BOOST_TEST(!frame->exportClinicPackTo(folder / "export"));
    BOOST_TEST(allReports().find("already exists") != std::string::npos);

    // Through the menu: a new folder "clinic" inside the chosen one.
    fs::create_directories(folder / "usb-stick");
    folderAnswer = folder / "usb-stick";
    wxCommandEvent exportMenu(wxEVT_MENU, gui::kIdExportPack);
    frame->ProcessWindowEvent(exportMenu);
    BOOST_TEST(loadPack(folder / "usb-stick/clinic", "clinic").ok());
}

BOOST_AUTO_TEST_SUITE_END()
