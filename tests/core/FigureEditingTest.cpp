#include "core/FigureEditing.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace sp;

namespace {

Pose standingWithArm()
{
    Pose pose;
    pose.joints = {{Joint::Head, {50, 90}},    {Joint::Neck, {50, 80}},  {Joint::Pelvis, {50, 50}},
                   {Joint::ShoulderL, {50, 78}}, {Joint::ElbowL, {50, 63}}, {Joint::HandL, {50, 48}},
                   {Joint::KneeL, {50, 25}},   {Joint::AnkleL, {50, 3}}};
    pose.props = {{PropKind::Floor, {0, 2}, 0, 0, 0}, {PropKind::Box, {10, 0}, 0, 20, 30}};
    pose.arrows = {{{70, 40}, {70, 60}}};
    return pose;
}

bool near(Point a, Point b)
{
    return std::abs(a.x - b.x) < 1e-9 && std::abs(a.y - b.y) < 1e-9;
}

} // namespace

BOOST_AUTO_TEST_SUITE(figure_editing)

BOOST_AUTO_TEST_CASE(a_joint_turns_around_the_joint_it_is_drawn_from)
{
    const Pose pose = standingWithArm();
    BOOST_TEST((pivotOf(pose, Joint::ElbowL) == Joint::ShoulderL));
    BOOST_TEST((pivotOf(pose, Joint::ShoulderL) == Joint::Neck));
    BOOST_TEST((pivotOf(pose, Joint::KneeL) == Joint::Pelvis)); // no hip: the limb starts at the pelvis
    BOOST_TEST((pivotOf(pose, Joint::Neck) == Joint::Pelvis));  // no chest
    BOOST_TEST(!pivotOf(pose, Joint::Pelvis).has_value());
    BOOST_TEST(!pivotOf(pose, Joint::HandR).has_value());       // not in the pose
    BOOST_TEST(*boneAngle(pose, Joint::ElbowL) == -90.0);
    BOOST_TEST(*boneAngle(pose, Joint::Head) == 90.0);
}

BOOST_AUTO_TEST_CASE(turning_a_joint_carries_what_hangs_from_it_and_keeps_lengths)
{
    Pose pose = standingWithArm();
    BOOST_REQUIRE(setBoneAngle(pose, Joint::ElbowL, 0)); // the upper arm straight forward
    BOOST_TEST(near(pose.joints[Joint::ElbowL], {65, 78}));
    BOOST_TEST(near(pose.joints[Joint::HandL], {80, 78}));  // the forearm came along
    BOOST_TEST(near(pose.joints[Joint::ShoulderL], {50, 78})); // the pivot stays
    BOOST_TEST(near(pose.joints[Joint::KneeL], {50, 25}));  // other limbs stay
    BOOST_TEST(std::abs(*boneAngle(pose, Joint::ElbowL)) < 1e-9);
}

BOOST_AUTO_TEST_CASE(turning_the_trunk_carries_the_head_and_arms_but_not_the_legs)
{
    Pose pose = standingWithArm();
    BOOST_REQUIRE(setBoneAngle(pose, Joint::Neck, 0)); // lying forward from the pelvis
    BOOST_TEST(near(pose.joints[Joint::Neck], {80, 50}));
    BOOST_TEST(near(pose.joints[Joint::Head], {90, 50}));
    BOOST_TEST(near(pose.joints[Joint::ShoulderL], {78, 50}));
    BOOST_TEST(near(pose.joints[Joint::HandL], {48, 50})); // the arm hung along the trunk
    BOOST_TEST(near(pose.joints[Joint::AnkleL], {50, 3}));
}

BOOST_AUTO_TEST_CASE(a_joint_without_a_pivot_is_not_turned)
{
    Pose pose = standingWithArm();
    const Pose before = pose;
    BOOST_TEST(!setBoneAngle(pose, Joint::Pelvis, 10));
    BOOST_TEST(!setBoneAngle(pose, Joint::HandR, 10));
    BOOST_TEST((pose == before));
}

BOOST_AUTO_TEST_CASE(mirroring_faces_the_other_way_and_keeps_boxes_in_place)
{
    Pose pose = standingWithArm();
    setBoneAngle(pose, Joint::ElbowL, 0);
    mirrorPose(pose);
    BOOST_TEST(near(pose.joints[Joint::HandL], {20, 78}));
    BOOST_TEST(near(pose.props[1].at, {70, 0})); // a box from x 10–30 now spans 70–90
    BOOST_TEST(near(pose.arrows[0].from, {30, 40}));
    BOOST_TEST(insideDrawing(pose));
}

BOOST_AUTO_TEST_CASE(moving_out_of_the_drawing_is_detected)
{
    Pose pose = standingWithArm();
    BOOST_TEST(insideDrawing(pose));
    movePose(pose, 0, 15);
    BOOST_TEST(!insideDrawing(pose)); // the head at y 105
    movePose(pose, 0, -15);
    BOOST_TEST(insideDrawing(pose));
    movePose(pose, -45, 0);
    BOOST_TEST(!insideDrawing(pose)); // the box's corner at x -35
}

BOOST_AUTO_TEST_SUITE_END()
