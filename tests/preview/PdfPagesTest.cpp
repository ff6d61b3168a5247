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

BOOST_AUTO_TEST_SUITE_END()
