#include "preview/PdfPages.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <climits>
#include <mutex>

namespace sp {

namespace {

// poppler reports damage in a file on stderr as it recovers; the caller gets a
// PreviewError for what cannot be shown, so the chatter is dropped.
void quiet(const std::string&, void*) {}

} // namespace

struct PdfPages::Impl {
    std::unique_ptr<poppler::document> document;
};

PdfPages::PdfPages(std::string pdf) : m_bytes(std::move(pdf)), m_impl(std::make_unique<Impl>())
{
    static std::once_flag silenced;
    std::call_once(silenced, [] { poppler::set_debug_error_function(quiet, nullptr); });
    if (m_bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw PreviewError("the PDF is too large to preview");
    m_impl->document.reset(poppler::document::load_from_raw_data(m_bytes.data(), static_cast<int>(m_bytes.size())));
    if (!m_impl->document)
        throw PreviewError("the PDF cannot be opened for preview (damaged or not a PDF)");
    if (m_impl->document->is_locked())
        throw PreviewError("the PDF is password-protected and cannot be previewed");
}

PdfPages::~PdfPages() = default;

int PdfPages::pageCount() const
{
    return m_impl->document->pages();
}

PageSizePt PdfPages::pageSize(int index) const
{
    if (index < 0 || index >= pageCount())
        throw PreviewError("no page " + std::to_string(index + 1) + " in a PDF of " + std::to_string(pageCount()));
    const std::unique_ptr<poppler::page> page(m_impl->document->create_page(index));
    if (!page)
        throw PreviewError("page " + std::to_string(index + 1) + " cannot be read");
    const poppler::rectf box = page->page_rect(poppler::media_box);
    return {box.width(), box.height()};
}

PageImage PdfPages::render(int index, double dpi) const
{
    if (!(dpi >= 1.0 && dpi <= 1200.0))
        throw PreviewError("a preview resolution must be between 1 and 1200 dpi");
    if (index < 0 || index >= pageCount())
        throw PreviewError("no page " + std::to_string(index + 1) + " in a PDF of " + std::to_string(pageCount()));
    const std::unique_ptr<poppler::page> page(m_impl->document->create_page(index));
    if (!page)
        throw PreviewError("page " + std::to_string(index + 1) + " cannot be read");
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_hinting, true);
    renderer.set_paper_color(0xffffffff);
    // argb32: 4 bytes a pixel whatever the width. (rgb24 rows hold 3 bytes a pixel, padded
    // to a multiple of 4, which reading them as 4 bytes a pixel overran.)
    renderer.set_image_format(poppler::image::format_argb32);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0 || image.format() != poppler::image::format_argb32 ||
        image.bytes_per_row() < image.width() * 4)
        throw PreviewError("page " + std::to_string(index + 1) + " cannot be rendered");

    PageImage out;
    out.width = image.width();
    out.height = image.height();
    out.rgb.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 3);
    const char* data = image.const_data();
    const auto stride = static_cast<std::size_t>(image.bytes_per_row());
    for (int y = 0; y < out.height; ++y) {
        // format_argb32 rows hold 0xAARRGGBB words in native (little-endian) order: B, G, R, A.
        const auto* row = reinterpret_cast<const std::uint8_t*>(data + static_cast<std::size_t>(y) * stride);
        std::uint8_t* dst = out.rgb.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) * 3;
        for (int x = 0; x < out.width; ++x) {
            dst[3 * x + 0] = row[4 * x + 2];
            dst[3 * x + 1] = row[4 * x + 1];
            dst[3 * x + 2] = row[4 * x + 0];
        }
    }
    return out;
}

} // namespace sp
