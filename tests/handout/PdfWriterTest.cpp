#include "handout/PdfWriter.h"

#include "PdfTools.h"
#include "handout/FontSet.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <regex>

using namespace sp::handout;
using namespace sp::handout::test;

namespace {

constexpr Color kInk{0.1, 0.1, 0.1};
constexpr Color kWhite{1, 1, 1};

// A 4x4 teal and white checkerboard, the "clinic logo" on both pages.
std::shared_ptr<const RgbImage> checkerLogo()
{
    auto logo = std::make_shared<RgbImage>();
    logo->width = 4;
    logo->height = 4;
    for (std::uint32_t row = 0; row < 4; ++row)
        for (std::uint32_t column = 0; column < 4; ++column) {
            const bool teal = (row + column) % 2 == 0;
            logo->pixels.insert(logo->pixels.end(), {std::uint8_t(teal ? 0 : 255),
                                                     std::uint8_t(teal ? 128 : 255),
                                                     std::uint8_t(teal ? 128 : 255)});
        }
    return logo;
}

// Looks like a QR code: three finder squares, timing lines, pseudo-random data.
QrBox sampleQr(double x, double y)
{
    QrBox qr{x, y, 4, 21, std::vector<bool>(21 * 21)};
    unsigned seed = 12345;
    for (int row = 0; row < 21; ++row)
        for (int column = 0; column < 21; ++column) {
            bool dark = false;
            bool inFinder = false;
            for (auto [top, left] : {std::pair{0, 0}, std::pair{0, 14}, std::pair{14, 0}}) {
                const int r = row - top, c = column - left;
                if (r >= -1 && r <= 7 && c >= -1 && c <= 7) {
                    inFinder = true;
                    const int ring = std::max(std::abs(r - 3), std::abs(c - 3));
                    dark = ring == 3 || ring <= 1;
                }
            }
            if (!inFinder && (row == 6 || column == 6))
                dark = (row + column) % 2 == 0;
            else if (!inFinder) {
                seed = seed * 1103515245 + 12345;
                dark = (seed >> 16) & 1;
            }
            qr.dark[static_cast<std::size_t>(row) * 21 + column] = dark;
        }
    return qr;
}

// Two pages with every kind of box; the logo image is shared by both pages.
LaidOutDocument sampleDocument()
{
    LaidOutDocument doc;
    doc.info = {"Home exercises for Zoë", "Physio Łódź Clinic", "Low back routine",
                "2024-05-06T07:08:09Z"};
    const auto logo = checkerLogo();
    Page first;
    first.boxes = {
        Rect{0, 761.89, 595.276, 80, Color{0.05, 0.45, 0.5}, std::nullopt, 0.5},
        TextRun{40, 790, FontFace::Bold, 24, kWhite, "Home exercises"},
        ImageBox{495, 771.89, 60, 60, logo},
        TextRun{40, 720, FontFace::Regular, 14, kInk, "Zoë Ñúñez-Łukasik"},
        TextRun{40, 696, FontFace::Regular, 12, kInk, "Ελληνικά: καλημέρα"},
        TextRun{40, 676, FontFace::Regular, 12, kInk, "Русский: упражнение"},
        TextRun{40, 656, FontFace::Bold, 12, Color{0.6, 0.1, 0.1}, "Don’t – 10–15 reps • hold 30 s"},
        Line{40, 640, 555, 640, 3, Color{0.5, 0.5, 0.5}, true},
        Rect{40, 450, 200, 150, std::nullopt, Color{0.8, 0, 0}, 2},
        Rect{260, 450, 120, 150, Color{1, 0.95, 0.6}, kInk, 1},
        Circle{480, 525, 60, Color{0.3, 0.7, 0.3}, Color{0, 0.3, 0}, 2},
        Polygon{{{60, 300}, {220, 300}, {140, 420}}, Color{1, 0.6, 0}},
        sampleQr(380, 280),
        TextRun{40, 100, FontFace::Regular, 9, kInk, "Scan the code for the video"},
    };
    Page second;
    second.boxes = {
        ImageBox{40, 760, 40, 40, logo},
        TextRun{100, 770, FontFace::Bold, 16, kInk, "Second page"},
        TextRun{40, 700, FontFace::Regular, 11, kInk, "Breathe out slowly as you stretch."},
    };
    doc.pages = {first, second};
    return doc;
}

std::vector<TextRun> textRuns(const Page& page)
{
    std::vector<TextRun> runs;
    for (const Box& box : page.boxes)
        if (const auto* run = std::get_if<TextRun>(&box))
            runs.push_back(*run);
    return runs;
}

// The sample rendered once and written where the tools can read it.
struct Rendered {
    TempDir dir;
    std::filesystem::path pdf = dir / "handout.pdf";
    Rendered() { writePdfFile(sampleDocument(), PdfOptions{}, pdf); }
};

const Rendered& rendered()
{
    static const Rendered once;
    return once;
}

std::string pdfPath()
{
    return rendered().pdf.string();
}

const PdfOptions kDeterministic{.deterministic = true, .fontDir = {}};

} // namespace

