// Draws a laid-out handout into a PDF with libharu: DejaVu Sans embedded as subset CID
// fonts (any text in the Basic Multilingual Plane), shared images embedded once,
// compressed streams, and byte-identical output for identical input.
#pragma once

#include "handout/Layout.h"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace sp::handout {

struct PdfOptions {
    // Never fall back to the clock: without DocumentInfo::creationDate the file carries
    // no date at all, so the same document always gives the same bytes.
    bool deterministic = false;
    // Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are; empty means FontSet::defaultDir().
    // Must be the folder the layout was measured with.
    std::filesystem::path fontDir;
};

// Rendering or writing failed. For libharu failures, libharuCode() is its HPDF_STATUS
// (see hpdf_error.h) and libharuDetail() its detail number; both are 0 otherwise.
class PdfError : public std::runtime_error {
public:
    explicit PdfError(const std::string& message, unsigned long libharuCode = 0,
                      unsigned long libharuDetail = 0)
        : std::runtime_error(message), m_libharuCode(libharuCode), m_libharuDetail(libharuDetail)
    {
    }
    unsigned long libharuCode() const { return m_libharuCode; }
    unsigned long libharuDetail() const { return m_libharuDetail; }

private:
    unsigned long m_libharuCode;
    unsigned long m_libharuDetail;
};

// The PDF file's bytes. Throws PdfError (also for missing font files, or a document that
// breaks Layout.h's contracts, such as an image whose pixels do not match its size).
std::string renderPdf(const LaidOutDocument& doc, const PdfOptions& options);

// Renders, then writes to a temporary file beside `target` and renames it into place:
// readers see the old file or the new one, never a partial one, and a failure leaves no
// temporary file behind. Throws PdfError.
void writePdfFile(const LaidOutDocument& doc, const PdfOptions& options,
                  const std::filesystem::path& target);

} // namespace sp::handout
