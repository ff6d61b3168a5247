// The pack-load cache: a cached pack is exactly the pack its files give; any change to
// those files, a damaged cache file or one from another format means the files are read
// again; packs with problems are never cached; a cache that cannot be written is reported
// and changes nothing else.
#include "PackFixtures.h"
#include "pluginhost/PackCache.h"
#include "pluginhost/PackCacheCodec.h"
#include "pluginhost/PluginDirs.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <random>

#include <sys/stat.h>

using namespace sp;
using namespace sp::test;
namespace fs = std::filesystem;

namespace {

// Pack files written by a test are brand new, and a file modified within two seconds of
// a load is not cached (it may have been read half-written): date them an hour back.
void age(const fs::path& folder)
{
    const auto past = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        fs::last_write_time(entry.path(), past);
}

struct CachedFolder {
    TempDir plugins;
    TempDir cacheDir;
    fs::path pack;

    CachedFolder() : pack(copyGoodPack(plugins.path(), "good")) { age(pack); }

    CatalogLoad load(bool rerun = false) const
    {
        LoadOptions options;
        options.packCacheDir = cacheDir.path();
        options.native.rerun = rerun;
        return loadCatalog({{plugins.path(), PluginOrigin::CommandLine}}, options);
    }
};

const PackReport& only(const CatalogLoad& load)
{
    BOOST_TEST_REQUIRE(load.packs.size() == 1u);
    return load.packs[0];
}

bool loaded(const PackReport& r)
{
    return r.status == PackStatus::Loaded && r.problems.empty();
}

void expectSameContent(const LoadedPack& a, const LoadedPack& b)
{
    BOOST_TEST_REQUIRE(a.manifest.has_value());
    BOOST_TEST_REQUIRE(b.manifest.has_value());
    BOOST_TEST((*a.manifest == *b.manifest));
    BOOST_TEST(a.declaredId == b.declaredId);
    BOOST_TEST_REQUIRE(a.exercises.size() == b.exercises.size());
    for (std::size_t i = 0; i < a.exercises.size(); ++i)
        BOOST_TEST((a.exercises[i] == b.exercises[i]), "exercise " << a.exercises[i].id);
    BOOST_TEST(a.exerciseFiles == b.exerciseFiles, boost::test_tools::per_element());
    BOOST_TEST((a.guidance == b.guidance));
    BOOST_TEST(b.problems.empty());
}

} // namespace

BOOST_AUTO_TEST_SUITE(pack_cache)

BOOST_AUTO_TEST_CASE(every_built_in_pack_comes_back_from_the_cache_exactly_as_its_files_give_it)
{
    TempDir cacheDir;
    const PackCache cache(cacheDir.path());
    std::size_t packs = 0;
    for (const auto& entry : fs::directory_iterator(builtInPluginDir())) {
        if (!fs::exists(entry.path() / "manifest.json"))
            continue;
        const LoadedPack fromFiles = loadPack(entry.path(), entry.path().filename().string());
        BOOST_TEST_REQUIRE(fromFiles.ok());
        SearchIndex index;
        for (const Exercise& e : fromFiles.exercises)
            index.add(e);
        BOOST_TEST(!cache.find(entry.path())); // nothing cached yet
        BOOST_TEST_REQUIRE(cache.store(fromFiles, index, std::chrono::system_clock::now()) == "");
        const auto cached = cache.find(entry.path());
        BOOST_TEST_REQUIRE(cached.has_value());
        BOOST_TEST(cached->pack.folder == fromFiles.folder);
        expectSameContent(fromFiles, cached->pack);
        BOOST_TEST((cached->index.data() == index.data()));
        ++packs;
    }
    BOOST_TEST(packs >= 1u);
}

