// The preview's pages are the PDF's pages: same count, same size, and pixels that show
// the page (ink on white), for handouts made by the real writer; bad PDFs are errors.
#include "preview/PdfPages.h"

#include "LayoutFixtures.h"
#include "PdfTools.h"
#include "handout/FontSet.h"
#include "handout/HandoutLayout.h"
#include "handout/Paper.h"
#include "handout/PdfWriter.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>

using namespace sp;

namespace {

std::string handoutPdf(int exercises, const handout::PageSize& paper)
{
    static const handout::FontSet fonts;
    handout::LayoutOptions options;
    options.page = paper;
    const handout::LaidOutDocument doc =
        handout::layoutHandout(test::sampleContent(exercises), test::shippedTemplate("classic"), options, fonts);
    handout::PdfOptions pdf;
    pdf.deterministic = true;
    return handout::renderPdf(doc, pdf);
}

int pdfinfoPages(const std::string& pdf)
{
    const std::filesystem::path file = std::filesystem::temp_directory_path() / ("sp-preview-" + std::to_string(::getpid()) + ".pdf");
    handout::test::writeFile(file, pdf);
    const auto run = handout::test::runTool({"pdfinfo", file.string()});
    std::filesystem::remove(file);
    return std::stoi(handout::test::infoField(run.out, "Pages"));
}

// Share of pixels that are not white: a page with text and figures has some ink, but is
// mostly paper.
double inkShare(const PageImage& image)
{
    std::size_t ink = 0;
    for (std::size_t i = 0; i + 2 < image.rgb.size(); i += 3)
        ink += (image.rgb[i] < 200 || image.rgb[i + 1] < 200 || image.rgb[i + 2] < 200) ? 1 : 0;
    return static_cast<double>(ink) / (image.rgb.size() / 3.0);
}

} // namespace

BOOST_AUTO_TEST_SUITE(pdf_pages)

BOOST_AUTO_TEST_CASE(page_count_and_size_match_the_pdf)
{
    for (int exercises : {1, 10}) {
        const std::string pdf = handoutPdf(exercises, handout::pageSize(handout::Paper::A4));
        const PdfPages pages(pdf);
        BOOST_TEST(pages.pageCount() == pdfinfoPages(pdf), exercises << " exercises");
        const PageSizePt size = pages.pageSize(0);
        BOOST_TEST(std::abs(size.width - 595.3) < 1.0);
        BOOST_TEST(std::abs(size.height - 841.9) < 1.0);
    }
    const PdfPages letter(handoutPdf(2, handout::pageSize(handout::Paper::Letter)));
    BOOST_TEST(std::abs(letter.pageSize(0).width - 612.0) < 0.5);
}

BOOST_AUTO_TEST_CASE(a_page_renders_at_the_asked_resolution_with_ink_on_white)
{
    const PdfPages pages(handoutPdf(3, handout::pageSize(handout::Paper::A4)));
    const PageImage image = pages.render(0, 72.0);
    BOOST_TEST(std::abs(image.width - 595) <= 1);
    BOOST_TEST(std::abs(image.height - 842) <= 1);
    BOOST_TEST(image.rgb.size() == static_cast<std::size_t>(image.width) * image.height * 3);
    const double ink = inkShare(image);
    BOOST_TEST(ink > 0.01, ink);
    BOOST_TEST(ink < 0.5, ink);
    const PageImage sharp = pages.render(0, 144.0);
    BOOST_TEST(std::abs(sharp.width - 2 * image.width) <= 2);
}

BOOST_AUTO_TEST_CASE(bad_input_is_an_error_not_a_crash)
{
    BOOST_CHECK_THROW(PdfPages(std::string("not a pdf at all")), PreviewError);
    BOOST_CHECK_THROW(PdfPages(std::string()), PreviewError);
    std::string truncated = handoutPdf(1, handout::pageSize(handout::Paper::A4));
    truncated.resize(truncated.size() / 3);
    // poppler may recover part of a truncated file; either it opens or it is refused.
    try {
        const PdfPages pages(truncated);
        for (int i = 0; i < pages.pageCount(); ++i)
            (void)pages.render(i, 30.0);
    } catch (const PreviewError&) {
    }
    const PdfPages pages(handoutPdf(1, handout::pageSize(handout::Paper::A4)));
    BOOST_CHECK_THROW((void)pages.render(pages.pageCount(), 72.0), PreviewError);
    BOOST_CHECK_THROW((void)pages.render(-1, 72.0), PreviewError);
    BOOST_CHECK_THROW((void)pages.render(0, 0.0), PreviewError);
    BOOST_CHECK_THROW((void)pages.render(0, 5000.0), PreviewError);
    BOOST_CHECK_THROW((void)pages.pageSize(7), PreviewError);
}

BOOST_AUTO_TEST_CASE(colours_are_right_at_widths_that_are_not_a_multiple_of_four)
{
    // A 100 x 100 pt page: red on the left half, blue on the right. Rendered at 101 dpi
    // it is 140 px wide, at 73 dpi 101 px (rows whose packed RGB would need padding).
    const std::string content = "1 0 0 rg 0 0 50 100 re f 0 0 1 rg 50 0 50 100 re f";
    const std::string pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                            "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 100 100]/Contents 4 0 R>>endobj\n"
                            "4 0 obj<</Length " + std::to_string(content.size()) + ">>stream\n" + content +
                            "\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    const PdfPages pages(pdf);
    for (const double dpi : {73.0, 101.0}) {
        const PageImage image = pages.render(0, dpi);
        BOOST_TEST_CONTEXT(dpi << " dpi, " << image.width << " px wide")
        {
            BOOST_REQUIRE(image.rgb.size() == static_cast<std::size_t>(image.width) * image.height * 3);
            const auto at = [&](int x, int y) {
                const std::size_t i = (static_cast<std::size_t>(y) * image.width + x) * 3;
                return std::array<int, 3>{image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]};
            };
            const int y = image.height - 2; // the last row: where reading past a row ends up
            BOOST_TEST((at(2, y) == std::array<int, 3>{255, 0, 0}));
            BOOST_TEST((at(image.width - 3, y) == std::array<int, 3>{0, 0, 255}));
            BOOST_TEST((at(image.width - 3, 1) == std::array<int, 3>{0, 0, 255}));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
