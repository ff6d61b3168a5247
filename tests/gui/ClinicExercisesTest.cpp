// What the clinic exercise editor relies on without any widget: ids from names, the
// first save creating the pack (and leaving nothing when refused), references checked
// against the catalog, problems placed on their fields, and the workspace reloading its
// catalog in place as packs and plugin choices change.
#include "editor/ClinicExercises.h"
#include "editor/Workspace.h"
#include "pluginhost/ClinicPack.h"
#include "settings/SettingsFile.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using namespace sp;

namespace {

struct Folder {
    fs::path path = fs::path(std::getenv("HOME")) / ("clinic-case-" + std::to_string(++s_count));
    static inline int s_count = 0;
    Folder() { fs::create_directories(path); }
    ~Folder() { fs::remove_all(path); }
};

// A built-in exercise as the start of a clinic's own.
Exercise fromCatalog(const Catalog& catalog, const std::string& id)
{
    Exercise e = *catalog.find("lumbar/prone-press-up");
    e.id = id;
    e.name = "Clinic " + id;
    e.pack.clear();
    e.progressions.clear();
    e.regressions.clear();
    e.media = {};
    return e;
}

struct CatalogFixture {
    Folder folder;
    Workspace ws{WorkspaceOptions{folder.path / "clinic.db", {}, false, "tester", {}, {}}};
    CatalogFixture() { ws.loadCatalog(); }
    ~CatalogFixture()
    {
        fs::remove_all(userPluginDir());
        fs::remove(defaultSettingsPath());
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(clinic_exercises)

BOOST_AUTO_TEST_CASE(an_id_is_made_from_the_name)
{
    BOOST_TEST(exerciseIdFromName("Wall slide") == "wall-slide");
    BOOST_TEST(exerciseIdFromName("  Hüft-Beuger  Dehnung!! ") == "huft-beuger-dehnung");
    BOOST_TEST(exerciseIdFromName("90/90 stretch") == "90-90-stretch");
    BOOST_TEST(exerciseIdFromName("!!!").empty());
    BOOST_TEST(exerciseIdFromName("Καλημέρα").empty()); // no a-z letters to keep
    const std::string longId = exerciseIdFromName(std::string(40, 'a') + " " + std::string(40, 'b'));
    BOOST_TEST(longId.size() <= 64u);
    BOOST_TEST(isValidId(longId));
    BOOST_TEST(isValidId(exerciseIdFromName("- leading dash")));
}

BOOST_AUTO_TEST_CASE(the_manifest_is_named_after_the_clinic_and_valid_for_any_name)
{
    BOOST_TEST(clinicPackManifest("Riverside Physio").name == "Riverside Physio exercises");
    BOOST_TEST(clinicPackManifest("Riverside Physio").author == "Riverside Physio");
    BOOST_TEST(clinicPackManifest("").name == "Clinic exercises");
    const PackManifest longName = clinicPackManifest(std::string(150, 'x'));
    BOOST_TEST(longName.name.size() <= 120u);
    BOOST_TEST(longName.author.size() <= 120u);
}

BOOST_AUTO_TEST_CASE(a_problem_belongs_to_the_field_of_its_pointer)
{
    BOOST_TEST(fieldOfPointer("/steps/2") == "steps");
    BOOST_TEST(fieldOfPointer("/dosage/sets") == "dosage");
    BOOST_TEST(fieldOfPointer("/media/images/0/file") == "media");
    BOOST_TEST(fieldOfPointer("/media/video_url") == "video_url");
    BOOST_TEST(fieldOfPointer("/name") == "name");
    BOOST_TEST(fieldOfPointer("").empty());
    BOOST_TEST(fieldOfPointer("name").empty());
}

BOOST_FIXTURE_TEST_CASE(references_must_name_exercises_that_exist, CatalogFixture)
{
    Exercise e = fromCatalog(ws.catalog(), "reach");
    e.progressions = {"lumbar/bridge-hold", "other-clinic-move", "reach"};
    e.regressions = {"lumbar/no-such", "Not An Id"};
    const auto problems = checkReferences(e, "clinic", {"other-clinic-move"}, ws.catalog());
    BOOST_TEST_REQUIRE(problems.size() == 3u);
    BOOST_TEST(problems[0].pointer == "/progressions/2");
    BOOST_TEST(problems[0].message.find("itself") != std::string::npos);
    BOOST_TEST(problems[1].pointer == "/regressions/0");
    BOOST_TEST(problems[2].pointer == "/regressions/1");
    e.progressions = {"clinic/other-clinic-move"}; // the pack's own, qualified
    e.regressions.clear();
    BOOST_TEST(checkReferences(e, "clinic", {"other-clinic-move"}, ws.catalog()).empty());
}

BOOST_FIXTURE_TEST_CASE(the_first_save_creates_the_pack_and_a_refused_one_leaves_nothing, CatalogFixture)
{
    ClinicPack pack(ClinicPack::defaultFolder());
    Exercise bad = fromCatalog(ws.catalog(), "reach");
    bad.steps.clear();
    BOOST_CHECK_THROW(saveClinicExercise(pack, "Riverside Physio", bad), PackEditError);
    BOOST_TEST(!fs::exists(pack.folder()));

    const Exercise saved = saveClinicExercise(pack, "Riverside Physio", fromCatalog(ws.catalog(), "reach"));
    BOOST_TEST(saved.pack == "clinic");
    BOOST_TEST(pack.load().ok());
    BOOST_TEST(pack.load().manifest->name == "Riverside Physio exercises");
    // A later refused save keeps the pack as it was.
    BOOST_CHECK_THROW(saveClinicExercise(pack, "Riverside Physio", bad), PackEditError);
    BOOST_TEST(pack.load().ok());
    BOOST_TEST(pack.load().exercises.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(reloading_keeps_the_catalog_object_and_follows_the_plugin_choices, CatalogFixture)
{
    const Catalog* before = &ws.catalog();
    ClinicPack pack(ClinicPack::defaultFolder());
    saveClinicExercise(pack, "Riverside Physio", fromCatalog(ws.catalog(), "reach"));
    BOOST_TEST(ws.catalog().find("clinic/reach") == nullptr); // not until reloaded
    ws.reloadCatalog();
    BOOST_TEST(&ws.catalog() == before);
    BOOST_TEST(ws.catalog().find("clinic/reach") != nullptr);

    const PackReport* report = nullptr;
    for (const PackReport& r : ws.catalogLoad().packs)
        if (r.id == "clinic")
            report = &r;
    BOOST_TEST_REQUIRE(report != nullptr);
    ws.setPluginEnabled(*report, false);
    ws.reloadCatalog();
    BOOST_TEST(ws.catalog().find("clinic/reach") == nullptr);
    BOOST_TEST(ws.catalog().find("lumbar/prone-press-up") != nullptr);

    PackReport nameless;
    nameless.folder = "/nowhere/broken";
    BOOST_CHECK_THROW(ws.setPluginEnabled(nameless, true), WorkspaceError);
    PackReport unreadable;
    unreadable.id = "ghost";
    unreadable.kind = PluginKind::Native;
    BOOST_CHECK_THROW(ws.setPluginEnabled(unreadable, true), WorkspaceError);
}

BOOST_AUTO_TEST_SUITE_END()