BOOST_AUTO_TEST_CASE(the_second_load_comes_from_the_cache_with_the_same_catalog)
{
    CachedFolder f;
    const CatalogLoad first = f.load();
    BOOST_TEST(loaded(only(first)));
    BOOST_TEST(!only(first).fromCache);
    BOOST_TEST(first.folderProblems.empty());
    BOOST_TEST(fs::exists(PackCache(f.cacheDir.path()).fileFor(f.pack)));

    const CatalogLoad second = f.load();
    BOOST_TEST(loaded(only(second)));
    BOOST_TEST(only(second).fromCache);
    BOOST_TEST_REQUIRE(second.catalog.exercises().size() == first.catalog.exercises().size());
    for (std::size_t i = 0; i < first.catalog.exercises().size(); ++i)
        BOOST_TEST((second.catalog.exercises()[i] == first.catalog.exercises()[i]));
    BOOST_TEST(second.catalog.search("knee").size() == first.catalog.search("knee").size());
    BOOST_TEST(!second.catalog.search("knee").empty());
    BOOST_TEST((second.catalog.packs()[0].guidance == first.catalog.packs()[0].guidance));

    // plugins reload reads the files again.
    BOOST_TEST(!only(f.load(true)).fromCache);
}

BOOST_AUTO_TEST_CASE(a_changed_added_or_removed_file_means_the_files_are_read_again)
{
    CachedFolder f;
    f.load();
    BOOST_TEST_REQUIRE(only(f.load()).fromCache);

    // An exercise file edited: its new text is what loads.
    const fs::path hug = f.pack / "exercises" / "knee-hug.json";
    std::ifstream in(hug);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto name = text.find("\"name\"");
    BOOST_TEST_REQUIRE(name != std::string::npos);
    const auto open = text.find('"', text.find(':', name)) + 1;
    text.insert(open, "Edited ");
    writeFile(hug, text);
    age(f.pack);
    CatalogLoad load = f.load();
    BOOST_TEST(!only(load).fromCache);
    BOOST_TEST(load.catalog.search("edited").size() == 1u);
    BOOST_TEST(only(f.load()).fromCache); // and cached again

    // A new exercise file.
    fs::copy_file(hug, f.pack / "exercises" / "knee-hug-copy.json");
    load = f.load();
    BOOST_TEST(!only(load).fromCache);
    BOOST_TEST(!loaded(only(load))); // two files with one id: found, not hidden by the cache

    // The copy removed again: back to the edited pack, read from its files.
    fs::remove(f.pack / "exercises" / "knee-hug-copy.json");
    load = f.load();
    BOOST_TEST(loaded(only(load)));
    BOOST_TEST(load.catalog.search("edited").size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_image_or_the_guidance_changing_means_the_files_are_read_again)
{
    CachedFolder f;
    f.load();
    BOOST_TEST_REQUIRE(only(f.load()).fromCache);

    // The picture an exercise shows, replaced by a damaged one: the pack must fail.
    writeFile(f.pack / "media" / "knee-hug.png", "not a PNG any more");
    age(f.pack);
    CatalogLoad load = f.load();
    BOOST_TEST(!only(load).fromCache);
    BOOST_TEST(!loaded(only(load)));
    const bool namesTheImage = std::any_of(only(load).problems.begin(), only(load).problems.end(),
                                           [](const Problem& p) { return p.message.find("PNG") != std::string::npos ||
                                                                         p.pointer.find("media") != std::string::npos; });
    BOOST_TEST(namesTheImage);
    // A failed pack is never cached: the same problem is found every time.
    BOOST_TEST(!only(f.load()).fromCache);
    BOOST_TEST(!loaded(only(f.load())));

    // guidance.json removed (it is optional): read again, still loads.
    fs::copy_file(fixturePacks() / "good" / "media" / "knee-hug.png", f.pack / "media" / "knee-hug.png",
                  fs::copy_options::overwrite_existing);
    age(f.pack);
    BOOST_TEST_REQUIRE(loaded(only(f.load())));
    BOOST_TEST_REQUIRE(only(f.load()).fromCache);
    fs::remove(f.pack / "guidance.json");
    load = f.load();
    BOOST_TEST(!only(load).fromCache);
    BOOST_TEST(loaded(only(load)));
    BOOST_TEST(load.catalog.packs()[0].guidance.sections.empty());
}

BOOST_AUTO_TEST_CASE(a_file_modified_just_before_the_load_is_not_cached)
{
    CachedFolder f;
    writeFile(f.pack / "exercises" / "knee-hug.json",
              [&] {
                  std::ifstream in(fixturePacks() / "good" / "exercises" / "knee-hug.json");
                  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
              }());
    BOOST_TEST(loaded(only(f.load())));
    BOOST_TEST(!fs::exists(PackCache(f.cacheDir.path()).fileFor(f.pack)));
    BOOST_TEST(!only(f.load()).fromCache);
}

BOOST_AUTO_TEST_CASE(a_damaged_or_foreign_cache_file_is_read_from_the_pack_again)
{
    CachedFolder f;
    f.load();
    const fs::path file = PackCache(f.cacheDir.path()).fileFor(f.pack);
    std::ifstream in(file, std::ios::binary);
    const std::string good{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    BOOST_TEST_REQUIRE(good.size() > 100u);

    std::string flipped = good;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
    std::string otherFormat = good;
    otherFormat[8] = static_cast<char>(otherFormat[8] + 1); // the format number follows the magic
    for (const std::string& bad : {std::string(), std::string("garbage"), good.substr(0, good.size() / 2), flipped,
                                   otherFormat, good + "trailing"}) {
        writeFile(file, bad);
        const CatalogLoad load = f.load();
        BOOST_TEST(!only(load).fromCache);
        BOOST_TEST(loaded(only(load)));
        BOOST_TEST(load.catalog.exercises().size() == 2u);
        BOOST_TEST(only(f.load()).fromCache); // rewritten
    }
}

BOOST_AUTO_TEST_CASE(a_cache_that_cannot_be_written_is_reported_and_the_packs_still_load)
{
    CachedFolder f;
    writeFile(f.cacheDir.path() / "blocked", "a file where the cache folder should be");
    LoadOptions options;
    options.packCacheDir = f.cacheDir.path() / "blocked";
    const CatalogLoad load = loadCatalog({{f.plugins.path(), PluginOrigin::CommandLine}}, options);
    BOOST_TEST(loaded(only(load)));
    BOOST_TEST_REQUIRE(load.folderProblems.size() == 1u);
    BOOST_TEST(load.folderProblems[0].message.find("cannot write the pack cache") != std::string::npos);
    BOOST_TEST(load.folderProblems[0].message.find("read from its files again next time") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(decoding_any_damaged_record_fails_cleanly_or_gives_valid_values)
{
    const LoadedPack pack = loadPack(fixturePacks() / "good", "good");
    BOOST_TEST_REQUIRE(pack.ok());
    SearchIndex index;
    for (const Exercise& e : pack.exercises)
        index.add(e);
    ByteWriter out;
    writePackContent(out, {*pack.manifest, pack.exercises, pack.exerciseFiles, pack.guidance});
    writeSearchIndex(out, index);
    const std::string record = out.take();
    {
        ByteReader in(record);
        const PackContent back = readPackContent(in);
        const SearchIndex backIndex = readSearchIndex(in);
        BOOST_TEST(in.atEnd());
        BOOST_TEST((back == PackContent{*pack.manifest, pack.exercises, pack.exerciseFiles, pack.guidance}));
        BOOST_TEST((backIndex.data() == index.data()));
    }
    std::mt19937 rng(11);
    int refused = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string bad = record;
        if (round % 2 == 0)
            bad.resize(rng() % bad.size());
        else
            for (int k = 0; k < 4; ++k)
                bad[rng() % bad.size()] = static_cast<char>(rng());
        try {
            ByteReader in(bad);
            const PackContent c = readPackContent(in);
            readSearchIndex(in);
            for (const Exercise& e : c.exercises) // whatever decoded holds values the model knows
                BOOST_TEST(toString(e.type) != "invalid");
        } catch (const PackCacheCorrupt&) {
            ++refused;
        }
    }
    BOOST_TEST(refused > 1000);
}

BOOST_AUTO_TEST_SUITE_END()
