#include "handout/LayoutKit.h"

namespace sp::handout {

LayoutKit::LayoutKit(const TextMeasurer& measurer, const HandoutTemplate& tmpl, bool large, Color accentColor)
    : m(measurer), t(tmpl), sizes(large ? tmpl.largePrint : tmpl.normal), largePrint(large), accent(accentColor),
      text(tmpl.text), muted(tmpl.muted), rule(tmpl.rule), panel(tmpl.panel)
{
}

double LayoutKit::baseline(double top, double size) const
{
    const double a = m.ascent(FontFace::Regular, size);
    const double d = m.descent(FontFace::Regular, size);
    return top - (lineHeight(size) - (a + d)) / 2 - a;
}

namespace {

void background(Page& page, double x, double top, double width, double height, std::optional<Color> fill,
                std::optional<Color> bar)
{
    if (fill)
        page.boxes.push_back(Rect{x, top - height, width, height, *fill, std::nullopt, 0});
    if (bar)
        page.boxes.push_back(Rect{x, top - height, 3, height, *bar, std::nullopt, 0});
}

} // namespace

Segment LayoutKit::lineSegment(std::string line, FontFace face, double size, Color color, double indent,
                               std::optional<Color> fill, std::optional<Color> bar, std::string marker)
{
    const double h = lineHeight(size);
    const double markerGap = marker.empty() ? 0 : m.width(FontFace::Bold, size, "00.") + 4;
    return {h, 0, [this, line = std::move(line), face, size, color, indent, fill, bar, marker = std::move(marker),
                markerGap, h](Page& page, double x, double top, double width) {
                background(page, x, top, width, h, fill, bar);
                const double y = baseline(top, size);
                if (!marker.empty())
                    page.boxes.push_back(TextRun{x + indent, y, FontFace::Bold, size, color, marker});
                if (!line.empty())
                    page.boxes.push_back(TextRun{x + indent + markerGap, y, face, size, color, line});
            }};
}

std::vector<Segment> LayoutKit::lines(const std::string& textIn, FontFace face, double size, Color color,
                                      double indent, double width, std::optional<Color> fill, std::optional<Color> bar)
{
    std::vector<Segment> out;
    for (std::string& line : wrapText(m, face, size, textIn, width - indent))
        out.push_back(lineSegment(std::move(line), face, size, color, indent, fill, bar));
    return out;
}

std::vector<Segment> LayoutKit::listItem(const std::string& marker, const std::string& textIn, FontFace face,
                                         double size, Color color, double indent, double width,
                                         std::optional<Color> fill, std::optional<Color> bar)
{
    const double markerGap = m.width(FontFace::Bold, size, "00.") + 4;
    std::vector<Segment> out;
    const auto wrapped = wrapText(m, face, size, textIn, width - indent - markerGap);
    for (std::size_t i = 0; i < wrapped.size(); ++i)
        out.push_back(lineSegment(wrapped[i], face, size, color, indent, fill, bar, i == 0 ? marker : std::string()));
    // Continuation lines line up with the text, not the marker.
    for (std::size_t i = 1; i < out.size(); ++i) {
        auto draw = out[i].draw;
        out[i].draw = [draw, markerGap](Page& page, double x, double top, double width) {
            Page shifted;
            draw(shifted, x, top, width);
            for (Box& b : shifted.boxes) {
                if (auto* run = std::get_if<TextRun>(&b))
                    run->x += markerGap;
                page.boxes.push_back(std::move(b));
            }
        };
    }
    return out;
}

Segment LayoutKit::space(double height, std::optional<Color> fill, std::optional<Color> bar)
{
    return {height, 0, [height, fill, bar](Page& page, double x, double top, double width) {
                background(page, x, top, width, height, fill, bar);
            }};
}

Segment LayoutKit::ruleLine(Color color, double thickness, double spaceAfter)
{
    return {thickness + spaceAfter + 2, 0, [color, thickness](Page& page, double x, double top, double width) {
                page.boxes.push_back(Line{x, top - 1, x + width, top - 1, thickness, color, false});
            }};
}

} // namespace sp::handout
