#include "PackFixtures.h"

#include "pluginhost/PackLoader.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::test;

BOOST_AUTO_TEST_SUITE(pack_loading)

BOOST_AUTO_TEST_CASE(loads_a_good_pack_with_exercises_guidance_and_media)
{
    const LoadedPack pack = loadPack(fixturePacks() / "good", "good");
    BOOST_TEST_REQUIRE(pack.ok(), (pack.problems.empty() ? "" : pack.problems[0].format()));
    BOOST_TEST(pack.manifest->id == "good");
    BOOST_TEST(pack.exercises.size() == 2u);
    // Files load in name order: double-knee-hug.json before knee-hug.json.
    BOOST_TEST(pack.exercises[0].id == "double-knee-hug");
    BOOST_TEST(pack.exercises[1].media.images.at(0).file == "media/knee-hug.png");
    BOOST_TEST(pack.guidance.sections.at(0).title == "Keep moving");
    BOOST_TEST(pack.guidance.redFlags.at(0).id == "fever");
}

BOOST_AUTO_TEST_CASE(qualifies_same_pack_references_and_sets_the_pack)
{
    const LoadedPack pack = loadPack(fixturePacks() / "good", "good");
    BOOST_TEST_REQUIRE(pack.ok());
    const Exercise& hug = pack.exercises[1];
    BOOST_TEST(hug.pack == "good");
    BOOST_TEST(hug.progressions == std::vector<std::string>{"good/double-knee-hug"});
    BOOST_TEST(pack.exercises[0].regressions == std::vector<std::string>{"good/knee-hug"});
}

BOOST_AUTO_TEST_CASE(catalog_records_each_pack_with_its_folder_and_origin)
{
    const CatalogLoad& load = fixtureLoad();
    const CatalogPack* good = load.catalog.pack("good");
    BOOST_TEST_REQUIRE(good);
    BOOST_TEST(good->folder == (fixturePacks() / "good").string());
    const PackReport& r = reportFor("good");
    BOOST_TEST(r.exerciseCount == 2u);
    BOOST_TEST(static_cast<int>(r.origin) == static_cast<int>(PluginOrigin::CommandLine));
    BOOST_TEST(r.version == "1.0.0");
}

BOOST_AUTO_TEST_CASE(folders_without_a_manifest_are_not_packs)
{
    for (const PackReport& r : fixtureLoad().packs)
        BOOST_TEST(r.folder.filename() != "not-a-pack");
}

BOOST_AUTO_TEST_CASE(a_missing_plugin_folder_named_by_the_user_is_reported)
{
    const CatalogLoad load = loadCatalog({{"/nonexistent/stretchplan-packs", PluginOrigin::CommandLine},
                                          {"/nonexistent/user-packs", PluginOrigin::User}});
    BOOST_TEST_REQUIRE(load.folderProblems.size() == 1u);
    BOOST_TEST(load.folderProblems[0].format() == "/nonexistent/stretchplan-packs: plugin folder not found");
    BOOST_TEST(load.packs.empty());
}

BOOST_AUTO_TEST_CASE(a_pack_that_loses_its_reference_target_fails_too)
{
    // good-referrer points into "good"; without "good" it cannot load.
    TempDir tmp;
    std::filesystem::copy(fixturePacks() / "good-referrer", tmp.path() / "good-referrer",
                          std::filesystem::copy_options::recursive);
    const CatalogLoad load = loadCatalog({{tmp.path(), PluginOrigin::CommandLine}});
    BOOST_TEST_REQUIRE(load.packs.size() == 1u);
    BOOST_TEST(static_cast<int>(load.packs[0].status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST(load.packs[0].problems.at(0).pointer == "/progressions/0");
}

BOOST_AUTO_TEST_CASE(a_duplicate_id_fails_the_newcomer_never_the_installed_pack)
{
    // "aaa-imported" sorts first, but "clinic" is the folder named after the id.
    TempDir tmp;
    copyGoodPackAs(tmp.path() / "user", "clinic", "clinic");
    copyGoodPackAs(tmp.path() / "user", "aaa-imported", "clinic");
    copyGoodPackAs(tmp.path() / "extra", "clinic", "clinic");
    const CatalogLoad load = loadCatalog({{tmp.path() / "user", PluginOrigin::User},
                                          {tmp.path() / "extra", PluginOrigin::CommandLine}});
    BOOST_TEST_REQUIRE(load.packs.size() == 3u);
    for (const PackReport& r : load.packs) {
        const bool installed = r.folder == tmp.path() / "user" / "clinic";
        BOOST_TEST(static_cast<int>(r.status) ==
                       static_cast<int>(installed ? PackStatus::Loaded : PackStatus::Failed),
                   r.folder.string());
        if (!installed)
            BOOST_TEST(r.problems.at(0).message ==
                       "plugin id \"clinic\" is already loaded from " + (tmp.path() / "user" / "clinic").string());
    }
    BOOST_TEST(load.catalog.find("clinic/knee-hug") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
