// Printing a handout through wxPrintout: each page of the handout PDF, rasterised by
// sp_preview at the printer's resolution (up to 300 dpi) and scaled to the paper, so that
// the printed pages are the PDF's pages, as the preview shows them.
#pragma once

#include "preview/PdfPages.h"

#include <wx/print.h>

#include <functional>
#include <memory>
#include <string>

namespace sp::gui {

class HandoutPrintout : public wxPrintout {
public:
    // `maxDpi`: the pages are rasterised at the printer's resolution, but not finer.
    HandoutPrintout(std::shared_ptr<const PdfPages> pages, const wxString& title, double maxDpi = 300.0);

    // Called once the last page has been printed (not for a preview on screen).
    std::function<void(int pagesPrinted)> onPrinted;

    bool HasPage(int page) override;
    void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;
    bool OnPrintPage(int page) override;
    void OnEndPrinting() override;

    int pagesPrinted() const { return m_printed; }
    // Why a page could not be drawn; empty when all went well.
    const std::string& error() const { return m_error; }

private:
    std::string m_error;
    std::shared_ptr<const PdfPages> m_pages;
    double m_maxDpi;
    int m_printed = 0;
};

} // namespace sp::gui
