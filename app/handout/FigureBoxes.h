// An exercise figure drawn into a box on the page: every pose side by side in panels of
// the same scale, each labelled, from the same primitives as the SVG preview.
#pragma once

#include "core/Figure.h"
#include "handout/Layout.h"

#include <functional>
#include <string_view>

namespace sp::handout {

struct FigureStyle {
    Color body, farBody, prop, propFill, ground, arrow, label;
    double labelSize = 7;
};

// The height the figure takes in `width` with at most `perRow` poses side by side (the
// rest wrap to further rows), its square panels capped at `maxPanel` points.
double figureHeight(const Figure& figure, double width, int perRow, double maxPanel, const FigureStyle& style);

// How many poses to put side by side in a column `width` wide: flat figures (lying
// down) stack one under another at full width, tall ones go two to a row.
int posesPerRow(const Figure& figure, int most);

// Appends the figure's boxes, laid out as figureHeight() measured them, centred in `width`.
void drawFigure(Page& page, const Figure& figure, double x, double top, double width, int perRow, double maxPanel,
                const FigureStyle& style, const std::function<double(double size, std::string_view)>& textWidth);

} // namespace sp::handout
