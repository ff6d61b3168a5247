#include "core/FigureEditing.h"

#include <cmath>
#include <numbers>

namespace sp {
namespace {

constexpr double kDegrees = 180.0 / std::numbers::pi;

bool inside(double c)
{
    return c >= kFigureMin && c <= kFigureMax;
}

bool inside(const Point& p)
{
    return inside(p.x) && inside(p.y);
}

std::optional<Joint> rawPivot(const Pose& pose, Joint joint)
{
    switch (joint) {
    case Joint::Pelvis:
        return std::nullopt;
    case Joint::Head:
        return Joint::Neck;
    case Joint::Neck:
        return pose.joints.contains(Joint::Chest) ? Joint::Chest : Joint::Pelvis;
    case Joint::Chest:
        return Joint::Pelvis;
    default:
        break;
    }
    if (const auto parent = chainParent(joint); parent && pose.joints.contains(*parent))
        return *parent;
    return limbRoot(joint);
}

// Whether `joint` hangs (directly or further down) from `ancestor`.
bool hangsFrom(const Pose& pose, Joint joint, Joint ancestor)
{
    for (auto p = rawPivot(pose, joint); p; p = rawPivot(pose, *p))
        if (*p == ancestor)
            return true;
    return false;
}

} // namespace

std::optional<Joint> pivotOf(const Pose& pose, Joint joint)
{
    if (!pose.joints.contains(joint))
        return std::nullopt;
    const auto pivot = rawPivot(pose, joint);
    if (!pivot || !pose.joints.contains(*pivot))
        return std::nullopt;
    return pivot;
}

std::optional<double> boneAngle(const Pose& pose, Joint joint)
{
    const auto pivot = pivotOf(pose, joint);
    if (!pivot)
        return std::nullopt;
    const Point from = pose.joints.at(*pivot);
    const Point to = pose.joints.at(joint);
    if (from == to)
        return 0.0;
    return std::atan2(to.y - from.y, to.x - from.x) * kDegrees;
}

bool setBoneAngle(Pose& pose, Joint joint, double degrees)
{
    const auto current = boneAngle(pose, joint);
    if (!current)
        return false;
    const Point centre = pose.joints.at(*pivotOf(pose, joint));
    const double turn = (degrees - *current) / kDegrees;
    const double c = std::cos(turn);
    const double s = std::sin(turn);
    for (auto& [j, p] : pose.joints) {
        if (j != joint && !hangsFrom(pose, j, joint))
            continue;
        const double dx = p.x - centre.x;
        const double dy = p.y - centre.y;
        p = {centre.x + dx * c - dy * s, centre.y + dx * s + dy * c};
    }
    return true;
}

void movePose(Pose& pose, double dx, double dy)
{
    for (auto& [j, p] : pose.joints)
        p = {p.x + dx, p.y + dy};
    for (Prop& prop : pose.props)
        prop.at = {prop.at.x + dx, prop.at.y + dy};
    for (Arrow& a : pose.arrows) {
        a.from = {a.from.x + dx, a.from.y + dy};
        a.to = {a.to.x + dx, a.to.y + dy};
    }
}

void mirrorPose(Pose& pose)
{
    const auto flip = [](Point p) { return Point{kFigureMax + kFigureMin - p.x, p.y}; };
    for (auto& [j, p] : pose.joints)
        p = flip(p);
    for (Prop& prop : pose.props) {
        prop.at = flip(prop.at);
        if (prop.kind == PropKind::Box)
            prop.at.x -= prop.width; // the corner stays the lower left one
    }
    for (Arrow& a : pose.arrows)
        a = {flip(a.from), flip(a.to)};
}

bool insideDrawing(const Pose& pose)
{
    for (const auto& [j, p] : pose.joints)
        if (!inside(p))
            return false;
    for (const Prop& prop : pose.props) {
        switch (prop.kind) {
        case PropKind::Floor:
            if (!inside(prop.at.y))
                return false;
            break;
        case PropKind::Wall:
            if (!inside(prop.at.x))
                return false;
            break;
        default:
            if (!inside(prop.at))
                return false;
        }
    }
    for (const Arrow& a : pose.arrows)
        if (!inside(a.from) || !inside(a.to))
            return false;
    return true;
}

} // namespace sp
