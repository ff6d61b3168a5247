// Plan files as an attacker writes them (issue 16, section 2): a snapshot's image path
// that leaves its pack, a FIFO as the image, and an exercise's text rewritten under a
// pack's id. `plan import` and `handout --plan` must refuse what the pack rules refuse,
// never wait on a FIFO, and never print a rewritten exercise without saying so.
#include "ClinicFixture.h"

#include "../handout/PdfTools.h"

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

using namespace sp::test;
using sp::Json;
using sp::handout::test::runTool;
namespace fs = std::filesystem;

namespace {

// A fixture of tests/data/plans with its one image path replaced.
fs::path planWithImage(const fs::path& dir, const std::string& fixture, const std::string& image)
{
    Json plan = Json::parse(slurp(sourcePath("tests/data/plans/" + fixture)));
    plan["items"][0]["snapshot"]["media"]["images"][0]["file"] = image;
    const fs::path file = dir / fixture;
    std::ofstream(file, std::ios::trunc) << plan.dump(2);
    return file;
}

// The built-in lumbar pack copied into `dir`/packs, so that a test can put files in it.
fs::path lumbarCopy(const fs::path& dir)
{
    const fs::path packs = dir / "packs";
    fs::create_directories(packs);
    fs::copy(sourcePath("plugins/lumbar"), packs / "lumbar", fs::copy_options::recursive);
    fs::create_directories(packs / "lumbar" / "media");
    return packs;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(plan_file_cli, ClinicFixture)

BOOST_AUTO_TEST_CASE(plan_import_refuses_a_snapshot_image_with_an_absolute_path)
{
    const fs::path file = planWithImage(dir, "image-absolute-path.json", sourcePath("tests/data/outside.png"));
    const std::string p = id({"patient", "add", "--name", "Ann Example"});
    const CliRun r = run({"plan", "import", file.string(), "--patient", p});
    expectDataError(r, file.string() + ": /items/0/snapshot/media/images/0/file: ");
    BOOST_TEST(contains(r.err, "is an absolute path; give a path inside the pack folder"), r.err);
    BOOST_TEST(r.out.empty()); // no plan id: nothing was imported
}

BOOST_AUTO_TEST_CASE(handout_from_a_plan_file_refuses_an_image_path_leaving_the_pack)
{
    const fs::path file = sourcePath("tests/data/plans/image-dotdot-path.json");
    const fs::path pdf = dir / "out.pdf";
    const CliRun r = run({"handout", "--plan", file.string(), "--out", pdf.string()});
    BOOST_TEST(r.exitCode == 3, r.err);
    BOOST_TEST(contains(r.err, "/items/0/snapshot/media/images/0/file: \"../../tests/data/outside.png\" leaves the "
                               "pack folder"),
               r.err);
    BOOST_TEST(!fs::exists(pdf));
}

BOOST_AUTO_TEST_CASE(a_fifo_named_as_the_image_is_refused_without_waiting)
{
    const fs::path fifo = dir / "photo.png";
    BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const fs::path file = planWithImage(dir, "image-fifo.json", fifo.string());
    const CliRun r = run({"handout", "--plan", file.string(), "--out", (dir / "out.pdf").string()}, 20);
    BOOST_TEST(r.exitCode == 3, r.err);
    BOOST_TEST(contains(r.err, "/items/0/snapshot/media/images/0/file: "), r.err);
    BOOST_TEST(contains(r.err, "is an absolute path"), r.err);
}

BOOST_AUTO_TEST_CASE(a_fifo_inside_the_pack_becomes_a_placeholder_without_waiting)
{
    const fs::path packs = lumbarCopy(dir);
    BOOST_TEST_REQUIRE(::mkfifo((packs / "lumbar" / "media" / "bridge.png").c_str(), 0600) == 0);
    const fs::path file = planWithImage(dir, "image-fifo.json", "media/bridge.png");
    const fs::path pdf = dir / "out.pdf";
    const CliRun r =
        run({"--no-builtin", "--plugins-dir", packs.string(), "handout", "--plan", file.string(), "--out", pdf.string()},
            20);
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(contains(r.err, "picture media/bridge.png cannot be used"), r.err);
    BOOST_TEST(contains(runTool({"pdftotext", pdf.string(), "-"}).out, "Picture not available"));
}

BOOST_AUTO_TEST_CASE(an_image_link_leading_out_of_the_pack_says_no_more_than_a_missing_file)
{
    const fs::path packs = lumbarCopy(dir);
    fs::create_symlink(sourcePath("tests/data/outside.png"), packs / "lumbar" / "media" / "there.png");
    fs::create_symlink(dir / "nothing.png", packs / "lumbar" / "media" / "nowhere.png");
    const auto warningFor = [&](const std::string& image) {
        const fs::path file = planWithImage(dir, "image-fifo.json", image);
        const fs::path pdf = dir / "out.pdf";
        const CliRun r = run({"--no-builtin", "--plugins-dir", packs.string(), "handout", "--plan", file.string(),
                              "--out", pdf.string()},
                             20);
        BOOST_TEST(r.exitCode == 0, r.err);
        BOOST_TEST(contains(runTool({"pdftotext", pdf.string(), "-"}).out, "Picture not available"));
        std::string err = r.err;
        for (std::size_t at; (at = err.find(image)) != std::string::npos;)
            err.replace(at, image.size(), "IMAGE");
        return err;
    };
    const std::string there = warningFor("media/there.png");
    BOOST_TEST(contains(there, "is not an image file inside the pack folder"), there);
    BOOST_TEST(there == warningFor("media/nowhere.png"));
    BOOST_TEST(there == warningFor("media/absent.png"));
}

BOOST_AUTO_TEST_CASE(a_rewritten_exercise_is_named_at_import_and_at_every_export)
{
    const fs::path file = sourcePath("tests/data/plans/bridge-hold-rewritten.json");
    const std::string expected = "item 1 (lumbar/bridge-hold, \"Bridge hold\"): the plan's copy differs from the "
                                 "installed pack lumbar ";
    const std::string fields = " in steps; the handout prints the plan's text, not the pack's";

    const std::string p = id({"patient", "add", "--name", "Ann Example"});
    BOOST_TEST(run({"patient", "screen", p, "--red-flags", "none"}).exitCode == 0);
    const CliRun imported = run({"plan", "import", file.string(), "--patient", p});
    BOOST_TEST_REQUIRE(imported.exitCode == 0, imported.err);
    BOOST_TEST(contains(imported.err, "warning: " + file.string() + ": " + expected), imported.err);
    BOOST_TEST(contains(imported.err, fields), imported.err);

    std::string plan = imported.out;
    plan.pop_back();
    const CliRun exported = run({"plan", "export", plan, "--out", (dir / "stored.pdf").string()});
    BOOST_TEST(exported.exitCode == 0, exported.err);
    BOOST_TEST(contains(exported.err, expected), exported.err);
    BOOST_TEST(contains(exported.err, fields), exported.err);

    const CliRun made = run({"handout", "--plan", file.string(), "--out", (dir / "file.pdf").string()});
    BOOST_TEST(made.exitCode == 0, made.err);
    BOOST_TEST(contains(made.err, "warning: " + file.string() + ": " + expected), made.err);

    const CliRun check = run({"plan", "check", plan});
    BOOST_TEST(contains(check.out + check.err, "the handout prints the plan's text"), check.out << check.err);
}

BOOST_AUTO_TEST_CASE(an_unchanged_snapshot_gives_no_warning)
{
    const fs::path pdf = dir / "zoe.pdf";
    const CliRun r = run({"handout", "--plan", sourcePath("tests/data/plans/zoe-full-routine.json"), "--out",
                          pdf.string(), "--deterministic"});
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(!contains(r.err, "plan's copy differs"), r.err);
}

BOOST_AUTO_TEST_CASE(an_ambiguous_exercise_id_names_the_exercise_option)
{
    const std::string p = id({"patient", "add", "--name", "Ann Example"});
    const CliRun r = run({"--no-builtin", "--plugins-dir", "tests/data/packs-extra", "--plugins-dir", "tests/data/packs",
                          "plan", "create", "--patient", p, "--title", "T", "--exercise", "knee-hug:sets=2"});
    expectDataError(r, "--exercise \"knee-hug:sets=2\": \"knee-hug\" is in more than one pack; say which:");
    BOOST_TEST(!contains(r.err, "items/0"), r.err);
}

BOOST_AUTO_TEST_SUITE_END()
