#include "handout/FigureBoxes.h"

#include "core/FigureDrawing.h"

#include <algorithm>

namespace sp::handout {
namespace {

// Maps figure units (0..100, y up) into one panel of the page.
struct PanelTransform {
    double x0, y0, scale;
    double x(double fx) const { return x0 + fx * scale; }
    double y(double fy) const { return y0 + fy * scale; }
};

Color inkColor(Ink ink, const FigureStyle& s)
{
    switch (ink) {
    case Ink::Body: return s.body;
    case Ink::FarBody: return s.farBody;
    case Ink::Prop: return s.prop;
    case Ink::Ground: return s.ground;
    case Ink::Arrow: return s.arrow;
    }
    return s.body;
}

double inkWidth(Ink ink)
{
    switch (ink) {
    case Ink::Body:
    case Ink::FarBody: return kBodyLineWidth;
    case Ink::Arrow: return kArrowLineWidth;
    default: return kPropLineWidth;
    }
}

void drawItem(Page& page, const DrawItem& item, const PanelTransform& t, const FigureStyle& s)
{
    if (const auto* l = std::get_if<DrawLine>(&item)) {
        page.boxes.push_back(Line{t.x(l->from.x), t.y(l->from.y), t.x(l->to.x), t.y(l->to.y),
                                  std::max(0.4, inkWidth(l->ink) * t.scale), inkColor(l->ink, s), true});
    } else if (const auto* c = std::get_if<DrawCircle>(&item)) {
        Circle circle{t.x(c->centre.x), t.y(c->centre.y), c->radius * t.scale, std::nullopt, inkColor(c->ink, s),
                      std::max(0.4, inkWidth(c->ink) * t.scale)};
        // The head is drawn on white so that lines behind it stop at its outline.
        circle.fill = c->ink == Ink::Prop ? s.propFill : Color{1, 1, 1};
        page.boxes.push_back(circle);
    } else if (const auto* r = std::get_if<DrawRect>(&item)) {
        page.boxes.push_back(Rect{t.x(r->corner.x), t.y(r->corner.y), r->width * t.scale, r->height * t.scale,
                                  s.propFill, inkColor(r->ink, s), std::max(0.4, kPropLineWidth * t.scale)});
    } else if (const auto* p = std::get_if<DrawPolygon>(&item)) {
        Polygon poly;
        for (const Point& pt : p->points)
            poly.points.emplace_back(t.x(pt.x), t.y(pt.y));
        poly.fill = inkColor(p->ink, s);
        page.boxes.push_back(poly);
    }
}

} // namespace

namespace {

// The vertical extent, in figure units, of everything drawn in any pose: panels are cut to
// it, so a figure lying on the floor is not drawn in a mostly empty square.
struct Extent {
    double low = kFigureMax, high = kFigureMin;
    void add(double y)
    {
        low = std::min(low, y);
        high = std::max(high, y);
    }
};

Extent verticalExtent(const Figure& figure)
{
    Extent e;
    for (const Pose& pose : figure.poses)
        for (const DrawItem& item : drawPose(pose, figure.view).items) {
            if (const auto* l = std::get_if<DrawLine>(&item)) {
                e.add(l->from.y);
                e.add(l->to.y);
            } else if (const auto* c = std::get_if<DrawCircle>(&item)) {
                e.add(c->centre.y - c->radius);
                e.add(c->centre.y + c->radius);
            } else if (const auto* r = std::get_if<DrawRect>(&item)) {
                e.add(r->corner.y);
                e.add(r->corner.y + r->height);
            } else if (const auto* p = std::get_if<DrawPolygon>(&item)) {
                for (const Point& pt : p->points)
                    e.add(pt.y);
            }
        }
    constexpr double kPad = 4;
    if (e.low > e.high)
        return {kFigureMin, kFigureMax};
    return {std::max(kFigureMin, e.low - kPad), std::min(kFigureMax, e.high + kPad)};
}

struct Grid {
    int perRow = 1;
    int rows = 1;
    double panel = 0;       // width of a panel: 100 figure units
    double panelHeight = 0; // the figure's vertical extent at the same scale
    Extent extent;
    double gap = 6;
    double labelHeight = 0;
};

Grid grid(const Figure& figure, double width, int perRow, double maxPanel, const FigureStyle& style)
{
    Grid g;
    const int n = std::max(1, static_cast<int>(figure.poses.size()));
    g.perRow = std::clamp(perRow, 1, n);
    g.rows = (n + g.perRow - 1) / g.perRow;
    g.labelHeight = style.labelSize * 1.6;
    g.panel = std::min(maxPanel, (width - (g.perRow - 1) * g.gap) / g.perRow);
    g.extent = verticalExtent(figure);
    g.panelHeight = g.panel * (g.extent.high - g.extent.low) / (kFigureMax - kFigureMin);
    return g;
}

} // namespace

int posesPerRow(const Figure& figure, int most)
{
    const Extent e = verticalExtent(figure);
    return (e.high - e.low) < 0.5 * (kFigureMax - kFigureMin) ? 1 : most;
}

double figureHeight(const Figure& figure, double width, int perRow, double maxPanel, const FigureStyle& style)
{
    const Grid g = grid(figure, width, perRow, maxPanel, style);
    return g.rows * (g.panelHeight + g.labelHeight) + (g.rows - 1) * g.gap;
}

void drawFigure(Page& page, const Figure& figure, double x, double top, double width, int perRow, double maxPanel,
                const FigureStyle& style, const std::function<double(double, std::string_view)>& textWidth)
{
    const Grid g = grid(figure, width, perRow, maxPanel, style);
    if (g.panel <= 0)
        return;
    const double scale = g.panel / (kFigureMax - kFigureMin);
    for (std::size_t i = 0; i < figure.poses.size(); ++i) {
        const int row = static_cast<int>(i) / g.perRow;
        const int col = static_cast<int>(i) % g.perRow;
        const int inRow = std::min(g.perRow, static_cast<int>(figure.poses.size()) - row * g.perRow);
        const double rowWidth = inRow * g.panel + (inRow - 1) * g.gap;
        const double px = x + (width - rowWidth) / 2 + col * (g.panel + g.gap);
        const double py = top - row * (g.panelHeight + g.labelHeight + g.gap) - g.panelHeight; // panel bottom
        page.boxes.push_back(Rect{px, py, g.panel, g.panelHeight, Color{0.972, 0.978, 0.984}, std::nullopt, 0});
        const PoseDrawing drawing = drawPose(figure.poses[i], figure.view);
        const PanelTransform t{px, py - g.extent.low * scale, scale};
        for (const DrawItem& item : drawing.items)
            drawItem(page, item, t, style);
        const std::string label = std::to_string(i + 1) + ". " + drawing.label;
        // A long label in a narrow panel is set smaller rather than run into its neighbour.
        double size = style.labelSize;
        if (const double w = textWidth(size, label); w > g.panel)
            size = std::max(4.5, size * g.panel / w);
        const double w = textWidth(size, label);
        page.boxes.push_back(TextRun{px + std::max(0.0, (g.panel - w) / 2), py - style.labelSize * 1.2,
                                     FontFace::Regular, size, style.label, label});
    }
}

} // namespace sp::handout
