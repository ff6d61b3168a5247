// A pose laid out as drawing primitives in figure units (0–100, y up): body lines, the
// head, props and movement arrows, in painting order. Every output (SVG preview, PDF
// handout) paints these same primitives, so they cannot disagree about a figure.
#pragma once

#include "core/Figure.h"

#include <string>
#include <variant>
#include <vector>

namespace sp {

enum class Ink { Body = 1, FarBody, Prop, Ground, Arrow };

struct DrawLine {
    Point from;
    Point to;
    Ink ink;
};

struct DrawCircle {
    Point centre;
    double radius;
    Ink ink;
};

struct DrawRect {
    Point corner; // lower left
    double width;
    double height;
    Ink ink;
};

struct DrawPolygon {
    std::vector<Point> points; // closed, filled
    Ink ink;
};

using DrawItem = std::variant<DrawLine, DrawCircle, DrawRect, DrawPolygon>;

struct PoseDrawing {
    std::string label;
    std::vector<DrawItem> items; // in painting order: props, far limbs, near body, head, arrows
};

// Line widths in figure units, for outputs that need them.
inline constexpr double kBodyLineWidth = 2.6;
inline constexpr double kPropLineWidth = 1.2;
inline constexpr double kArrowLineWidth = 1.0;

PoseDrawing drawPose(const Pose& pose, FigureView view);

} // namespace sp
