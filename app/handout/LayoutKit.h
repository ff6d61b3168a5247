// The handout's typographic kit: type sizes and colours for this handout, and the small
// builders (wrapped lines, list items, spaces, rules, panel edges) every section uses.
#pragma once

#include "handout/Flow.h"
#include "handout/HandoutContent.h"
#include "handout/HandoutTemplate.h"
#include "handout/TextMeasurer.h"
#include "handout/TextWrap.h"

#include <optional>
#include <string>
#include <vector>

namespace sp::handout {

class LayoutKit {
public:
    LayoutKit(const TextMeasurer& measurer, const HandoutTemplate& t, bool largePrint, Color accent);

    const TextMeasurer& m;
    const HandoutTemplate& t;
    TypeSizes sizes;
    bool largePrint;
    Color accent, text, muted, rule, panel;
    Color caution{0.62, 0.29, 0.0};       // an exercise's precautions: dark amber text and bar
    Color cautionPanel{1.0, 0.955, 0.87}; // on a pale amber panel, apart from the red-flag red
    std::vector<std::string> warnings;

    double lineHeight(double size) const { return size * t.lineSpacing; }
    // The baseline of a line of `size` text whose line box starts at `top`.
    double baseline(double top, double size) const;

    // `text` wrapped into width - indent, one segment per line. With `background`, each
    // line is drawn on a strip of that colour across the column (and `bar` at its left).
    std::vector<Segment> lines(const std::string& text, FontFace face, double size, Color color, double indent,
                               double width, std::optional<Color> background = {}, std::optional<Color> bar = {});
    // A numbered or bulleted item with a hanging indent.
    std::vector<Segment> listItem(const std::string& marker, const std::string& text, FontFace face, double size,
                                  Color color, double indent, double width, std::optional<Color> background = {},
                                  std::optional<Color> bar = {});
    Segment space(double height, std::optional<Color> background = {}, std::optional<Color> bar = {});
    Segment ruleLine(Color color, double thickness, double spaceAfter);
    Segment panelEdge(Color background, Color bar, double height) { return space(height / 2, background, bar); }

private:
    Segment lineSegment(std::string text, FontFace face, double size, Color color, double indent,
                        std::optional<Color> background, std::optional<Color> bar, std::string marker = {});
};

} // namespace sp::handout
