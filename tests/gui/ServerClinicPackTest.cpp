// The clinic's own exercises on a clinic server, without any widget: what an admin saves
// through the clinic exercise path is the server's next version and in another
// workstation's catalog once it follows; a pack that does not load is refused with the
// loader's problems and nothing is stored; a clinician's save is refused by the server and
// undone in their copy; a change goes on top of the latest version, and a race is a
// conflict naming who saved; a clinic pack imported on a server is stored there, any other
// pack stays a plugin folder of this computer; reception has no clinic pack. Real
// throw-away PostgreSQL servers, as the app signs in.
#include "db/OpenStore.h"
#include "editor/ClinicExercises.h"
#include "editor/ServerClinicPack.h"
#include "editor/Workspace.h"
#include "hash/Sha256.h"
#include "pluginhost/ClinicPack.h"
#include "settings/SettingsFile.h"
#include "support/PgCluster.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;
using namespace sp;

namespace {

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeAll(const fs::path& file, const std::string& bytes)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// A built-in exercise as the start of a clinic's own.
Exercise clinicExercise(const Catalog& catalog, const std::string& id)
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

// A real PNG: the built-in example pack's photo.
fs::path examplePhoto()
{
    return fs::path(SP_SOURCE_DIR) / "plugins/examples/clinic-pack/media/dead-bug.png";
}

struct ClinicServer {
    test::PgCluster cluster;
    fs::path scratch = fs::path(std::getenv("HOME")) / "server-pack-scratch";

    ClinicServer()
    {
        cluster.createRole("sp_owner", "owner-secret", true);
        cluster.psql("ALTER ROLE sp_owner CREATEROLE");
        cluster.createDatabase("clinic", "sp_owner");
        db::StoreOptions options;
        options.actor = "setup";
        db::initClinicDatabase(cluster.uri("sp_owner", "owner-secret", "clinic"), options);
        cluster.createRole("boss", "boss-secret", true, {"stretchplan_admin"});
        cluster.createRole("deputy", "deputy-secret", true, {"stretchplan_admin"});
        cluster.createRole("clin", "clin-secret", true, {"stretchplan_app"});
        cluster.createRole("desk", "desk-secret", true, {"stretchplan_reception"});
        fs::create_directories(scratch);
    }
    ~ClinicServer()
    {
        fs::remove_all(scratch);
        fs::remove_all(userPluginDir());
        fs::remove(defaultSettingsPath());
    }

