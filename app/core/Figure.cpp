#include "core/Figure.h"

namespace sp {

std::optional<Joint> chainParent(Joint joint)
{
    switch (joint) {
    case Joint::ElbowL: return Joint::ShoulderL;
    case Joint::HandL: return Joint::ElbowL;
    case Joint::KneeL: return Joint::HipL;
    case Joint::AnkleL: return Joint::KneeL;
    case Joint::ToeL: return Joint::AnkleL;
    case Joint::ElbowR: return Joint::ShoulderR;
    case Joint::HandR: return Joint::ElbowR;
    case Joint::KneeR: return Joint::HipR;
    case Joint::AnkleR: return Joint::KneeR;
    case Joint::ToeR: return Joint::AnkleR;
    default: return std::nullopt;
    }
}

Joint limbRoot(Joint joint)
{
    switch (joint) {
    case Joint::ShoulderL: case Joint::ElbowL: case Joint::HandL:
    case Joint::ShoulderR: case Joint::ElbowR: case Joint::HandR:
        return Joint::Neck;
    default:
        return Joint::Pelvis;
    }
}

namespace {

bool isRightSide(Joint j)
{
    return j >= Joint::ShoulderR;
}

// The joint a limb joint is drawn from: its chain parent if present, the one before that
// when the parent is an optional shoulder/hip that was left out, else the trunk.
Joint drawnParent(const Pose& pose, Joint joint)
{
    if (auto parent = chainParent(joint)) {
        if (pose.joints.contains(*parent))
            return *parent;
        // Only shoulders and hips may be left out (validation enforces it).
        return limbRoot(joint);
    }
    return limbRoot(joint);
}

} // namespace

std::vector<Bone> bones(const Pose& pose, FigureView view)
{
    std::vector<Bone> out;
    const auto has = [&](Joint j) { return pose.joints.contains(j); };
    if (has(Joint::Head) && has(Joint::Neck))
        out.push_back({Joint::Neck, Joint::Head, false});
    if (has(Joint::Chest)) {
        out.push_back({Joint::Neck, Joint::Chest, false});
        out.push_back({Joint::Chest, Joint::Pelvis, false});
    } else {
        out.push_back({Joint::Neck, Joint::Pelvis, false});
    }
    for (const auto& [joint, point] : pose.joints) {
        if (joint <= Joint::Pelvis)
            continue;
        const bool far = view == FigureView::Side && isRightSide(joint);
        out.push_back({drawnParent(pose, joint), joint, far});
    }
    // A pose being edited may lack a trunk joint; draw only what both ends exist for.
    std::erase_if(out, [&](const Bone& b) { return !has(b.from) || !has(b.to); });
    return out;
}

} // namespace sp
