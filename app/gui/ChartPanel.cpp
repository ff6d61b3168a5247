#include "gui/ChartPanel.h"

#include "gui/WxText.h"

#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/intl.h>

#include <cmath>

namespace sp::gui {
namespace {

const wxColour kInk(40, 40, 40);
const wxColour kAxis(90, 90, 90);
const wxColour kGrid(225, 225, 225);

} // namespace

wxColour chartColour(LegendKind kind)
{
    switch (kind) {
    case LegendKind::PainNow:
        return wxColour(31, 78, 121); // dark blue: nearly black in print
    case LegendKind::PainWorst:
        return wxColour(176, 58, 46); // red: mid grey in print, and dashed
    case LegendKind::PainBest:
        return wxColour(46, 125, 50); // green: mid grey in print, and dotted
    case LegendKind::Revision:
        return wxColour(110, 110, 110);
    case LegendKind::Adherence:
        return wxColour(91, 141, 184);
    case LegendKind::Threshold:
        return wxColour(176, 58, 46);
    }
    return kInk;
}

wxGraphicsPen chartPen(wxGraphicsContext& gc, LegendKind kind)
{
    wxGraphicsPenInfo info(chartColour(kind));
    switch (kind) {
    case LegendKind::PainNow:
        info.Width(2.5);
        break;
    case LegendKind::PainWorst:
        info.Width(1.8).Style(wxPENSTYLE_SHORT_DASH);
        break;
    case LegendKind::PainBest:
        info.Width(1.8).Style(wxPENSTYLE_DOT);
        break;
    case LegendKind::Revision:
        info.Width(1.2).Style(wxPENSTYLE_LONG_DASH);
        break;
    case LegendKind::Adherence:
        info.Colour(wxColour(46, 94, 138)).Width(1);
        break;
    case LegendKind::Threshold:
        info.Width(1.5).Style(wxPENSTYLE_SHORT_DASH);
        break;
    }
    return gc.CreatePen(info);
}

namespace {

void drawMarker(wxGraphicsContext& gc, LegendKind kind, const ChartPoint& p)
{
    const wxColour c = chartColour(kind);
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(c).Width(1.5)));
    switch (kind) {
    case LegendKind::PainNow:
        gc.SetBrush(wxBrush(c));
        gc.DrawEllipse(p.x - 4.5, p.y - 4.5, 9, 9);
        break;
    case LegendKind::PainWorst: { // a filled triangle, point up
        wxGraphicsPath path = gc.CreatePath();
        path.MoveToPoint(p.x, p.y - 5);
        path.AddLineToPoint(p.x + 5, p.y + 4);
        path.AddLineToPoint(p.x - 5, p.y + 4);
        path.CloseSubpath();
        gc.SetBrush(wxBrush(c));
        gc.DrawPath(path);
        break;
    }
    case LegendKind::PainBest: // a hollow circle
        gc.SetBrush(*wxWHITE_BRUSH);
        gc.DrawEllipse(p.x - 4, p.y - 4, 8, 8);
        break;
    default:
        break;
    }
}

} // namespace

ChartMetrics chartMetrics(wxGraphicsContext& gc, const wxFont& font, const wxSize& size)
{
    gc.SetFont(font, kInk);
    ChartMetrics m;
    m.width = size.x;
    m.height = size.y;
    wxDouble w = 0, h = 0;
    gc.GetTextExtent("Ag", &w, &h);
    m.lineHeight = h;
    wxGraphicsContext* context = &gc;
    m.textWidth = [context](const std::string& text) {
        wxDouble tw = 0, th = 0;
        context->GetTextExtent(wxs(text), &tw, &th);
        return static_cast<double>(tw);
    };
    m.dateLabel = [](const Date& d, bool withYear) {
        const auto month = static_cast<wxDateTime::Month>(d.month - 1);
        wxString text = wxString::Format("%d %s", d.day, wxDateTime::GetMonthName(month, wxDateTime::Name_Abbr));
        if (withYear)
            text += wxString::Format(" %d", d.year);
        return u8(text);
    };
    return m;
}

