#include "gui/HandoutPreview.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>
#include <cmath>

namespace sp::gui {
namespace {

constexpr double kScreenDpi = 96.0;
constexpr double kMinScale = 0.25, kMaxScale = 4.0;
constexpr double kSteps[] = {0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0};

} // namespace

HandoutPreview::HandoutPreview(wxWindow* parent)
    : wxScrolledCanvas(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHSCROLL | wxVSCROLL | wxFULL_REPAINT_ON_RESIZE)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetName("HandoutPreview");
    SetScrollRate(FromDIP(16), FromDIP(16));
    Bind(wxEVT_PAINT, &HandoutPreview::onPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        relayout();
        e.Skip();
    });
}

void HandoutPreview::setPage(const PageSizePt& size, const wxImage& image)
{
    m_size = size;
    m_image = image;
    m_scaled = wxBitmap();
    m_message.clear();
    relayout();
}

void HandoutPreview::setMessage(const wxString& message)
{
    m_message = message;
    relayout();
}

void HandoutPreview::setZoomMode(ZoomMode mode)
{
    m_mode = mode;
    relayout();
    if (onZoomChanged)
        onZoomChanged();
}

void HandoutPreview::zoomBy(int steps)
{
    const double now = pixelsPerPoint() * 72.0 / (kScreenDpi * GetDPIScaleFactor());
    double next = now;
    if (steps > 0) {
        const auto it = std::upper_bound(std::begin(kSteps), std::end(kSteps), now + 0.005);
        next = it == std::end(kSteps) ? kMaxScale : *it;
    } else if (steps < 0) {
        const auto it = std::lower_bound(std::begin(kSteps), std::end(kSteps), now - 0.005);
        next = it == std::begin(kSteps) ? kMinScale : *(it - 1);
    }
    m_fixedScale = std::clamp(next, kMinScale, kMaxScale);
    setZoomMode(ZoomMode::Fixed);
}

int HandoutPreview::zoomPercent() const
{
    return static_cast<int>(std::lround(pixelsPerPoint() * 72.0 / (kScreenDpi * GetDPIScaleFactor()) * 100.0));
}

double HandoutPreview::wantedDpi() const
{
    return pixelsPerPoint() * 72.0;
}

double HandoutPreview::pixelsPerPoint() const
{
    const double real = kScreenDpi * GetDPIScaleFactor() / 72.0;
    if (m_size.width <= 0 || m_size.height <= 0)
        return real;
    const wxSize client = GetClientSize();
    const double margin = FromDIP(16);
    const double fitWidth = std::max(40.0, client.x - 2 * margin) / m_size.width;
    const double fitHeight = std::max(40.0, client.y - 2 * margin) / m_size.height;
    switch (m_mode) {
    case ZoomMode::FitWidth: return std::clamp(fitWidth, real * kMinScale, real * kMaxScale);
    case ZoomMode::FitPage: return std::clamp(std::min(fitWidth, fitHeight), real * kMinScale, real * kMaxScale);
    case ZoomMode::Fixed: break;
    }
    return real * m_fixedScale;
}

wxSize HandoutPreview::pageSizePx() const
{
    const double ppp = pixelsPerPoint();
    return {std::max(1, static_cast<int>(std::lround(m_size.width * ppp))),
            std::max(1, static_cast<int>(std::lround(m_size.height * ppp)))};
}

void HandoutPreview::relayout()
{
    if (!hasPage()) {
        SetVirtualSize(1, 1);
    } else {
        const wxSize page = pageSizePx();
        const int margin = FromDIP(16);
        // Fitting the width must not make a horizontal scroll bar appear.
        const int width = m_mode == ZoomMode::FitWidth ? 1 : page.x + 2 * margin;
        SetVirtualSize(width, page.y + 2 * margin);
    }
    Refresh();
}

void HandoutPreview::onPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(0x80, 0x84, 0x8a)));
    dc.Clear();
    const wxSize client = GetClientSize();
    if (!hasPage()) {
        dc.SetTextForeground(*wxWHITE);
        dc.SetFont(GetFont().Larger());
        const wxSize text = dc.GetMultiLineTextExtent(m_message);
        dc.DrawLabel(m_message, wxRect(0, std::max(0, (client.y - text.y) / 3), client.x, text.y), wxALIGN_CENTER);
        return;
    }
    DoPrepareDC(dc);
    const wxSize page = pageSizePx();
    const int margin = FromDIP(16);
    const int x = std::max(margin, (client.x - page.x) / 2);
    const int y = margin;
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(wxColour(0x50, 0x54, 0x5a)));
    dc.DrawRectangle(x + FromDIP(3), y + FromDIP(3), page.x, page.y); // the page's shadow
    dc.SetBrush(*wxWHITE_BRUSH);
    dc.DrawRectangle(x, y, page.x, page.y);
    if (!m_image.IsOk())
        return;
    if (!m_scaled.IsOk() || m_scaled.GetSize() != page)
        m_scaled = wxBitmap(m_image.Scale(page.x, page.y, wxIMAGE_QUALITY_HIGH));
    dc.DrawBitmap(m_scaled, x, y);
}

} // namespace sp::gui
