// The page on screen: one handout page image drawn on a grey desk, zoomed to fit the
// width, the whole page, or a fixed scale, and scrolled when it is larger than the
// window. The image comes from the PDF itself (rasterised by sp_preview), so what is
// shown is what is printed; while a sharper one is being made, the one at hand is scaled.
#pragma once

#include "preview/PdfPages.h"

#include <wx/bitmap.h>
#include <wx/image.h>
#include <wx/scrolwin.h>

#include <functional>

namespace sp::gui {

enum class ZoomMode { FitWidth = 1, FitPage, Fixed };

class HandoutPreview : public wxScrolledCanvas {
public:
    explicit HandoutPreview(wxWindow* parent);

    // The page to show: its size in points and an image of it (any resolution). An
    // invalid image keeps the page's outline blank until one arrives.
    void setPage(const PageSizePt& size, const wxImage& image);
    // Instead of a page: a sentence in the middle ("Rendering…", why there is nothing).
    void setMessage(const wxString& message);
    wxString message() const { return m_message; }
    bool hasPage() const { return m_size.width > 0 && m_message.empty(); }

    void setZoomMode(ZoomMode mode);
    // One step in (+1) or out (-1) from the scale shown now, between 25% and 400%.
    void zoomBy(int steps);
    ZoomMode zoomMode() const { return m_mode; }
    // The scale shown, in per cent of the page's real size on a 96 dpi screen.
    int zoomPercent() const;
    // The resolution at which the page image would be drawn pixel for pixel.
    double wantedDpi() const;

    std::function<void()> onZoomChanged;

private:
    double pixelsPerPoint() const;
    wxSize pageSizePx() const;
    void relayout();
    void onPaint(wxPaintEvent& event);

    PageSizePt m_size;
    wxImage m_image;
    wxBitmap m_scaled; // m_image at pageSizePx(), made when first drawn at that size
    wxString m_message;
    ZoomMode m_mode = ZoomMode::FitWidth;
    double m_fixedScale = 1.0; // for ZoomMode::Fixed, as a fraction of the real size
};

} // namespace sp::gui