void drawChartMessage(wxGraphicsContext& gc, const wxFont& font, const wxSize& size, const std::string& message)
{
    gc.SetFont(font.Larger(), kAxis);
    wxDouble w = 0, h = 0;
    gc.GetTextExtent(wxs(message), &w, &h);
    gc.DrawText(wxs(message), (size.x - w) / 2, (size.y - h) / 2);
}

void drawChartFrame(wxGraphicsContext& gc, const wxFont& font, const ChartBox& plot, const std::vector<ChartTick>& yTicks,
                    const std::vector<ChartTick>& xTicks, const ChartText& yTitle)
{
    gc.SetFont(font, kInk);
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(kGrid).Width(1)));
    for (const ChartTick& t : yTicks)
        gc.StrokeLine(plot.x, t.at, plot.right(), t.at);
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(kAxis).Width(1.2)));
    gc.StrokeLine(plot.x, plot.y, plot.x, plot.bottom());
    gc.StrokeLine(plot.x, plot.bottom(), plot.right(), plot.bottom());
    wxDouble w = 0, h = 0;
    for (const ChartTick& t : yTicks) {
        gc.GetTextExtent(wxs(t.label), &w, &h);
        gc.DrawText(wxs(t.label), plot.x - 6 - w, t.at - h / 2);
        gc.StrokeLine(plot.x - 4, t.at, plot.x, t.at);
    }
    for (const ChartTick& t : xTicks) {
        gc.GetTextExtent(wxs(t.label), &w, &h);
        gc.DrawText(wxs(t.label), t.at - w / 2, plot.bottom() + 5);
        gc.StrokeLine(t.at, plot.bottom(), t.at, plot.bottom() + 4);
    }
    gc.DrawText(wxs(yTitle.text), yTitle.x, yTitle.y, M_PI / 2);
}

void drawSeries(wxGraphicsContext& gc, LegendKind kind, const std::vector<ChartPoint>& points)
{
    if (points.size() > 1) {
        gc.SetPen(chartPen(gc, kind));
        std::vector<wxPoint2DDouble> line;
        for (const ChartPoint& p : points)
            line.emplace_back(p.x, p.y);
        gc.StrokeLines(line.size(), line.data());
    }
    for (const ChartPoint& p : points)
        drawMarker(gc, kind, p);
}

void drawChartLegend(wxGraphicsContext& gc, const wxFont& font, const std::vector<LegendItem>& legend)
{
    for (const LegendItem& item : legend) {
        switch (item.kind) {
        case LegendKind::Revision: // upright, as the markers are
            gc.SetPen(chartPen(gc, item.kind));
            gc.StrokeLine(item.x + 13, item.y - 8, item.x + 13, item.y + 8);
            break;
        case LegendKind::Threshold:
            gc.SetPen(chartPen(gc, item.kind));
            gc.StrokeLine(item.x, item.y, item.x + 26, item.y);
            break;
        case LegendKind::Adherence:
            gc.SetPen(chartPen(gc, item.kind));
            gc.SetBrush(wxBrush(chartColour(item.kind)));
            gc.DrawRectangle(item.x + 6, item.y - 6, 14, 12);
            break;
        default: // the line with one marker in its middle
            gc.SetPen(chartPen(gc, item.kind));
            gc.StrokeLine(item.x, item.y, item.x + 26, item.y);
            drawSeries(gc, item.kind, {{item.x + 13, item.y}});
            break;
        }
        gc.SetFont(font, kInk);
        gc.DrawText(wxs(item.text.text), item.text.x, item.text.y);
    }
}

ChartPanel::ChartPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(*wxWHITE);
    SetMinSize(FromDIP(wxSize(240, 160)));
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        if (wxGraphicsContext* gc = wxGraphicsContext::Create(dc)) {
            render(*gc, GetClientSize());
            delete gc;
        }
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

wxBitmap ChartPanel::renderBitmap(const wxSize& size) const
{
    wxBitmap bitmap(size, 24);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    if (wxGraphicsContext* gc = wxGraphicsContext::Create(dc)) {
        render(*gc, size);
        delete gc;
    }
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

wxFont ChartPanel::labelFont() const
{
    return GetFont();
}

} // namespace sp::gui
