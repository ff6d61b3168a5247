// The clinic's own pack as the exercise editor writes it: every save leaves a pack that
// the loader accepts, bad input changes nothing, and packs move between machines as
// folders.
#include "PackFixtures.h"

#include "pluginhost/ClinicPack.h"

#include <boost/test/unit_test.hpp>

#include <set>

namespace fs = std::filesystem;
using namespace sp;
using namespace sp::test;

namespace {

PackManifest clinicManifest()
{
    PackManifest m;
    m.id = "riverside";
    m.name = "Riverside Physio exercises";
    m.version = "1.0.0";
    m.api = kPackApi;
    m.author = "Riverside Physiotherapy";
    m.license = "All rights reserved";
    m.description = "The clinic's own exercises.";
    return m;
}

// A real exercise to start from: the built-in knee hug, renamed.
Exercise anExercise(const std::string& id)
{
    const CatalogLoad load = loadCatalog({{builtInPluginDir(), PluginOrigin::BuiltIn}});
    const Exercise* base = load.catalog.find("lumbar/double-knee-to-chest");
    if (!base)
        base = load.catalog.filter({}).front();
    Exercise ex = *base;
    ex.id = id;
    ex.pack.clear();
    ex.name = "Clinic " + id;
    ex.progressions.clear();
    ex.regressions.clear();
    ex.media = {};
    return ex;
}

struct Fixture {
    TempDir dir;
    ClinicPack pack{dir.path() / "riverside"};
    Fixture() { pack.create(clinicManifest()); }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(clinic_pack, Fixture)

BOOST_AUTO_TEST_CASE(a_saved_exercise_is_in_a_pack_that_loads)
{
    const Exercise saved = pack.saveExercise(anExercise("wall-angel"));
    BOOST_TEST(saved.pack == "riverside");
    const CatalogLoad load = loadCatalog({{dir.path(), PluginOrigin::User}});
    BOOST_TEST_REQUIRE(load.packs.size() == 1u);
    BOOST_TEST(static_cast<int>(load.packs[0].status) == static_cast<int>(PackStatus::Loaded));
    const Exercise* ex = load.catalog.find("riverside/wall-angel");
    BOOST_TEST_REQUIRE(ex != nullptr);
    BOOST_TEST(ex->name == "Clinic wall-angel");
    BOOST_TEST(ex->steps == saved.steps);
}

BOOST_AUTO_TEST_CASE(saving_again_replaces_the_exercise)
{
    Exercise ex = anExercise("wall-angel");
    pack.saveExercise(ex);
    ex.name = "Wall angel (slow)";
    pack.saveExercise(ex);
    const LoadedPack loaded = pack.load();
    BOOST_TEST(loaded.ok());
    BOOST_TEST_REQUIRE(loaded.exercises.size() == 1u);
    BOOST_TEST(loaded.exercises[0].name == "Wall angel (slow)");
}

BOOST_AUTO_TEST_CASE(an_invalid_exercise_is_refused_naming_the_field_and_writes_nothing)
{
    Exercise ex = anExercise("wall-angel");
    ex.name.clear();
    ex.dosage.sets = 99;
    try {
        pack.saveExercise(ex);
        BOOST_FAIL("an invalid exercise was saved");
    } catch (const PackEditError& e) {
        std::set<std::string> pointers;
        for (const Problem& p : e.problems())
            pointers.insert(p.pointer);
        BOOST_TEST(pointers.contains("/name"));
        BOOST_TEST(pointers.contains("/dosage/sets"));
    }
    BOOST_TEST(!fs::exists(pack.folder() / "exercises" / "wall-angel.json"));
}

BOOST_AUTO_TEST_CASE(photos_are_checked_copied_into_media_and_referenced)
{
    const Exercise saved = pack.saveExercise(anExercise("wall-angel"),
                                             {{fs::path(SP_TEST_DATA_DIR) / "images/rgb.png", "Arms up the wall"},
                                              {fs::path(SP_TEST_DATA_DIR) / "images/rgb.jpg", "Arms down"}});
    BOOST_TEST_REQUIRE(saved.media.images.size() == 2u);
    BOOST_TEST(saved.media.images[0].file == "media/wall-angel-1.png");
    BOOST_TEST(saved.media.images[1].file == "media/wall-angel-1.jpg");
    BOOST_TEST(saved.media.images[0].caption == "Arms up the wall");
    BOOST_TEST(fs::file_size(pack.folder() / "media/wall-angel-1.png") ==
               fs::file_size(fs::path(SP_TEST_DATA_DIR) / "images/rgb.png"));
    BOOST_TEST(pack.load().ok());
}

BOOST_AUTO_TEST_CASE(a_damaged_or_mislabelled_photo_is_refused_and_nothing_is_copied)
{
    for (const char* bad : {"not-an-image.png", "jpeg-named.png"}) {
        BOOST_CHECK_THROW(pack.saveExercise(anExercise("wall-angel"), {{fs::path(SP_TEST_DATA_DIR) / "images" / bad, ""}}),
                          PackEditError);
        BOOST_TEST(fs::is_empty(pack.folder() / "media"), bad);
        BOOST_TEST(!fs::exists(pack.folder() / "exercises/wall-angel.json"), bad);
    }
}

BOOST_AUTO_TEST_CASE(a_save_that_would_break_the_pack_is_rolled_back)
{
    Exercise ex = anExercise("wall-angel");
    pack.saveExercise(ex);
    ex.progressions = {"no-such-exercise"};
    ex.name = "Changed";
    BOOST_CHECK_THROW(pack.saveExercise(ex), PackEditError);
    const LoadedPack loaded = pack.load();
    BOOST_TEST(loaded.ok());
    BOOST_TEST(loaded.exercises.at(0).name == "Clinic wall-angel"); // the earlier version is back
}

BOOST_AUTO_TEST_CASE(removing_refuses_a_referenced_or_last_exercise)
{
    pack.saveExercise(anExercise("easy"));
    Exercise hard = anExercise("hard");
    hard.regressions = {"easy"};
    pack.saveExercise(hard);
    BOOST_CHECK_THROW(pack.removeExercise("easy"), PackEditError);
    BOOST_TEST(fs::exists(pack.folder() / "exercises/easy.json"));
    pack.removeExercise("hard");
    BOOST_CHECK_THROW(pack.removeExercise("easy"), PackEditError); // the pack needs one exercise
    BOOST_CHECK_THROW(pack.removeExercise("never-there"), PackEditError);
    BOOST_TEST(pack.load().ok());
}

BOOST_AUTO_TEST_CASE(create_refuses_a_bad_manifest_or_an_existing_pack)
{
    BOOST_CHECK_THROW(pack.create(clinicManifest()), PackEditError);
    PackManifest bad = clinicManifest();
    bad.id = "Not An Id";
    ClinicPack other(dir.path() / "other");
    BOOST_CHECK_THROW(other.create(bad), PackEditError);
    BOOST_TEST(!fs::exists(dir.path() / "other"));
}

BOOST_AUTO_TEST_CASE(export_then_import_moves_a_pack_between_machines)
{
    pack.saveExercise(anExercise("wall-angel"), {{fs::path(SP_TEST_DATA_DIR) / "images/rgb.png", "Arms up"}});
    const fs::path usb = dir.path() / "usb" / "riverside";
    exportPack(pack.folder(), usb);
    BOOST_CHECK_THROW(exportPack(pack.folder(), usb), PackEditError); // never over an existing folder

    const fs::path otherMachine = dir.path() / "other-machine" / "plugins";
    const fs::path imported = importPack(usb, otherMachine);
    BOOST_TEST(imported == otherMachine / "riverside");
    const CatalogLoad load = loadCatalog({{otherMachine, PluginOrigin::User}});
    BOOST_TEST(load.catalog.find("riverside/wall-angel") != nullptr);
    BOOST_CHECK_THROW(importPack(usb, otherMachine), PackEditError); // already there
}

BOOST_AUTO_TEST_CASE(a_broken_pack_is_not_imported)
{
    const fs::path target = dir.path() / "plugins";
    try {
        importPack(fixturePacks() / "bad-dosage-range", target);
        BOOST_FAIL("a broken pack was imported");
    } catch (const PackEditError& e) {
        BOOST_TEST(std::string(e.what()).find("/dosage/hold_s") != std::string::npos, e.what());
    }
    BOOST_TEST(!fs::exists(target / "bad-dosage-range"));
}

BOOST_AUTO_TEST_CASE(import_refuses_a_pack_whose_id_is_already_installed_whatever_its_folder)
{
    const fs::path plugins = dir.path() / "plugins";
    copyGoodPackAs(plugins, "clinic", "clinic");
    const fs::path source = copyGoodPackAs(dir.path() / "usb", "aaa-imported", "clinic");
    try {
        importPack(source, plugins);
        BOOST_FAIL("a pack taking an installed id was imported");
    } catch (const PackEditError& e) {
        BOOST_TEST(std::string(e.what()) == source.string() + " has the id \"clinic\" of the pack already installed in " +
                                                (plugins / "clinic").string() +
                                                "; change the id in its manifest.json to import it beside that one",
                   e.what());
    }
    BOOST_TEST(!fs::exists(plugins / "aaa-imported"));
    // The built-in pack's id is taken as well.
    BOOST_CHECK_THROW(importPack(copyGoodPackAs(dir.path() / "usb", "my-lumbar", "lumbar"), plugins), PackEditError);
}

BOOST_AUTO_TEST_SUITE_END()
