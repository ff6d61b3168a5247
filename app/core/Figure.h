// A line figure of the body in one or more poses: joints, props and movement arrows.
// Packs describe figures as data so that a clinic can illustrate its own exercises
// without an artist; every output (PDF, preview) draws the same segments from here.
#pragma once

#include "core/Enums.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sp {

struct Point {
    double x = 0;
    double y = 0; // up
    bool operator==(const Point&) const = default;
};

// Figure coordinates run from 0 to 100 on both axes, y pointing up.
inline constexpr double kFigureMin = 0;
inline constexpr double kFigureMax = 100;

enum class FigureView { Side = 1, Front };

enum class Joint {
    Head = 1, Neck, Chest, Pelvis,
    ShoulderL, ElbowL, HandL, HipL, KneeL, AnkleL, ToeL,
    ShoulderR, ElbowR, HandR, HipR, KneeR, AnkleR, ToeR,
};

enum class PropKind { Floor = 1, Wall, Ball, Roller, Box };

struct Prop {
    PropKind kind = PropKind::Floor;
    Point at;          // floor: y; wall: x; ball/roller: centre; box: lower-left corner
    double radius = 0; // ball, roller
    double width = 0;  // box
    double height = 0; // box
    bool operator==(const Prop&) const = default;
};

struct Arrow {
    Point from;
    Point to;
    bool operator==(const Arrow&) const = default;
};

struct Pose {
    std::string label;
    std::map<Joint, Point> joints;
    std::vector<Prop> props;
    std::vector<Arrow> arrows;
    bool operator==(const Pose&) const = default;
};

struct Figure {
    FigureView view = FigureView::Side;
    std::vector<Pose> poses;
    bool operator==(const Figure&) const = default;
};

// A line of the body to draw between two joints. Far-side limbs are drawn lighter.
struct Bone {
    Joint from;
    Joint to;
    bool farSide;
};

// The bones of a pose: spine (through the chest when given), and each limb chain as far
// as its joints go. A limb without shoulder/hip starts at the neck/pelvis.
std::vector<Bone> bones(const Pose& pose, FigureView view);

// The joint a chain joint hangs from (e.g. HandL -> ElbowL), or nullopt for the trunk
// joints and for shoulders/hips, which hang from the trunk.
std::optional<Joint> chainParent(Joint joint);

// The trunk joint a limb starts from when its first joint is left out.
Joint limbRoot(Joint joint);

// The drawn radius of the head, in figure units.
inline constexpr double kHeadRadius = 5.0;


template <> struct EnumNames<FigureView> {
    static constexpr std::array<std::pair<FigureView, std::string_view>, 2> values{{
        {FigureView::Side, "side"},
        {FigureView::Front, "front"},
    }};
};

template <> struct EnumNames<Joint> {
    static constexpr std::array<std::pair<Joint, std::string_view>, 18> values{{
        {Joint::Head, "head"}, {Joint::Neck, "neck"}, {Joint::Chest, "chest"}, {Joint::Pelvis, "pelvis"},
        {Joint::ShoulderL, "shoulder_l"}, {Joint::ElbowL, "elbow_l"}, {Joint::HandL, "hand_l"},
        {Joint::HipL, "hip_l"}, {Joint::KneeL, "knee_l"}, {Joint::AnkleL, "ankle_l"}, {Joint::ToeL, "toe_l"},
        {Joint::ShoulderR, "shoulder_r"}, {Joint::ElbowR, "elbow_r"}, {Joint::HandR, "hand_r"},
        {Joint::HipR, "hip_r"}, {Joint::KneeR, "knee_r"}, {Joint::AnkleR, "ankle_r"}, {Joint::ToeR, "toe_r"},
    }};
};

template <> struct EnumNames<PropKind> {
    static constexpr std::array<std::pair<PropKind, std::string_view>, 5> values{{
        {PropKind::Floor, "floor"},
        {PropKind::Wall, "wall"},
        {PropKind::Ball, "ball"},
        {PropKind::Roller, "roller"},
        {PropKind::Box, "box"},
    }};
};

} // namespace sp
