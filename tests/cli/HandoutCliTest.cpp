// Handouts end to end: plan export from the database, the stateless handout command and
// its batch mode, checked the way a reader's tools see the PDF.
#include "ClinicFixture.h"

#include "../handout/PdfTools.h"

#include <boost/test/unit_test.hpp>

#include <regex>

using namespace sp::test;
using sp::Json;
using sp::handout::test::runTool;
namespace fs = std::filesystem;

namespace {

const std::string kZoe = "Zo\u00eb \u00d1\u00fa\u00f1ez-\u0141ukasik";

std::string pdfText(const fs::path& pdf)
{
    return runTool({"pdftotext", "-layout", pdf.string(), "-"}).out;
}

int pageCount(const fs::path& pdf)
{
    const std::string info = runTool({"pdfinfo", pdf.string()}).out;
    std::smatch m;
    return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
}

// Every check the issue names: text, page count, embedded fonts, qpdf.
void expectValidHandout(const fs::path& pdf, const std::vector<std::string>& mustContain)
{
    BOOST_TEST_REQUIRE(fs::exists(pdf));
    const auto qpdf = runTool({"qpdf", "--check", pdf.string()});
    BOOST_TEST(qpdf.exitCode == 0, qpdf.out << qpdf.err);
    const std::string fonts = runTool({"pdffonts", pdf.string()}).out;
    std::istringstream lines(fonts);
    int fontRows = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty())
            continue;
        ++fontRows;
        BOOST_TEST(line.find(" yes yes ") != std::string::npos, "font not embedded as a subset: " << line);
    }
    BOOST_TEST(fontRows >= 1);
    const std::string text = pdfText(pdf);
    for (const std::string& s : mustContain)
        BOOST_TEST(text.find(s) != std::string::npos, "missing from the PDF text: " << s);
    const int pages = pageCount(pdf);
    BOOST_TEST(pages >= 1);
    BOOST_TEST(text.find("Page " + std::to_string(pages) + " of " + std::to_string(pages)) != std::string::npos);
    BOOST_TEST(text.find("Page " + std::to_string(pages + 1) + " of") == std::string::npos);
}

std::vector<std::string> fullRoutineNames()
{
    return {"Quadratus lumborum and oblique muscle", "Gluteus muscle and fascia release", "Active hamstring stretch",
            "Active adductor stretch", "Active hip flexor stretch", "Prone press-up", "Cat-camel hold (extension only)",
            "Bridge hold", "90-90 active stretch (front leg only)", "Full-range-of-motion hip activation"};
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(handout_cli, ClinicFixture)

BOOST_AUTO_TEST_CASE(exports_the_full_routine_for_zoe_and_logs_it)
{
    const std::string p = id({"patient", "add", "--name", kZoe, "--clinician", "Dr Ana Lee"});
    BOOST_TEST(run({"patient", "screen", p, "--red-flags", "none"}).exitCode == 0);
    const std::string plan = id({"plan", "create", "--patient", p, "--title", "Low back: the full routine", "--template",
                                 "lumbar-full-routine"});
    id({"note", "add", "--patient", p, "--pain", "4", "--next-due", "2026-12-08"});
    const fs::path pdf = dir / "zoe.pdf";
    const CliRun r = run({"plan", "export", plan, "--out", pdf.string()});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);

    std::vector<std::string> expected = fullRoutineNames();
    // The prone press-up's precaution and common mistake, from the lumbar pack: a safety
    // limit the patient must read.
    for (const char* s : {"Riverside Physiotherapy", "2 sets of", "Stop and contact us", "8 December 2026",
                          "Dr Ana Lee", "Your goals", "Take care", "If pain spreads further down your leg",
                          "Common mistakes to avoid", "Squeezing your buttocks"})
        expected.push_back(s);
    expected.push_back(kZoe);
    expectValidHandout(pdf, expected);
    BOOST_TEST(fs::file_size(pdf) < 300u * 1024u);

    const Json audit = json({"audit", "list", "--patient", p, "--json"});
    bool logged = false;
    for (const Json& e : audit)
        logged = logged || e.at("entity") == "handout";
    BOOST_TEST(logged);
    const CliRun timeline = run({"patient", "timeline", p});
    BOOST_TEST(timeline.out.find("handout") != std::string::npos, timeline.out);
}

