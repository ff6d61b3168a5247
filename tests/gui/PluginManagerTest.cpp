// The plugin manager as a clinician uses it: every plugin with its status and problems;
// disabling a pack takes its exercises out of the catalog (and the open plan marks them
// missing) and enabling brings them back; a native plugin from the user folder runs only
// after the clinician trusted its whole folder; folders open; reload runs plugins again.
#include "ToolsFixture.h"

#include "gui/CatalogPanel.h"
#include "gui/PlanPanel.h"
#include "gui/PluginManagerDialog.h"
#include "gui/ToolsMenu.h"
#include "pluginhost/PluginConfig.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace sp;
using sp::test::ToolsFixture;

namespace {

const fs::path kTestPlugins = SP_TEST_NATIVE_DIR;

struct ManagerFixture : ToolsFixture {
    std::unique_ptr<gui::PluginManagerDialog> dialog;

    void open()
    {
        dialog = std::make_unique<gui::PluginManagerDialog>(frame, *workspace, frame->toolPrompts(),
                                                            [this](bool rerun) { frame->reloadCatalog(rerun); });
    }
    ~ManagerFixture()
    {
        if (dialog)
            dialog->Destroy();
        dialog.release();
    }

    std::size_t exercisesOf(const std::string& pack) const
    {
        ExerciseFilter filter;
        filter.pack = pack;
        return workspace->catalog().filter(filter).size();
    }

    // The selected plugin's status as the CLI spells it.
    std::string status() const { return std::string(toString(dialog->selected()->status)); }