BOOST_AUTO_TEST_SUITE(pdf_writer)

BOOST_AUTO_TEST_CASE(output_passes_qpdf_check)
{
    const ToolRun check = runTool({"qpdf", "--check", pdfPath()});
    BOOST_TEST(check.exitCode == 0, check.out << check.err);
    BOOST_TEST(check.out.find("No syntax or stream encoding errors found") != std::string::npos, check.out);
}

BOOST_AUTO_TEST_CASE(embeds_both_faces_as_font_subsets)
{
    const ToolRun fonts = runTool({"pdffonts", pdfPath()});
    BOOST_TEST_REQUIRE(fonts.exitCode == 0, fonts.err);
    const auto rows = tableRows(fonts.out);
    BOOST_TEST_REQUIRE(rows.size() == 2u, fonts.out);
    for (const auto& row : rows) { // name type encoding emb sub uni object ID
        BOOST_TEST(row[0].find("+DejaVuSans") != std::string::npos, fonts.out);
        BOOST_TEST(row[1] == "CID TrueType");
        BOOST_TEST(row[3] == "yes", fonts.out);
        BOOST_TEST(row[4] == "yes", fonts.out);
        BOOST_TEST(row[5] == "yes", fonts.out);
    }
}

BOOST_AUTO_TEST_CASE(every_text_line_extracts_exactly_without_warnings)
{
    const ToolRun text = runTool({"pdftotext", pdfPath(), "-"});
    BOOST_TEST_REQUIRE(text.exitCode == 0, text.err);
    BOOST_TEST(text.err.empty(), text.err); // e.g. no "Invalid 'begincidrange'" from the CMap
    std::string withoutPageBreaks = text.out;
    std::replace(withoutPageBreaks.begin(), withoutPageBreaks.end(), '\f', '\n');
    const std::vector<std::string> extracted = lines(withoutPageBreaks);
    for (const Page& page : sampleDocument().pages)
        for (const TextRun& run : textRuns(page))
            BOOST_TEST((std::find(extracted.begin(), extracted.end(), run.text) != extracted.end()),
                       run.text << " not in:\n" << text.out);
}

BOOST_AUTO_TEST_CASE(text_is_drawn_exactly_as_wide_as_measured_on_its_baseline)
{
    const ToolRun boxes = runTool({"pdftotext", "-bbox", "-f", "1", "-l", "1", pdfPath(), "-"});
    BOOST_TEST_REQUIRE(boxes.exitCode == 0, boxes.err);
    const std::regex word(R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" )re"
                          R"re(yMax="([\d.]+)">([^<]*)</word>)re");
    const FontSet fonts;
    const double pageHeight = PageSize{}.height;
    for (const TextRun& run : textRuns(sampleDocument().pages[0])) {
        const std::string firstWord = run.text.substr(0, run.text.find(' '));
        bool found = false;
        const auto end = std::sregex_iterator();
        for (auto it = std::sregex_iterator(boxes.out.begin(), boxes.out.end(), word); it != end; ++it) {
            const double xMin = std::stod((*it)[1]), xMax = std::stod((*it)[2]);
            const double yMax = std::stod((*it)[3]);
            if ((*it)[4] != firstWord || std::abs(xMin - run.x) > 0.01)
                continue;
            found = true;
            const double measured = fonts.width(run.face, run.size, firstWord);
            BOOST_TEST(std::abs(xMax - xMin - measured) < 1e-3, firstWord << ": drawn " << xMax - xMin
                                                                          << ", measured " << measured);
            // pdftotext measures y down from the top and puts the box's bottom at the descent.
            const double baseline = pageHeight - yMax + fonts.descent(run.face, run.size);
            BOOST_TEST(std::abs(baseline - run.y) < 1e-3, firstWord << ": baseline " << baseline);
        }
        BOOST_TEST(found, firstWord << " not found in:\n" << boxes.out);
    }
}

BOOST_AUTO_TEST_CASE(info_shows_pages_metadata_date_and_page_size)
{
    const ToolRun info = runTool({"pdfinfo", "-isodates", pdfPath()});
    BOOST_TEST_REQUIRE(info.exitCode == 0, info.err);
    BOOST_TEST(infoField(info.out, "Pages") == "2");
    BOOST_TEST(infoField(info.out, "Title") == "Home exercises for Zoë");
    BOOST_TEST(infoField(info.out, "Author") == "Physio Łódź Clinic");
    BOOST_TEST(infoField(info.out, "Subject") == "Low back routine");
    BOOST_TEST(infoField(info.out, "Creator") == "StretchPlan");
    BOOST_TEST(infoField(info.out, "CreationDate") == "2024-05-06T07:08:09Z");
    BOOST_TEST(infoField(info.out, "Page size").rfind("595.276 x 841.89 pts (A4)", 0) == 0u, info.out);
}

