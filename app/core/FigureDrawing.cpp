#include "core/FigureDrawing.h"

#include <cmath>

namespace sp {
namespace {

// The point `distance` along the way from `from` to `to` (or `to` if they are closer).
Point towards(Point from, Point to, double distance)
{
    const double dx = to.x - from.x;
    const double dy = to.y - from.y;
    const double length = std::hypot(dx, dy);
    if (length <= distance || length == 0)
        return to;
    return {from.x + dx / length * distance, from.y + dy / length * distance};
}

void addArrow(PoseDrawing& d, const Arrow& arrow)
{
    constexpr double kHeadLength = 3.0;
    constexpr double kHeadHalfWidth = 1.6;
    const double dx = arrow.to.x - arrow.from.x;
    const double dy = arrow.to.y - arrow.from.y;
    const double length = std::hypot(dx, dy);
    if (length == 0)
        return;
    const double ux = dx / length, uy = dy / length;
    const Point base{arrow.to.x - ux * kHeadLength, arrow.to.y - uy * kHeadLength};
    d.items.push_back(DrawLine{arrow.from, base, Ink::Arrow});
    d.items.push_back(DrawPolygon{{arrow.to,
                           {base.x - uy * kHeadHalfWidth, base.y + ux * kHeadHalfWidth},
                           {base.x + uy * kHeadHalfWidth, base.y - ux * kHeadHalfWidth}},
                          Ink::Arrow});
}

void addProp(PoseDrawing& d, const Prop& prop)
{
    switch (prop.kind) {
    case PropKind::Floor:
        d.items.push_back(DrawLine{{kFigureMin, prop.at.y}, {kFigureMax, prop.at.y}, Ink::Ground});
        break;
    case PropKind::Wall:
        d.items.push_back(DrawLine{{prop.at.x, kFigureMin}, {prop.at.x, kFigureMax}, Ink::Ground});
        break;
    case PropKind::Ball:
        d.items.push_back(DrawCircle{prop.at, prop.radius, Ink::Prop});
        break;
    case PropKind::Roller:
        // End-on: a cylinder shows as a ring.
        d.items.push_back(DrawCircle{prop.at, prop.radius, Ink::Prop});
        d.items.push_back(DrawCircle{prop.at, prop.radius * 0.45, Ink::Prop});
        break;
    case PropKind::Box:
        d.items.push_back(DrawRect{prop.at, prop.width, prop.height, Ink::Prop});
        break;
    }
}

} // namespace

PoseDrawing drawPose(const Pose& pose, FigureView view)
{
    PoseDrawing d;
    d.label = pose.label;
    for (const Prop& prop : pose.props)
        addProp(d, prop);

    const std::vector<Bone> all = bones(pose, view);
    // The far side first, so that the near side is painted over it.
    for (bool far : {true, false}) {
        for (const Bone& bone : all) {
            if (bone.farSide != far)
                continue;
            Point from = pose.joints.at(bone.from);
            Point to = pose.joints.at(bone.to);
            if (bone.to == Joint::Head) // the neck meets the head's outline, not its centre
                to = towards(to, from, kHeadRadius);
            d.items.push_back(DrawLine{from, to, far ? Ink::FarBody : Ink::Body});
        }
    }
    if (const auto head = pose.joints.find(Joint::Head); head != pose.joints.end())
        d.items.push_back(DrawCircle{head->second, kHeadRadius, Ink::Body});
    for (const Arrow& arrow : pose.arrows)
        addArrow(d, arrow);
    return d;
}

} // namespace sp