    // A workstation signed in as `login`, its catalog loaded.
    std::unique_ptr<Workspace> workstation(const std::string& login)
    {
        auto ws = std::make_unique<Workspace>(
            WorkspaceOptions{cluster.uri(login, "", "clinic"), {}, false, "ignored", {}, login + "-secret"});
        ws->openDatabase();
        ws->loadCatalog();
        return ws;
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(server_clinic_pack, ClinicServer)

BOOST_AUTO_TEST_CASE(a_clinic_exercise_saved_at_one_workstation_is_in_the_others_catalog)
{
    // This computer's own clinic pack (from the days of a database file) is set aside.
    ClinicPack local(ClinicPack::defaultFolder());
    saveClinicExercise(local, "Old clinic", clinicExercise(workstation("boss")->catalog(), "local-only"));

    auto admin = workstation("boss");
    auto other = workstation("clin");
    BOOST_TEST(admin->mayEditClinicPack());
    BOOST_TEST(!other->mayEditClinicPack());
    BOOST_TEST(!admin->catalog().find("clinic/local-only"));
    bool setAside = false;
    for (const PackReport& r : admin->catalogLoad().packs)
        if (r.folder == ClinicPack::defaultFolder())
            setAside = r.status == PackStatus::Disabled && contains(r.disabledReason, "come from the server");
    BOOST_TEST(setAside);

    ClinicPack pack = admin->clinicPack();
    const Exercise saved =
        saveClinicExercise(pack, "Sunrise Physio", clinicExercise(admin->catalog(), "wall-slide"), {{examplePhoto(), "Start"}});
    BOOST_TEST(saved.pack == "clinic");
    const auto latest = admin->store().clinicPack().latest();
    BOOST_TEST_REQUIRE(latest.has_value());
    BOOST_TEST(latest->version == 1);
    BOOST_TEST(latest->savedBy == "boss");

    // The other workstation follows (as the change feed makes the app do) and has it.
    BOOST_TEST(!other->catalog().find("clinic/wall-slide"));
    other->clinicPack().refresh(); // the copy follows first (as the Clinic exercises window does)...
    BOOST_TEST(other->syncClinicPack()); // ...and the catalog still has to
    other->reloadCatalog();
    BOOST_TEST(!other->syncClinicPack()); // nothing new now
    const Exercise* there = other->catalog().find("clinic/wall-slide");
    BOOST_TEST_REQUIRE(there != nullptr);
    BOOST_TEST(there->name == "Clinic wall-slide");
    BOOST_TEST_REQUIRE(there->media.images.size() == 1u);
    const fs::path photo = other->clinicPackFolder() / there->media.images[0].file;
    BOOST_TEST(readAll(photo) == readAll(examplePhoto())); // every byte
    BOOST_TEST(other->catalogLoad().folderProblems.empty());

    // A clinician's change is refused by the server and undone in their copy.
    ClinicPack theirs = other->clinicPack();
    try {
        saveClinicExercise(theirs, "Sunrise Physio", clinicExercise(other->catalog(), "sneaky"));
        BOOST_FAIL("a clinician saved the clinic pack");
    } catch (const db::DbError& e) {
        BOOST_TEST((e.kind() == db::DbErrorKind::Forbidden));
        BOOST_TEST(e.what() == std::string("clinician may not save the clinic exercises (signed in as clin)"));
    }
    BOOST_TEST(!fs::exists(theirs.folder() / "exercises/sneaky.json"));
    BOOST_TEST(theirs.load().ok());
    BOOST_TEST(theirs.load().exercises.size() == 1u);
    BOOST_TEST(admin->store().clinicPack().latest()->version == 1);

    // The admin adds one and removes the first: each the next version, followed there too.
    ClinicPack again = admin->clinicPack();
    saveClinicExercise(again, "Sunrise Physio", clinicExercise(admin->catalog(), "step-up"));
    again.removeExercise("wall-slide");
    BOOST_TEST(admin->store().clinicPack().latest()->version == 3);
    BOOST_TEST(other->syncClinicPack());
    other->reloadCatalog();
    BOOST_TEST(!other->catalog().find("clinic/wall-slide"));
    BOOST_TEST(other->catalog().find("clinic/step-up"));
    BOOST_TEST(!fs::exists(other->clinicPackFolder() / "exercises/wall-slide.json"));
}

BOOST_AUTO_TEST_CASE(a_pack_that_does_not_load_is_refused_with_the_loaders_problems_and_nothing_is_stored)
{
    auto admin = workstation("boss");
    // Through the editor's path: a reference to no exercise of the pack.
    Exercise bad = clinicExercise(admin->catalog(), "wall-slide");
    bad.progressions = {"nothing"};
    ClinicPack pack = admin->clinicPack();
    BOOST_CHECK_THROW(saveClinicExercise(pack, "Sunrise Physio", bad), PackEditError);
    BOOST_TEST(!admin->store().clinicPack().latest().has_value());
    BOOST_TEST(!pack.exists()); // the first save refused: nothing left behind

    // A broken pack written into a copy by hand: the loader's problems, nothing stored.
    ServerClinicPack copy(admin->store(), scratch / "cache");
    BOOST_TEST(!copy.sync());
    fs::create_directories(copy.pluginDir());
    fs::copy(fs::path(SP_TEST_DATA_DIR) / "packs/bad-media-corrupt", copy.folder(), fs::copy_options::recursive);
    try {
        copy.publish();
        BOOST_FAIL("a pack that does not load was stored");
    } catch (const PackEditError& e) {
        BOOST_TEST(!e.problems().empty());
        BOOST_TEST(contains(e.what(), "would no longer load"), e.what());
        BOOST_TEST(contains(e.what(), e.problems().front().format()), e.what());
    }
    BOOST_TEST(!admin->store().clinicPack().latest().has_value());

    // The same folder imported as the clinic pack: refused as well.
    fs::path corrupt = scratch / "corrupt";
    fs::copy(fs::path(SP_TEST_DATA_DIR) / "packs/bad-media-corrupt", corrupt, fs::copy_options::recursive);
    writeAll(corrupt / "manifest.json", "{\"kind\": \"exercise-pack\", \"id\": \"clinic\"}");
    BOOST_TEST(admin->importsToServer(corrupt));
    BOOST_CHECK_THROW(admin->importPack(corrupt), PackEditError);
    BOOST_TEST(!admin->store().clinicPack().latest().has_value());
    BOOST_TEST(!fs::exists(userPluginDir() / "corrupt"));
}

BOOST_AUTO_TEST_CASE(a_change_goes_on_top_of_the_latest_version_and_a_race_is_a_conflict)
{
    auto first = workstation("boss");
    auto second = workstation("deputy"); // loaded before anything was saved
    ClinicPack one = first->clinicPack();
    saveClinicExercise(one, "Sunrise Physio", clinicExercise(first->catalog(), "wall-slide"));
    ClinicPack two = second->clinicPack();
    saveClinicExercise(two, "Sunrise Physio", clinicExercise(second->catalog(), "step-up"));
    const auto latest = first->store().clinicPack().latest();
    BOOST_TEST(latest->version == 2);
    BOOST_TEST(latest->savedBy == "deputy");
    BOOST_TEST(latest->files.size() == 3u); // the manifest and both exercises

    // A copy that fell behind between its refresh and its save: a conflict, nothing stored.
    ServerClinicPack stale(first->store(), scratch / "stale");
    BOOST_TEST(stale.sync());
    ClinicPack three = second->clinicPack();
    saveClinicExercise(three, "Sunrise Physio", clinicExercise(second->catalog(), "heel-raise"));
    fs::copy_file(stale.folder() / "exercises/step-up.json", stale.folder() / "exercises/step-up-2.json");
    writeAll(stale.folder() / "exercises/step-up-2.json",
             [&] {
                 std::string text = readAll(stale.folder() / "exercises/step-up.json");
                 text.replace(text.find("\"step-up\""), 9, "\"step-up-2\"");
                 return text;
             }());
    try {
        stale.publish();
        BOOST_FAIL("a change to an old version was stored");
    } catch (const db::DbError& e) {
        BOOST_TEST((e.kind() == db::DbErrorKind::Conflict));
        BOOST_TEST(contains(e.what(), "version 3 was saved by deputy at "), e.what());
    }
    BOOST_TEST(first->store().clinicPack().latest()->version == 3);
    // Its next sync takes the latest version whole: its own stray change is gone.
    BOOST_TEST(stale.sync());
    BOOST_TEST(!fs::exists(stale.folder() / "exercises/step-up-2.json"));
    BOOST_TEST(fs::exists(stale.folder() / "exercises/heel-raise.json"));
}

BOOST_AUTO_TEST_CASE(a_clinic_pack_imported_on_a_server_is_stored_there_and_other_packs_stay_local)
{
    auto admin = workstation("boss");
    ClinicPack pack = admin->clinicPack();
    saveClinicExercise(pack, "Sunrise Physio", clinicExercise(admin->catalog(), "wall-slide"));
    // Export, change a name in the copy, import it: the server's next version.
    const fs::path exported = scratch / "clinic";
    exportPack(admin->clinicPackFolder(), exported);
    std::string text = readAll(exported / "exercises/wall-slide.json");
    text.replace(text.find("Clinic wall-slide"), 17, "Imported slide");
    writeAll(exported / "exercises/wall-slide.json", text);
    BOOST_TEST(admin->importsToServer(exported));
    BOOST_TEST(admin->importPack(exported) == admin->clinicPackFolder());
    BOOST_TEST(admin->store().clinicPack().latest()->version == 2);
    admin->reloadCatalog();
    BOOST_TEST(admin->catalog().find("clinic/wall-slide")->name == "Imported slide");

    // Any other pack is a plugin folder of this computer, as on a file.
    const fs::path other = scratch / "good";
    fs::copy(fs::path(SP_TEST_DATA_DIR) / "packs/good", other, fs::copy_options::recursive);
    BOOST_TEST(!admin->importsToServer(other));
    BOOST_TEST(admin->importPack(other) == userPluginDir() / "good");
    BOOST_TEST(admin->store().clinicPack().latest()->version == 2);

    // A clinician may not import the clinic pack.
    auto clinician = workstation("clin");
    try {
        clinician->importPack(exported);
        BOOST_FAIL("a clinician imported the clinic pack");
    } catch (const db::DbError& e) {
        BOOST_TEST((e.kind() == db::DbErrorKind::Forbidden));
    }
}

BOOST_AUTO_TEST_CASE(reception_has_no_clinic_pack)
{
    auto admin = workstation("boss");
    ClinicPack pack = admin->clinicPack();
    saveClinicExercise(pack, "Sunrise Physio", clinicExercise(admin->catalog(), "wall-slide"));
    auto desk = workstation("desk");
    BOOST_TEST(!desk->mayEditClinicPack());
    BOOST_TEST(!desk->catalog().find("clinic/wall-slide"));
    BOOST_TEST(desk->catalogLoad().folderProblems.empty());
    BOOST_TEST(!desk->syncClinicPack());
    BOOST_CHECK_THROW(desk->clinicPack(), PackEditError);
    BOOST_CHECK_THROW(desk->clinicPackFolder(), PackEditError);
}

BOOST_AUTO_TEST_SUITE_END()
