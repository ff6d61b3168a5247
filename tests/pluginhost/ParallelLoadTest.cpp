// Loading at clinic scale: packs load on every core with exactly the result of loading
// them one by one in folder order, and the per-pack shortcut for "is this file inside the
// pack" (PackRoot) still follows every link.
#include "PackFixtures.h"
#include "pluginhost/PackFiles.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::test;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(parallel_loading)

// Sixteen copies of one pack, all with the id "good": whichever thread finishes first,
// the first folder by name must win and every other must name it.
BOOST_AUTO_TEST_CASE(many_packs_load_as_if_one_by_one_in_folder_order)
{
    TempDir dir;
    for (int i = 0; i < 16; ++i)
        copyGoodPack(dir.path(), (i < 10 ? "p0" : "p") + std::to_string(i));
    for (int round = 0; round < 5; ++round) {
        const CatalogLoad load = loadCatalog({{dir.path(), PluginOrigin::CommandLine}});
        BOOST_TEST_REQUIRE(load.packs.size() == 16u);
        for (std::size_t i = 0; i < load.packs.size(); ++i) {
            const PackReport& r = load.packs[i];
            BOOST_TEST(r.folder.filename() == (i < 10 ? "p0" : "p") + std::to_string(i));
            if (i == 0) {
                BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Loaded));
                BOOST_TEST(r.problems.empty());
            } else {
                BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
                BOOST_TEST_REQUIRE(r.problems.size() == 1u);
                BOOST_TEST(r.problems[0].message.find("already loaded from " + (dir.path() / "p00").string()) !=
                           std::string::npos);
            }
        }
        BOOST_TEST(load.catalog.packs().size() == 1u);
        BOOST_TEST(load.catalog.exercises().size() == load.packs[0].exerciseCount);
    }
}

BOOST_AUTO_TEST_CASE(pack_root_follows_links_of_files_and_of_folders)
{
    TempDir dir;
    const fs::path pack = dir.path() / "pack";
    const fs::path outside = dir.path() / "outside";
    writeFile(pack / "exercises" / "in.json", "{}");
    writeFile(outside / "out.json", "{}");
    fs::create_directory_symlink(outside, pack / "linked");
    fs::create_symlink(outside / "out.json", pack / "exercises" / "to-out.json");
    fs::create_symlink(pack / "exercises" / "in.json", pack / "exercises" / "to-in.json");

    const PackRoot root(pack);
    BOOST_TEST(root.contains(pack / "exercises" / "in.json"));
    BOOST_TEST(root.contains(pack / "exercises" / "to-in.json"));
    BOOST_TEST(!root.contains(pack / "exercises" / "to-out.json"));
    BOOST_TEST(!root.contains(pack / "linked" / "out.json"));
    // A folder seen once is remembered; its files keep being judged one by one.
    BOOST_TEST(root.contains(pack / "exercises" / "in.json"));
    BOOST_TEST(!root.contains(pack / "exercises" / "to-out.json"));
    BOOST_TEST(!root.contains(pack / "exercises" / ".." / ".." / "outside" / "out.json"));
    BOOST_TEST(!PackRoot(dir.path() / "missing").contains(pack / "exercises" / "in.json"));

    BOOST_TEST(readPackFile(root, pack / "exercises" / "in.json", 100).text.value_or("") == "{}");
    BOOST_TEST(readPackFile(root, pack / "linked" / "out.json", 100).error ==
               "is a link that leads outside the pack folder");
}

BOOST_AUTO_TEST_SUITE_END()
