#include "cli/FigureSvg.h"

#include "core/FigureDrawing.h"

#include <cstdio>

namespace sp::cli {
namespace {

constexpr double kScale = 3.0;     // pixels per figure unit
constexpr double kGap = 8.0;       // between panels, in figure units
constexpr double kLabelSpace = 12; // below each panel, in figure units
constexpr double kMargin = 4.0;

struct InkStyle {
    const char* stroke;
    const char* fill;
    double width;
};

InkStyle style(Ink ink)
{
    switch (ink) {
    case Ink::Body: return {"#1f2d3d", "#ffffff", kBodyLineWidth};
    case Ink::FarBody: return {"#9aa5b1", "none", kBodyLineWidth};
    case Ink::Prop: return {"#4a78c2", "#e3ecfb", kPropLineWidth};
    case Ink::Ground: return {"#8a8f98", "none", kPropLineWidth};
    case Ink::Arrow: return {"#c8453c", "#c8453c", kArrowLineWidth};
    }
    return {"#000000", "none", 1};
}

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v * kScale);
    return buf;
}

std::string escapeXml(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

// Renders one primitive, with the panel's offset and y turned downwards.
class PanelWriter {
public:
    PanelWriter(std::string& out, double left) : m_out(out), m_left(left) {}

    void operator()(const DrawLine& l) const
    {
        const InkStyle s = style(l.ink);
        m_out += "<line x1=\"" + x(l.from) + "\" y1=\"" + y(l.from) + "\" x2=\"" + x(l.to) + "\" y2=\"" + y(l.to) +
                 "\" stroke=\"" + s.stroke + "\" stroke-width=\"" + num(s.width) + "\" stroke-linecap=\"round\"/>\n";
    }
    void operator()(const DrawCircle& c) const
    {
        const InkStyle s = style(c.ink);
        m_out += "<circle cx=\"" + x(c.centre) + "\" cy=\"" + y(c.centre) + "\" r=\"" + num(c.radius) +
                 "\" stroke=\"" + s.stroke + "\" fill=\"" + s.fill + "\" stroke-width=\"" + num(s.width) + "\"/>\n";
    }
    void operator()(const DrawRect& r) const
    {
        const InkStyle s = style(r.ink);
        const Point top{r.corner.x, r.corner.y + r.height};
        m_out += "<rect x=\"" + x(top) + "\" y=\"" + y(top) + "\" width=\"" + num(r.width) + "\" height=\"" +
                 num(r.height) + "\" stroke=\"" + s.stroke + "\" fill=\"" + s.fill + "\" stroke-width=\"" +
                 num(s.width) + "\"/>\n";
    }
    void operator()(const DrawPolygon& p) const
    {
        const InkStyle s = style(p.ink);
        std::string points;
        for (const Point& pt : p.points)
            points += x(pt) + "," + y(pt) + " ";
        m_out += "<polygon points=\"" + points + "\" fill=\"" + s.fill + "\"/>\n";
    }

private:
    std::string x(Point p) const { return num(m_left + p.x); }
    std::string y(Point p) const { return num(kMargin + kFigureMax - p.y); }

    std::string& m_out;
    double m_left;
};

} // namespace

std::string figureSvg(const Figure& figure, const std::string& title)
{
    const double n = static_cast<double>(figure.poses.size());
    const double width = 2 * kMargin + n * kFigureMax + (n - 1) * kGap;
    const double height = 2 * kMargin + kFigureMax + kLabelSpace;
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" +
                      num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\">\n";
    out += "<title>" + escapeXml(title) + "</title>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    for (std::size_t i = 0; i < figure.poses.size(); ++i) {
        const double left = kMargin + static_cast<double>(i) * (kFigureMax + kGap);
        const PoseDrawing drawing = drawPose(figure.poses[i], figure.view);
        const PanelWriter writer(out, left);
        for (const DrawItem& item : drawing.items)
            std::visit(writer, item);
        out += "<text x=\"" + num(left + kFigureMax / 2) + "\" y=\"" + num(kMargin + kFigureMax + kLabelSpace * 0.7) +
               "\" font-family=\"sans-serif\" font-size=\"" + num(4.5) + "\" text-anchor=\"middle\" fill=\"#1f2d3d\">" +
               std::to_string(i + 1) + ". " + escapeXml(drawing.label) + "</text>\n";
    }
    return out + "</svg>\n";
}

} // namespace sp::cli
