// Every way a pack can be broken, each with its own fixture under tests/data/packs: the
// pack fails with one line that names the file and the field, and the others still load.
#include "PackFixtures.h"

#include "pluginhost/PackFiles.h"
#include "pluginhost/PackLoader.h"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <optional>

using namespace sp;
using namespace sp::test;

namespace {

// The pack failed with exactly one problem, in `file` at `pointer`, saying `message`.
void expectOneProblem(const std::string& folder, const std::string& file, const std::string& pointer,
                      const std::string& message)
{
    const PackReport& r = reportFor(folder);
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed), folder);
    BOOST_TEST_REQUIRE(r.problems.size() == 1u, folder << ": " << r.problems.size() << " problems");
    const Problem& p = r.problems[0];
    BOOST_TEST(p.file == folder + "/" + file);
    BOOST_TEST(p.pointer == pointer);
    BOOST_TEST(p.message.find(message) != std::string::npos, p.format());
    BOOST_TEST(p.format().find('\n') == std::string::npos);
}

// A PNG of `width` x `height` as far as its header tells: the signature and the IHDR chunk.
std::string pngHeader(std::uint32_t width, std::uint32_t height)
{
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            png += static_cast<char>((v >> shift) & 0xFF);
    png += std::string("\x08\x02\0\0\0", 5) + std::string("\0\0\0\0", 4); // depth, colour type; CRC
    return png;
}

// A JPEG of `width` x `height` as far as its header tells: SOI, an APP0 segment, SOF0.
std::string jpegHeader(std::uint16_t width, std::uint16_t height)
{
    std::string jpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);
    jpeg += std::string("\xFF\xC0\0\x11\x08", 5);
    for (std::uint16_t v : {height, width}) {
        jpeg += static_cast<char>(v >> 8);
        jpeg += static_cast<char>(v & 0xFF);
    }
    jpeg += std::string("\x03\x01\x22\0\x02\x11\x01\x03\x11\x01", 10);
    return jpeg;
}

const PackReport& loadOne(const TempDir& tmp, std::optional<CatalogLoad>& holder)
{
    holder = loadCatalog({{tmp.path(), PluginOrigin::CommandLine}});
    BOOST_TEST_REQUIRE(holder->packs.size() == 1u);
    return holder->packs[0];
}

} // namespace

BOOST_AUTO_TEST_SUITE(pack_failures)

