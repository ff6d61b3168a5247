#include "gui/HandoutPrintout.h"

#include <wx/dc.h>
#include <wx/image.h>

#include <algorithm>
#include <cstring>
#include <exception>

namespace sp::gui {
namespace {

wxImage toImage(const PageImage& page)
{
    wxImage image(page.width, page.height, false);
    std::memcpy(image.GetData(), page.rgb.data(), page.rgb.size());
    return image;
}

} // namespace

HandoutPrintout::HandoutPrintout(std::shared_ptr<const PdfPages> pages, const wxString& title, double maxDpi)
    : wxPrintout(title), m_pages(std::move(pages)), m_maxDpi(std::clamp(maxDpi, 72.0, 1200.0))
{
}

bool HandoutPrintout::HasPage(int page)
{
    return page >= 1 && page <= m_pages->pageCount();
}

void HandoutPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo)
{
    *minPage = *pageFrom = 1;
    *maxPage = *pageTo = m_pages->pageCount();
}

bool HandoutPrintout::OnPrintPage(int page)
{
    wxDC* dc = GetDC();
    if (!dc || !HasPage(page))
        return false;
    // As many pixels as the sheet covers on the device: the printer's resolution when
    // printing, the zoomed page's screen pixels in a print preview; at most m_maxDpi.
    PageImage rendered;
    try {
        const PageSizePt size = m_pages->pageSize(page - 1);
        const wxSize atPoints(std::max(1, static_cast<int>(size.width)), std::max(1, static_cast<int>(size.height)));
        FitThisSizeToPaper(atPoints);
        const double devicePerPoint = static_cast<double>(dc->LogicalToDeviceXRel(atPoints.x)) / atPoints.x;
        rendered = m_pages->render(page - 1, std::clamp(72.0 * devicePerPoint, 36.0, m_maxDpi));
    } catch (const std::exception& e) {
        // Never through the print system's C callbacks: stop and say why afterwards.
        m_error = e.what();
        return false;
    }
    const wxBitmap bitmap(toImage(rendered));
    // The page image is the whole sheet (the PDF page is the paper size), so it is fitted
    // to the paper, not to the margins: the PDF's own margins stay where they are.
    FitThisSizeToPaper(wxSize(rendered.width, rendered.height));
    dc->DrawBitmap(bitmap, 0, 0);
    if (!IsPreview())
        ++m_printed;
    return true;
}

void HandoutPrintout::OnEndPrinting()
{
    if (!IsPreview() && m_printed > 0 && onPrinted)
        onPrinted(m_printed);
}

} // namespace sp::gui