BOOST_AUTO_TEST_CASE(an_image_shared_by_both_pages_is_embedded_once)
{
    const ToolRun images = runTool({"pdfimages", "-list", pdfPath()});
    BOOST_TEST_REQUIRE(images.exitCode == 0, images.err);
    // page num type width height color comp bpc enc interp object ID ...; no cell has spaces
    const std::vector<std::string> listed = lines(images.out);
    BOOST_TEST_REQUIRE(listed.size() == 4u, images.out);
    const std::vector<std::string> first = words(listed[2]), second = words(listed[3]);
    BOOST_TEST_REQUIRE(first.size() > 10u);
    BOOST_TEST_REQUIRE(second.size() > 10u);
    BOOST_TEST(first[0] == "1");
    BOOST_TEST(second[0] == "2");
    BOOST_TEST(first[3] + "x" + first[4] == "4x4");
    BOOST_TEST(first[10] == second[10], images.out); // the same object on both pages

    TempDir dir;
    const ToolRun qdf = runTool({"qpdf", "--qdf", "--object-streams=disable", pdfPath(), (dir / "qdf.pdf").string()});
    BOOST_TEST_REQUIRE(qdf.exitCode == 0, qdf.err);
    const std::string expanded = readFile(dir / "qdf.pdf");
    std::size_t imageObjects = 0;
    for (std::size_t at = 0; (at = expanded.find("/Subtype /Image", at)) != std::string::npos; ++at)
        ++imageObjects;
    BOOST_TEST(imageObjects == 1u);
}

BOOST_AUTO_TEST_CASE(qr_code_rows_are_drawn_as_merged_runs)
{
    TempDir dir;
    LaidOutDocument doc;
    const QrBox qr = sampleQr(100, 100);
    doc.pages = {Page{{qr}}};
    writePdfFile(doc, kDeterministic, dir / "qr.pdf");
    const ToolRun qdf = runTool({"qpdf", "--qdf", (dir / "qr.pdf").string(), (dir / "expanded.pdf").string()});
    BOOST_TEST_REQUIRE(qdf.exitCode == 0, qdf.err);
    std::size_t runs = 0;
    for (int row = 0; row < qr.size; ++row)
        for (int column = 0; column < qr.size; ++column)
            runs += qr.dark[row * 21 + column] && (column == 0 || !qr.dark[row * 21 + column - 1]);
    std::size_t rectangles = 0;
    for (const std::string& line : lines(readFile(dir / "expanded.pdf")))
        rectangles += line.size() > 3 && line.compare(line.size() - 3, 3, " re") == 0;
    BOOST_TEST(rectangles == runs);
}

BOOST_AUTO_TEST_CASE(deterministic_output_is_byte_identical_across_renders)
{
    const std::string first = renderPdf(sampleDocument(), kDeterministic);
    const std::string second = renderPdf(sampleDocument(), kDeterministic);
    BOOST_TEST((first == second));
}

BOOST_AUTO_TEST_CASE(deterministic_output_is_byte_identical_across_processes)
{
    TempDir dir;
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const ToolRun child = runTool({self, "--run_test=pdf_writer_second_process/writes_deterministic_copy",
                                   "--", (dir / "child.pdf").string()});
    BOOST_TEST_REQUIRE(child.exitCode == 0, child.out << child.err);
    BOOST_TEST((readFile(dir / "child.pdf") == renderPdf(sampleDocument(), kDeterministic)));
}

BOOST_AUTO_TEST_CASE(without_a_creation_date_only_deterministic_output_has_no_date)
{
    TempDir dir;
    LaidOutDocument doc = sampleDocument();
    doc.info.creationDate.clear();
    writePdfFile(doc, kDeterministic, dir / "fixed.pdf");
    writePdfFile(doc, PdfOptions{}, dir / "dated.pdf");
    BOOST_TEST(infoField(runTool({"pdfinfo", (dir / "fixed.pdf").string()}).out, "CreationDate").empty());
    BOOST_TEST(!infoField(runTool({"pdfinfo", (dir / "dated.pdf").string()}).out, "CreationDate").empty());
}

BOOST_AUTO_TEST_CASE(libharu_errors_become_pdf_errors_naming_code_and_place)
{
    LaidOutDocument doc = sampleDocument();
    std::get<TextRun>(doc.pages[1].boxes[1]).size = 1000; // libharu allows at most 600 pt
    try {
        renderPdf(doc, PdfOptions{});
        BOOST_FAIL("expected PdfError");
    } catch (const PdfError& e) {
        const std::string message = e.what();
        BOOST_TEST(e.libharuCode() == 0x1050u); // HPDF_PAGE_INVALID_FONT_SIZE
        BOOST_TEST(message.find("font size") != std::string::npos, message);
        BOOST_TEST(message.find("page 2, box 2 (text)") != std::string::npos, message);
    }
}