BOOST_AUTO_TEST_CASE(a_blocker_stops_the_export_unless_overridden_with_a_reason)
{
    const std::string p = id({"patient", "add", "--name", "Not Screened"});
    const std::string plan = id({"plan", "create", "--patient", p, "--title", "T", "--exercise", "lumbar/bridge-hold"});
    const fs::path pdf = dir / "blocked.pdf";
    const CliRun blocked = run({"plan", "export", plan, "--out", pdf.string()});
    BOOST_TEST(blocked.exitCode == 4);
    BOOST_TEST(blocked.err.find("redflag.not-screened") != std::string::npos, blocked.err);
    BOOST_TEST(!fs::exists(pdf));

    const CliRun forced = run({"plan", "export", plan, "--out", pdf.string(), "--override-reason",
                               "Screened by phone, paperwork to follow"});
    BOOST_TEST(forced.exitCode == 0, forced.err);
    BOOST_TEST(fs::exists(pdf));
    const Json audit = json({"audit", "list", "--patient", p, "--json"});
    bool overridden = false;
    for (const Json& e : audit)
        overridden = overridden || e.at("action") == "override";
    BOOST_TEST(overridden);
}

BOOST_AUTO_TEST_CASE(templates_papers_and_large_print_all_make_valid_pdfs)
{
    const std::string p = id({"patient", "add", "--name", "Print Check"});
    BOOST_TEST(run({"patient", "screen", p, "--red-flags", "none"}).exitCode == 0);
    const std::string plan = id({"plan", "create", "--patient", p, "--title", "T", "--template", "lumbar-full-routine"});
    int normalPages = 0;
    for (const char* tmpl : {"classic", "compact"})
        for (const char* paper : {"a4", "letter"})
            for (bool large : {false, true}) {
                const fs::path pdf = dir / (std::string(tmpl) + "-" + paper + (large ? "-large" : "") + ".pdf");
                std::vector<std::string> args{"plan", "export", plan, "--out", pdf.string(), "--template", tmpl,
                                              "--paper", paper};
                if (large)
                    args.push_back("--large-print");
                const CliRun r = run(args);
                BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
                expectValidHandout(pdf, {"Prone press-up", "Print Check"});
                if (std::string(tmpl) == "classic" && std::string(paper) == "a4") {
                    if (!large)
                        normalPages = pageCount(pdf);
                    else
                        BOOST_TEST(pageCount(pdf) > normalPages); // large print re-flows onto more pages
                }
            }
    expectDataError(run({"plan", "export", plan, "--out", (dir / "x.pdf").string(), "--template", "glossy"}),
                    "no handout template \"glossy\"");
}

BOOST_AUTO_TEST_CASE(stateless_handouts_are_deterministic_and_batch_on_both_cores)
{
    const std::string p = id({"patient", "add", "--name", kZoe});
    const std::string plan = id({"plan", "create", "--patient", p, "--title", "Full", "--template", "lumbar-full-routine"});
    const fs::path json = dir / "zoe.json";
    BOOST_TEST(run({"plan", "export-json", plan, "--out", json.string()}).exitCode == 0);

    const fs::path a = dir / "a.pdf", b = dir / "b.pdf";
    BOOST_TEST(runCli({"handout", "--plan", json.string(), "--out", a.string(), "--deterministic"}).exitCode == 0);
    BOOST_TEST(runCli({"handout", "--plan", json.string(), "--out", b.string(), "--deterministic"}).exitCode == 0);
    BOOST_TEST(slurp(a) == slurp(b));
    expectValidHandout(a, {kZoe, "Prone press-up"});

    const fs::path out = dir / "batch";
    fs::create_directories(out);
    std::vector<std::string> args{"handout", "--out-dir", out.string(), "--deterministic"};
    for (int i = 0; i < 4; ++i) {
        const fs::path copy = dir / ("plan" + std::to_string(i) + ".json");
        fs::copy_file(json, copy);
        args.push_back("--plan");
        args.push_back(copy.string());
    }
    const CliRun batch = runCli(args);
    BOOST_TEST(batch.exitCode == 0, batch.err);
    BOOST_TEST(batch.err.find("[4/4]") != std::string::npos, batch.err);
    for (int i = 0; i < 4; ++i)
        BOOST_TEST(slurp(out / ("plan" + std::to_string(i) + ".pdf")) == slurp(a));
}

