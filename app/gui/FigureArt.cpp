#include "gui/FigureArt.h"

#include "core/FigureDrawing.h"
#include "gui/WxText.h"

#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/settings.h>

#include <algorithm>
#include <memory>

namespace sp::gui {
namespace {

wxColour inkColour(Ink ink)
{
    switch (ink) {
    case Ink::Body: return wxColour(40, 48, 60);
    case Ink::FarBody: return wxColour(150, 158, 170);
    case Ink::Prop: return wxColour(120, 110, 100);
    case Ink::Ground: return wxColour(190, 185, 175);
    case Ink::Arrow: return wxColour(42, 111, 151);
    }
    return *wxBLACK;
}

double lineWidth(Ink ink)
{
    switch (ink) {
    case Ink::Body:
    case Ink::FarBody: return kBodyLineWidth;
    case Ink::Arrow: return kArrowLineWidth;
    default: return kPropLineWidth;
    }
}

// Paints one pose into a square of side `side` at (x, y) (top left), figure y up.
void drawPose(wxGraphicsContext& gc, const PoseDrawing& pose, double x, double y, double side)
{
    const double scale = side / (kFigureMax - kFigureMin);
    const auto px = [&](const Point& p) { return wxPoint2DDouble(x + (p.x - kFigureMin) * scale, y + (kFigureMax - p.y) * scale); };
    for (const DrawItem& item : pose.items) {
        std::visit(
            [&](const auto& d) {
                using T = std::decay_t<decltype(d)>;
                const wxColour colour = inkColour(d.ink);
                gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(colour).Width(std::max(1.0, lineWidth(d.ink) * scale)).Cap(wxCAP_ROUND)));
                if constexpr (std::is_same_v<T, DrawLine>) {
                    gc.StrokeLine(px(d.from).m_x, px(d.from).m_y, px(d.to).m_x, px(d.to).m_y);
                } else if constexpr (std::is_same_v<T, DrawCircle>) {
                    const wxPoint2DDouble c = px(d.centre);
                    const double r = d.radius * scale;
                    gc.SetBrush(d.ink == Ink::Body ? wxBrush(colour) : *wxTRANSPARENT_BRUSH);
                    gc.DrawEllipse(c.m_x - r, c.m_y - r, 2 * r, 2 * r);
                } else if constexpr (std::is_same_v<T, DrawRect>) {
                    const wxPoint2DDouble topLeft = px(Point{d.corner.x, d.corner.y + d.height});
                    gc.SetBrush(*wxTRANSPARENT_BRUSH);
                    gc.DrawRectangle(topLeft.m_x, topLeft.m_y, d.width * scale, d.height * scale);
                } else {
                    wxGraphicsPath path = gc.CreatePath();
                    for (std::size_t i = 0; i < d.points.size(); ++i) {
                        const wxPoint2DDouble p = px(d.points[i]);
                        if (i == 0)
                            path.MoveToPoint(p);
                        else
                            path.AddLineToPoint(p);
                    }
                    path.CloseSubpath();
                    gc.SetBrush(wxBrush(colour));
                    gc.FillPath(path);
                }
            },
            item);
    }
}

} // namespace

void drawFigure(wxGraphicsContext& gc, const Figure& figure, const wxRect2DDouble& area, bool showLabels)
{
    if (figure.poses.empty())
        return;
    const double count = static_cast<double>(figure.poses.size());
    const double labelHeight = showLabels ? 18.0 : 0.0;
    const double side = std::max(1.0, std::min(area.m_width / count, area.m_height - labelHeight));
    const double left = area.m_x + (area.m_width - side * count) / 2;
    gc.SetFont(*wxSMALL_FONT, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    for (std::size_t i = 0; i < figure.poses.size(); ++i) {
        const double x = left + side * static_cast<double>(i);
        const PoseDrawing pose = drawPose(figure.poses[i], figure.view);
        drawPose(gc, pose, x, area.m_y, side);
        if (showLabels && !pose.label.empty()) {
            double w = 0, h = 0;
            gc.GetTextExtent(wxs(pose.label), &w, &h);
            // A label wider than its pose would run into the next one: left out then.
            if (w <= side)
                gc.DrawText(wxs(pose.label), x + (side - w) / 2, area.m_y + side + 2);
        }
    }
}

wxBitmap figureThumbnail(const Exercise& exercise, int sizePx)
{
    wxBitmap bitmap(sizePx, sizePx, 32);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    if (exercise.figure && !exercise.figure->poses.empty()) {
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (gc) {
            gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
            Figure first{exercise.figure->view, {exercise.figure->poses.front()}};
            drawFigure(*gc, first, wxRect2DDouble(1, 1, sizePx - 2, sizePx - 2), false);
        }
    }
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

FigureThumbs::FigureThumbs(int sizePx) : m_size(sizePx), m_list(sizePx, sizePx, false) {}

int FigureThumbs::indexFor(const Exercise& exercise)
{
    const std::string key = exercise.qualifiedId();
    if (auto it = m_index.find(key); it != m_index.end())
        return it->second;
    const int index = m_list.Add(figureThumbnail(exercise, m_size));
    m_index.emplace(key, index);
    return index;
}

void FigureThumbs::clear()
{
    m_list.RemoveAll();
    m_index.clear();
}

FigurePanel::FigurePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(120, 110)));
    Bind(wxEVT_PAINT, &FigurePanel::onPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) { Refresh(); e.Skip(); });
}

void FigurePanel::setExercise(const Exercise* exercise)
{
    m_figure = exercise ? exercise->figure : std::nullopt;
    Refresh();
}

void FigurePanel::onPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    if (!m_figure)
        return;
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    const wxSize size = GetClientSize();
    const double pad = FromDIP(6);
    drawFigure(*gc, *m_figure, wxRect2DDouble(pad, pad, size.x - 2 * pad, size.y - 2 * pad), true);
}

} // namespace sp::gui