    std::string settingsText() const
    {
        std::ifstream in(defaultSettingsPath());
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(plugin_manager, ManagerFixture)

BOOST_AUTO_TEST_CASE(lists_every_plugin_and_shows_a_failed_packs_problems_with_file_and_field)
{
    fs::create_directories(userPluginDir());
    fs::copy(fs::path(SP_TEST_DATA_DIR) / "packs/bad-dosage-range", userPluginDir() / "bad-dosage-range",
             fs::copy_options::recursive);
    frame->reloadCatalog();
    open();
    BOOST_TEST(dialog->rowCount() == workspace->catalogLoad().packs.size());
    BOOST_REQUIRE(dialog->select("lumbar"));
    BOOST_TEST(dialog->rowText(0, 3) == "loaded");
    BOOST_TEST(dialog->detailsText().Contains("exercise pack"));
    BOOST_REQUIRE(dialog->select("bad-dosage-range"));
    BOOST_TEST(status() == "failed");
    BOOST_TEST(dialog->detailsText().Contains("bad-dosage-range/exercises/knee-hug.json: /dosage/hold_s: 900 is out of range"),
               gui::u8(dialog->detailsText()));
    BOOST_TEST(!dialog->select("no-such-plugin"));
}

BOOST_AUTO_TEST_CASE(disabling_a_pack_removes_its_exercises_and_enabling_brings_them_back)
{
    BOOST_REQUIRE(frame->importPackFrom(fs::path(SP_SOURCE_DIR) / "plugins/examples/clinic-pack"));
    const std::size_t count = exercisesOf("clinic-example");
    BOOST_TEST_REQUIRE(count > 0u);
    Patient p;
    p.name = "Cy Plugins";
    BOOST_REQUIRE(frame->addPatient(p) > 0);
    const std::string id = workspace->catalog().filter(ExerciseFilter{{}, {}, {}, "clinic-example"}).front()->qualifiedId();
    BOOST_REQUIRE(frame->addExercise(id));

    open();
    BOOST_REQUIRE(dialog->select("clinic-example"));
    BOOST_REQUIRE(dialog->setEnabled(false));
    BOOST_TEST(exercisesOf("clinic-example") == 0u);
    BOOST_TEST(status() == "disabled"); // still selected after the reload
    BOOST_TEST(dialog->statusText().Contains("no longer in the catalog"));
    frame->catalogPanel().setSearch("dead bug");
    for (const Exercise* e : frame->catalogPanel().shown())
        BOOST_TEST(e->pack != "clinic-example");
    BOOST_TEST_REQUIRE(frame->editor().draft().items.size() == 1u); // the plan keeps its item
    BOOST_TEST(frame->planPanel().itemText(0).Contains("missing"));
    BOOST_TEST(questions.empty()); // a data pack needs no trust

    BOOST_REQUIRE(dialog->setEnabled(true));
    BOOST_TEST(exercisesOf("clinic-example") == count);
    BOOST_TEST(!frame->planPanel().itemText(0).Contains("missing"));
    BOOST_TEST(settingsText().find("clinic-example") == std::string::npos); // packs are on unless disabled
}

BOOST_AUTO_TEST_CASE(a_user_native_plugin_runs_only_after_the_clinician_trusts_its_folder)
{
    const fs::path library = userPluginDir() / "native-good" / "native-good.so";
    fs::create_directories(library.parent_path());
    fs::copy_file(kTestPlugins / "native-good" / "native-good.so", library);
    frame->reloadCatalog();
    open();
    BOOST_REQUIRE(dialog->select("native-good"));
    BOOST_TEST(status() == "disabled");
    BOOST_TEST(dialog->rowText(0, 1) != ""); // columns are filled
    BOOST_TEST(dialog->detailsText().Contains("trust"));
    BOOST_TEST(exercisesOf("native-good") == 0u);
    const std::string sha = dialog->selected()->sha256;
    BOOST_TEST_REQUIRE(sha.size() == 64u);

    answer = false; // the clinician does not trust it
    BOOST_TEST(!dialog->setEnabled(true));
    BOOST_TEST_REQUIRE(questions.size() == 1u);
    BOOST_TEST(questions[0].find(library.string()) != std::string::npos);
    BOOST_TEST(questions[0].find(sha) != std::string::npos);
    // What is trusted is the whole folder, and the clinician is told so.
    const std::string folderSha = dialog->selected()->folderSha256;
    BOOST_TEST_REQUIRE(folderSha.size() == 64u);
    BOOST_TEST(questions[0].find(library.parent_path().string()) != std::string::npos);
    BOOST_TEST(questions[0].find(folderSha) != std::string::npos, questions[0]);
    BOOST_TEST(questions[0].find("You trust the whole folder, not only the library") != std::string::npos, questions[0]);
    BOOST_TEST(status() == "disabled");
    BOOST_TEST(settingsText().find("native-good") == std::string::npos);

    answer = true;
    BOOST_REQUIRE(dialog->setEnabled(true));
    BOOST_TEST(status() == "loaded", gui::u8(dialog->detailsText()));
    BOOST_TEST(exercisesOf("native-good") > 0u);
    BOOST_TEST(settingsText().find(sha) != std::string::npos); // trusted for this library
    BOOST_TEST(dialog->statusText().Contains(wxString::FromUTF8(sha.substr(0, 16))));

    BOOST_TEST(settingsText().find(folderSha) != std::string::npos); // and for its folder

    // A file added beside the library is off again until trusted again.
    std::ofstream(library.parent_path() / "libhelper.so", std::ios::binary) << "loaded through $ORIGIN";
    frame->reloadCatalog();
    dialog->refresh();
    BOOST_TEST(status() == "disabled");
    BOOST_TEST(exercisesOf("native-good") == 0u);

    // So is a changed library.
    BOOST_REQUIRE(dialog->setEnabled(true));
    BOOST_TEST(status() == "loaded");
    std::ofstream(library, std::ios::app) << "changed";
    frame->reloadCatalog();
    dialog->refresh();
    BOOST_TEST(status() == "disabled");
    BOOST_TEST(exercisesOf("native-good") == 0u);
}

BOOST_AUTO_TEST_CASE(reload_runs_native_plugins_again_instead_of_using_the_cache)
{
    const fs::path library = userPluginDir() / "native-good" / "native-good.so";
    fs::create_directories(library.parent_path());
    fs::copy_file(kTestPlugins / "native-good" / "native-good.so", library);
    frame->reloadCatalog();
    open();
    BOOST_REQUIRE(dialog->select("native-good"));
    BOOST_REQUIRE(dialog->setEnabled(true));
    frame->reloadCatalog(); // unchanged: from the cache
    dialog->refresh();
    BOOST_TEST(dialog->selected()->fromCache);
    dialog->reload();
    BOOST_TEST(!dialog->selected()->fromCache);
    BOOST_TEST(dialog->detailsText().Contains("from running it now"));
    BOOST_TEST(dialog->statusText().Contains("Reloaded"));

    BOOST_REQUIRE(dialog->setEnabled(false));
    BOOST_TEST(exercisesOf("native-good") == 0u);
    BOOST_TEST(dialog->statusText().Contains("Disabled native plugin native-good"));
}

BOOST_AUTO_TEST_CASE(open_folder_opens_the_plugins_folder_and_a_failure_is_reported)
{
    open();
    BOOST_REQUIRE(dialog->select("lumbar"));
    BOOST_REQUIRE(dialog->openFolder());
    BOOST_TEST_REQUIRE(opened.size() == 1u);
    BOOST_TEST(opened[0] == dialog->selected()->folder);

    frame->toolPrompts().openFolder = [](const fs::path&, wxString& error) {
        error = "no file manager";
        return false;
    };
    BOOST_TEST(!dialog->openFolder());
    BOOST_TEST(allReports().find("no file manager") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_broken_settings_file_stops_a_change_with_a_clear_message)
{
    fs::create_directories(defaultSettingsPath().parent_path());
    std::ofstream(defaultSettingsPath()) << "{ this is not json";
    frame->reloadCatalog();
    open();
    BOOST_REQUIRE(dialog->select("lumbar"));
    BOOST_TEST(!dialog->setEnabled(false));
    BOOST_TEST(!reports.empty());
    BOOST_TEST(allReports().find(defaultSettingsPath().filename().string()) != std::string::npos, allReports());
    BOOST_TEST(workspace->catalog().pack("lumbar") != nullptr); // nothing changed
}

BOOST_AUTO_TEST_SUITE_END()
