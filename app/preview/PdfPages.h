// The pages of a PDF as images: how many there are, their size, and each one rasterised
// at a given resolution. One PdfPages is used by one thread at a time; the GUI renders on
// a worker thread with a PdfPages of its own.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace sp {

class PreviewError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PageSizePt {
    double width = 0;  // in points (1/72 in), as the PDF gives them
    double height = 0;
};

// Opaque RGB, 3 bytes a pixel, rows packed (stride = 3 * width).
struct PageImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;
};

class PdfPages {
public:
    // Throws PreviewError when `pdf` is not a PDF poppler can open (damaged, encrypted).
    explicit PdfPages(std::string pdf);
    ~PdfPages();
    PdfPages(const PdfPages&) = delete;
    PdfPages& operator=(const PdfPages&) = delete;

    int pageCount() const;
    PageSizePt pageSize(int index) const;

    // Page `index` (0-based) at `dpi` dots per inch, antialiased, on white paper. Throws
    // PreviewError for an index out of range, a resolution outside 1–1200 dpi, or a page
    // poppler cannot render.
    PageImage render(int index, double dpi) const;

private:
    struct Impl;
    std::string m_bytes; // poppler reads from this buffer for the document's lifetime
    std::unique_ptr<Impl> m_impl;
};

} // namespace sp