BOOST_AUTO_TEST_CASE(image_whose_pixels_do_not_match_its_size_is_refused)
{
    LaidOutDocument doc = sampleDocument();
    auto bad = std::make_shared<RgbImage>(*checkerLogo());
    bad->pixels.resize(10);
    std::get<ImageBox>(doc.pages[1].boxes[0]).image = bad;
    BOOST_CHECK_EXCEPTION(renderPdf(doc, PdfOptions{}), PdfError, [](const PdfError& e) {
        return std::string(e.what()).find("needs 48 bytes but has 10") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(missing_fonts_name_the_file_and_the_package)
{
    const PdfOptions options{.deterministic = false, .fontDir = "/nonexistent/fonts"};
    BOOST_CHECK_EXCEPTION(renderPdf(sampleDocument(), options), PdfError, [](const PdfError& e) {
        const std::string message = e.what();
        return message.find("/nonexistent/fonts/DejaVuSans") != std::string::npos &&
               message.find("fonts-dejavu-core") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(document_without_pages_is_refused)
{
    BOOST_CHECK_THROW(renderPdf(LaidOutDocument{}, PdfOptions{}), PdfError);
}

BOOST_AUTO_TEST_CASE(one_page_with_both_faces_stays_small)
{
    // Mostly the two subset font programs (~25 KB each compressed): libharu's per-font
    // tables for all 65536 code points and DejaVu's glyph names would add ~130 KB.
    LaidOutDocument doc = sampleDocument();
    doc.pages.resize(1);
    BOOST_TEST(renderPdf(doc, kDeterministic).size() < 70'000u);
}

BOOST_AUTO_TEST_CASE(writing_into_a_missing_folder_fails_and_leaves_nothing)
{
    TempDir dir;
    const std::filesystem::path target = dir / "missing" / "handout.pdf";
    BOOST_CHECK_EXCEPTION(writePdfFile(sampleDocument(), PdfOptions{}, target), PdfError, [&](const PdfError& e) {
        return std::string(e.what()).find((dir / "missing").string() + " does not exist") != std::string::npos;
    });
    BOOST_TEST(std::filesystem::is_empty(dir.path()));
}

BOOST_AUTO_TEST_CASE(writing_over_an_existing_file_replaces_it_and_leaves_no_temporary_file)
{
    TempDir dir;
    const std::filesystem::path target = dir / "handout.pdf";
    writeFile(target, "old contents");
    writePdfFile(sampleDocument(), kDeterministic, target);
    BOOST_TEST((readFile(target) == renderPdf(sampleDocument(), kDeterministic)));
    BOOST_TEST(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

BOOST_AUTO_TEST_CASE(a_failed_render_leaves_the_existing_file_untouched)
{
    TempDir dir;
    const std::filesystem::path target = dir / "handout.pdf";
    writeFile(target, "old contents");
    LaidOutDocument doc = sampleDocument();
    std::get<TextRun>(doc.pages[0].boxes[1]).size = -1;
    BOOST_CHECK_THROW(writePdfFile(doc, PdfOptions{}, target), PdfError);
    BOOST_TEST(readFile(target) == "old contents");
    BOOST_TEST(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

BOOST_AUTO_TEST_CASE(replacing_a_folder_fails_and_cleans_up_the_temporary_file)
{
    TempDir dir;
    std::filesystem::create_directory(dir / "handout.pdf");
    std::filesystem::create_directory(dir / "handout.pdf" / "inside");
    BOOST_CHECK_THROW(writePdfFile(sampleDocument(), PdfOptions{}, dir / "handout.pdf"), PdfError);
    BOOST_TEST(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

BOOST_AUTO_TEST_SUITE_END()

// Run in a second process by deterministic_output_is_byte_identical_across_processes, and
// disabled otherwise: a fresh process has other heap addresses, so pointer-keyed caches or
// uninitialised bytes would show up as a difference. Its own suite keeps it out of
// --run_test=pdf_writer.
BOOST_AUTO_TEST_SUITE(pdf_writer_second_process)

BOOST_AUTO_TEST_CASE(writes_deterministic_copy, *boost::unit_test::disabled())
{
    const auto& suite = boost::unit_test::framework::master_test_suite();
    BOOST_TEST_REQUIRE(suite.argc == 2, "usage: -- <target.pdf>");
    writePdfFile(sampleDocument(), kDeterministic, suite.argv[1]);
}

BOOST_AUTO_TEST_SUITE_END()