BOOST_AUTO_TEST_CASE(a_picture_that_cannot_be_decoded_becomes_a_placeholder_with_a_warning)
{
    // A pack whose exercise has a photo that starts like a PNG but is cut short.
    const fs::path packs = dir / "packs";
    fs::create_directories(packs);
    fs::copy(fs::path(SP_SOURCE_DIR) / "tests" / "data" / "packs" / "good", packs / "good",
             fs::copy_options::recursive);
    fs::copy_file(fs::path(SP_SOURCE_DIR) / "tests" / "data" / "images" / "truncated.png",
                  packs / "good" / "media" / "knee-hug.png", fs::copy_options::overwrite_existing);
    Json ex = Json::parse(slurp(packs / "good" / "exercises" / "knee-hug.json"));
    ex.erase("figure");
    std::ofstream(packs / "good" / "exercises" / "knee-hug.json", std::ios::trunc) << ex.dump(2);

    const std::string p = id({"patient", "add", "--name", "Photo Case"});
    BOOST_TEST(run({"patient", "screen", p, "--red-flags", "none"}).exitCode == 0);
    const std::string plan = id({"--plugins-dir", packs.string(), "plan", "create", "--patient", p, "--title", "T",
                                 "--exercise", "good/knee-hug"});
    const fs::path pdf = dir / "photo.pdf";
    const CliRun r = run({"--plugins-dir", packs.string(), "plan", "export", plan, "--out", pdf.string()});
    BOOST_TEST(r.exitCode == 0, r.err);
    BOOST_TEST(r.err.find("picture media/knee-hug.png cannot be used") != std::string::npos, r.err);
    expectValidHandout(pdf, {"Knee hug", "Picture not available"});
}

// The handout of a fixed plan file (tests/data/plans/zoe-full-routine.json) with the demo
// branding and the built-in pack's guidance, byte for byte. Any change to the layout, the
// writer, the templates, the demo branding or the lumbar pack's guidance changes it:
// look at the new PDF (pdftoppm -png) before updating the hash.
BOOST_AUTO_TEST_CASE(deterministic_handout_matches_the_golden_hash)
{
    const fs::path pdf = dir / "golden.pdf";
    const CliRun r = runCli({"handout", "--plan", sourcePath("tests/data/plans/zoe-full-routine.json"), "--out",
                             pdf.string(), "--deterministic"});
    BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
    const auto sum = runTool({"sha256sum", pdf.string()}).out.substr(0, 64);
    BOOST_TEST(sum == "5c2f80b783add06d0c7ac813c0ace4f10ffbe7e08a29d9b6c3b22dd8726236e4");
    expectValidHandout(pdf, {kZoe, "Do a set after every long spell of sitting"});
}

BOOST_AUTO_TEST_CASE(a_plan_file_with_invalid_utf8_is_refused)
{
    const fs::path bad = dir / "bad.json";
    std::ofstream(bad) << "{\"format\": \"stretchplan-plan\", \"format_version\": 1, \"patient\": {\"name\": \"Zo\xEB\"},"
                          " \"plan\": {\"title\": \"T\"}, \"items\": [{\"exercise\": \"lumbar/bridge-hold\"}]}";
    const CliRun r = runCli({"handout", "--plan", bad.string(), "--out", (dir / "bad.pdf").string()});
    BOOST_TEST(r.exitCode == 3);
    BOOST_TEST(r.err.find("/patient/name: invalid UTF-8") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(dir / "bad.pdf"));
}

BOOST_AUTO_TEST_SUITE_END()