BOOST_AUTO_TEST_CASE(rejects_malformed_json_with_line_and_column)
{
    expectOneProblem("bad-malformed-json", "exercises/knee-hug.json", "/name", "malformed JSON");
    BOOST_TEST(reportFor("bad-malformed-json").problems[0].message.find("(line 4, column") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rejects_unknown_field)
{
    expectOneProblem("bad-unknown-field", "exercises/knee-hug.json", "/colour", "unknown field \"colour\"");
}

BOOST_AUTO_TEST_CASE(rejects_missing_field)
{
    expectOneProblem("bad-missing-field", "exercises/knee-hug.json", "/steps", "is required but missing");
}

BOOST_AUTO_TEST_CASE(rejects_mistyped_field)
{
    expectOneProblem("bad-mistyped-field", "exercises/knee-hug.json", "/dosage/reps",
                     "expected a whole number, got a string");
}

BOOST_AUTO_TEST_CASE(rejects_bad_enum_value)
{
    expectOneProblem("bad-enum-value", "exercises/knee-hug.json", "/type", "\"stretchy\" is not one of release");
}

BOOST_AUTO_TEST_CASE(rejects_out_of_range_dosage)
{
    expectOneProblem("bad-dosage-range", "exercises/knee-hug.json", "/dosage/hold_s", "900 is out of range (0\u2013600)");
}

BOOST_AUTO_TEST_CASE(rejects_invalid_utf8)
{
    expectOneProblem("bad-invalid-utf8", "exercises/knee-hug.json", "/name", "invalid UTF-8 (line 3, column");
}

BOOST_AUTO_TEST_CASE(rejects_duplicate_exercise_ids_within_a_pack)
{
    expectOneProblem("bad-duplicate-id", "exercises/b.json", "/id",
                     "duplicate id \"knee-hug\" (also in bad-duplicate-id/exercises/a.json)");
}

BOOST_AUTO_TEST_CASE(rejects_a_pack_id_already_loaded_naming_the_first_folder)
{
    expectOneProblem("zz-bad-duplicate-pack-id", "manifest.json", "/id", "plugin id \"good\" is already loaded from");
    BOOST_TEST(reportFor("zz-bad-duplicate-pack-id").problems[0].message.find("packs/good") != std::string::npos);
    BOOST_TEST(static_cast<int>(reportFor("good").status) == static_cast<int>(PackStatus::Loaded));
}

BOOST_AUTO_TEST_CASE(rejects_media_path_with_dotdot)
{
    expectOneProblem("bad-media-dotdot", "exercises/knee-hug.json", "/media/images/0/file",
                     "\"../outside.png\" leaves the pack folder");
}

BOOST_AUTO_TEST_CASE(rejects_absolute_media_path)
{
    expectOneProblem("bad-media-absolute", "exercises/knee-hug.json", "/media/images/0/file",
                     "\"/etc/hostname\" is an absolute path");
}

BOOST_AUTO_TEST_CASE(rejects_media_symlink_pointing_out_of_the_pack)
{
    expectOneProblem("bad-media-symlink", "exercises/knee-hug.json", "/media/images/0/file",
                     "\"media/out.png\" is a link that leads outside the pack folder");
}

BOOST_AUTO_TEST_CASE(rejects_exercise_file_symlink_pointing_out_of_the_pack)
{
    expectOneProblem("bad-exercise-symlink", "exercises/knee-hug.json", "", "is a link that leads outside the pack folder");
}

BOOST_AUTO_TEST_CASE(rejects_missing_media)
{
    expectOneProblem("bad-media-missing", "exercises/knee-hug.json", "/media/images/0/file",
                     "\"media/none.png\" does not exist in the pack");
}

BOOST_AUTO_TEST_CASE(rejects_media_whose_content_is_not_an_image)
{
    expectOneProblem("bad-media-corrupt", "exercises/knee-hug.json", "/media/images/0/file",
                     "\"media/broken.png\" is not a valid PNG image");
}

BOOST_AUTO_TEST_CASE(rejects_nesting_over_the_depth_cap)
{
    expectOneProblem("bad-nesting-depth", "exercises/knee-hug.json", "/aliases/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
                     "nesting is deeper than 16 levels");
}

BOOST_AUTO_TEST_CASE(refuses_a_newer_api_saying_so)
{
    expectOneProblem("bad-api-too-new", "manifest.json", "/api",
                     "pack needs api 2, but this StretchPlan reads api 1 at most; update StretchPlan to load it");
    BOOST_TEST(reportFor("bad-api-too-new").id == "bad-api-too-new");
}

BOOST_AUTO_TEST_CASE(reports_every_problem_of_a_broken_manifest)
{
    const PackReport& r = reportFor("bad-manifest");
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST(r.id.empty()); // its id is invalid, so the report cannot name it
    std::vector<std::string> pointers;
    for (const Problem& p : r.problems) {
        BOOST_TEST(p.file == "bad-manifest/manifest.json");
        pointers.push_back(p.pointer);
    }
    BOOST_TEST((pointers == std::vector<std::string>{"/kind", "/id", "/name", "/version", "/author", "/license",
                                                    "/description"}));
}

BOOST_AUTO_TEST_CASE(rejects_reference_to_an_exercise_missing_from_the_pack)
{
    expectOneProblem("bad-reference-in-pack", "exercises/knee-hug.json", "/progressions/0",
                     "no exercise \"no-such-exercise\" in this pack");
}

BOOST_AUTO_TEST_CASE(rejects_reference_to_a_pack_that_is_not_loaded)
{
    expectOneProblem("bad-reference-other-pack", "exercises/knee-hug.json", "/regressions/0",
                     "\"nowhere/knee-hug\" is not in any loaded pack");
}

BOOST_AUTO_TEST_CASE(rejects_stray_files_among_the_exercises)
{
    expectOneProblem("bad-stray-file", "exercises/notes.txt", "", "is not an exercise file");
}

BOOST_AUTO_TEST_CASE(rejects_pack_with_an_empty_exercises_folder)
{
    // Made at run time: git does not keep empty folders.
    TempDir tmp;
    const auto pack = copyGoodPack(tmp.path(), "empty-exercises");
    std::filesystem::remove_all(pack / "exercises");
    std::filesystem::create_directories(pack / "exercises");
    const LoadedPack loaded = loadPack(pack, "empty-exercises");
    BOOST_TEST(!loaded.ok());
    BOOST_TEST_REQUIRE(loaded.problems.size() == 1u);
    BOOST_TEST(loaded.problems[0].format() == "empty-exercises/exercises: holds no exercise files (*.json)");
}

BOOST_AUTO_TEST_CASE(rejects_exercise_file_over_the_size_cap)
{
    TempDir tmp;
    const auto pack = copyGoodPack(tmp.path(), "big");
    writeFile(pack / "exercises" / "huge.json", std::string(kMaxExerciseFileBytes + 1, ' '));
    const LoadedPack loaded = loadPack(pack, "big");
    BOOST_TEST(!loaded.ok());
    BOOST_TEST_REQUIRE(loaded.problems.size() == 1u);
    BOOST_TEST(loaded.problems[0].format() ==
               "big/exercises/huge.json: is too large (1048577 bytes, at most 1 MiB)");
}

BOOST_AUTO_TEST_CASE(rejects_manifest_over_the_size_cap)
{
    TempDir tmp;
    const auto pack = copyGoodPack(tmp.path(), "big");
    writeFile(pack / "manifest.json", std::string(kMaxManifestBytes + 1, ' '));
    const LoadedPack loaded = loadPack(pack, "big");
    BOOST_TEST(!loaded.ok());
    BOOST_TEST(loaded.problems.at(0).format() == "big/manifest.json: is too large (262145 bytes, at most 256 KiB)");
}

BOOST_AUTO_TEST_CASE(rejects_media_over_the_size_cap)
{
    TempDir tmp;
    const auto pack = copyGoodPack(tmp.path(), "big");
    std::string png = "\x89PNG\r\n\x1a\n";
    png.resize(kMaxMediaBytes + 1, '\0');
    writeFile(pack / "media" / "knee-hug.png", png);
    const LoadedPack loaded = loadPack(pack, "big");
    BOOST_TEST_REQUIRE(loaded.problems.size() == 1u);
    BOOST_TEST(loaded.problems[0].pointer == "/media/images/0/file");
    BOOST_TEST(loaded.problems[0].message.find("is too large (16777217 bytes, at most 16 MiB)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rejects_more_exercise_files_than_the_cap)
{
    TempDir tmp;
    const auto pack = copyGoodPack(tmp.path(), "many");
    for (std::size_t i = 0; i <= kMaxExercisesPerPack; ++i)
        writeFile(pack / "exercises" / ("e" + std::to_string(i) + ".json"), "{}");
    const LoadedPack loaded = loadPack(pack, "many");
    BOOST_TEST_REQUIRE(loaded.problems.size() == 1u);
    BOOST_TEST(loaded.problems[0].message.find("at most 5000 are allowed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_manifest_or_exercises_folder_is_reported)
{
    TempDir tmp;
    const auto pack = tmp.path() / "empty";
    std::filesystem::create_directories(pack);
    const LoadedPack loaded = loadPack(pack, "empty");
    BOOST_TEST(!loaded.ok());
    BOOST_TEST_REQUIRE(loaded.problems.size() == 2u);
    BOOST_TEST(loaded.problems[0].format() == "empty/manifest.json: does not exist");
    BOOST_TEST(loaded.problems[1].format() ==
               "empty/exercises: folder is missing; a pack needs at least one exercise file");
}

BOOST_AUTO_TEST_CASE(broken_packs_do_not_stop_the_good_ones)
{
    const CatalogLoad& load = fixtureLoad();
    BOOST_TEST(load.catalog.find("good/knee-hug"));
    BOOST_TEST(load.catalog.find("good-referrer/reach"));
    BOOST_TEST(load.catalog.packs().size() == 2u);
    for (const PackReport& r : load.packs)
        if (r.folder.filename().string().find("bad-") != std::string::npos)
            BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed), r.folder);
}

BOOST_AUTO_TEST_CASE(rejects_an_image_larger_than_4096_pixels_naming_file_and_size)
{
    TempDir tmp;
    const auto pack = copyGoodPack(tmp.path(), "huge-photo");
    writeFile(pack / "media/knee-hug.png", pngHeader(12000, 12000));
    std::optional<CatalogLoad> load;
    const PackReport& r = loadOne(tmp, load);
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST_REQUIRE(r.problems.size() == 1u);
    BOOST_TEST(r.problems[0].format() ==
               "huge-photo/exercises/knee-hug.json: /media/images/0/file: \"media/knee-hug.png\" is 12000 x 12000 "
               "pixels, larger than the 4096 x 4096 allowed");
}

BOOST_AUTO_TEST_CASE(reads_image_dimensions_from_the_header_alone)
{
    TempDir tmp;
    writeFile(tmp.path() / "wide.jpg", jpegHeader(5000, 300));
    writeFile(tmp.path() / "fine.jpg", jpegHeader(4096, 4096));
    writeFile(tmp.path() / "fine.png", pngHeader(4096, 10));
    writeFile(tmp.path() / "tall.png", pngHeader(10, 4097));
    writeFile(tmp.path() / "cut.png", pngHeader(10, 10).substr(0, 20));
    BOOST_TEST(checkImageFile(tmp.path() / "wide.jpg") == "is 5000 x 300 pixels, larger than the 4096 x 4096 allowed");
    BOOST_TEST(checkImageFile(tmp.path() / "fine.jpg") == "");
    BOOST_TEST(checkImageFile(tmp.path() / "fine.png") == "");
    BOOST_TEST(checkImageFile(tmp.path() / "tall.png") == "is 10 x 4097 pixels, larger than the 4096 x 4096 allowed");
    BOOST_TEST(checkImageFile(tmp.path() / "cut.png").find("is not a valid PNG image") == 0u);
}

BOOST_AUTO_TEST_CASE(a_broken_exercise_is_not_also_reported_missing_by_those_referring_to_it)
{
    TempDir tmp;
    const auto pack = copyGoodPack(tmp.path(), "one-bad");
    std::ifstream in(pack / "exercises/knee-hug.json");
    std::string text(std::istreambuf_iterator<char>(in), {});
    text.replace(text.find("\"type\": \""), 9, "\"type\": \"stretchy-");
    writeFile(pack / "exercises/knee-hug.json", text);
    std::optional<CatalogLoad> load;
    const PackReport& r = loadOne(tmp, load);
    BOOST_TEST_REQUIRE(r.problems.size() == 1u, r.problems.size() << " problems, the last: " << r.problems.back().format());
    BOOST_TEST(r.problems[0].pointer == "/type");

    // Not even when the file is not JSON at all: its name stands for its id.
    writeFile(pack / "exercises/knee-hug.json", "{ not json");
    const PackReport& again = loadOne(tmp, load);
    BOOST_TEST_REQUIRE(again.problems.size() == 1u, again.problems.back().format());
    BOOST_TEST(again.problems[0].file == "one-bad/exercises/knee-hug.json");
}

BOOST_AUTO_TEST_CASE(a_failed_pack_still_shows_its_manifest_version)
{
    BOOST_TEST(reportFor("bad-dosage-range").version == "1.0.0");
    TempDir tmp;
    const auto pack = copyGoodPack(tmp.path(), "bad-name");
    writeFile(pack / "manifest.json", "{\"kind\": \"exercise-pack\", \"id\": \"bad-name\", \"name\": \"\", "
                                      "\"version\": \"2.3.4\", \"api\": 1, \"author\": \"a\", \"license\": \"l\", "
                                      "\"description\": \"d\"}");
    std::optional<CatalogLoad> load;
    const PackReport& r = loadOne(tmp, load);
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST(r.version == "2.3.4");
}

BOOST_AUTO_TEST_SUITE_END()
