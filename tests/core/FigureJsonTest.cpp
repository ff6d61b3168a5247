#include "Fixtures.h"

#include "core/ExerciseJson.h"
#include "core/Figure.h"
#include "core/FigureJson.h"

#include <boost/test/unit_test.hpp>

#include <functional>

using namespace sp;
using sp::test::Problems;
using sp::test::validExerciseJson;

namespace {

Json figureWith(const std::function<void(Json& pose)>& change)
{
    Json fig = validExerciseJson()["figure"];
    change(fig["poses"][0]);
    return fig;
}

} // namespace

BOOST_AUTO_TEST_SUITE(figure_json)

BOOST_AUTO_TEST_CASE(parses_joints_props_and_arrows)
{
    Problems p;
    const auto fig = parseFigure(validExerciseJson()["figure"], "/figure", p.sink);
    BOOST_TEST_REQUIRE(fig.has_value());
    const Pose& pose = fig->poses.at(0);
    BOOST_TEST(pose.label == "Start");
    BOOST_TEST(pose.joints.at(Joint::Head).y == 90.0);
    BOOST_TEST(static_cast<int>(pose.props.at(2).kind) == static_cast<int>(PropKind::Ball));
    BOOST_TEST(pose.props.at(2).radius == 4.0);
    BOOST_TEST(pose.arrows.at(0).to.y == 30.0);
}

BOOST_AUTO_TEST_CASE(requires_head_neck_and_pelvis)
{
    Problems p;
    const auto fig = parseFigure(figureWith([](Json& pose) { pose["joints"].erase("pelvis"); }), "/figure", p.sink);
    BOOST_TEST(!fig.has_value());
    BOOST_TEST(p.has("/figure/poses/0/joints/pelvis", "is required but missing"));
}

BOOST_AUTO_TEST_CASE(a_hand_needs_its_elbow_but_an_elbow_may_skip_the_shoulder)
{
    Problems p;
    BOOST_TEST(!parseFigure(figureWith([](Json& pose) { pose["joints"].erase("elbow_l"); }), "/figure", p.sink));
    BOOST_TEST(p.has("/figure/poses/0/joints/hand_l", "needs \"elbow_l\""));

    Problems q;
    BOOST_TEST(!parseFigure(figureWith([](Json& pose) { pose["joints"]["toe_r"] = {60, 2}; }), "/figure", q.sink));
    BOOST_TEST(q.has("/figure/poses/0/joints/toe_r", "needs \"ankle_r\""));
}

BOOST_AUTO_TEST_CASE(rejects_unknown_joints_and_points_outside_the_area)
{
    Problems p;
    const auto fig = parseFigure(figureWith([](Json& pose) {
                                     pose["joints"]["tail"] = {1, 1};
                                     pose["joints"]["head"] = {50, 101};
                                     pose["joints"]["neck"] = {50};
                                 }),
                                 "/figure", p.sink);
    BOOST_TEST(!fig.has_value());
    BOOST_TEST(p.has("/figure/poses/0/joints/tail", "unknown joint \"tail\""));
    BOOST_TEST(p.has("/figure/poses/0/joints/head", "outside the figure area"));
    BOOST_TEST(p.has("/figure/poses/0/joints/neck", "expected [x, y]"));
}

BOOST_AUTO_TEST_CASE(rejects_bad_props)
{
    Problems p;
    const auto fig = parseFigure(figureWith([](Json& pose) {
                                     pose["props"] = Json::parse(R"([
                                        {"kind": "trampoline"},
                                        {"kind": "ball", "center": [10, 10], "radius": 50},
                                        {"kind": "floor", "y": 0, "x": 3}])");
                                 }),
                                 "/figure", p.sink);
    BOOST_TEST(!fig.has_value());
    BOOST_TEST(p.has("/figure/poses/0/props/0/kind", "\"trampoline\" is not one of floor, wall, ball, roller, box"));
    BOOST_TEST(p.has("/figure/poses/0/props/1/radius", "50 is out of range"));
    BOOST_TEST(p.has("/figure/poses/0/props/2/x", "unknown field \"x\""));
}

BOOST_AUTO_TEST_CASE(limits_the_number_of_poses)
{
    Json fig = validExerciseJson()["figure"];
    for (int i = 0; i < 4; ++i)
        fig["poses"].push_back(fig["poses"][0]);
    Problems p;
    BOOST_TEST(!parseFigure(fig, "/figure", p.sink));
    BOOST_TEST(p.has("/figure/poses", "too many items (5, at most 4)"));
}

BOOST_AUTO_TEST_CASE(bones_follow_the_chains_and_mark_the_far_side)
{
    Pose pose;
    for (Joint j : {Joint::Head, Joint::Neck, Joint::Pelvis, Joint::ElbowL, Joint::HandL, Joint::HipR, Joint::KneeR})
        pose.joints[j] = {50, 50};
    const auto list = bones(pose, FigureView::Side);
    const auto has = [&](Joint a, Joint b, bool far) {
        for (const Bone& bone : list)
            if (bone.from == a && bone.to == b && bone.farSide == far)
                return true;
        return false;
    };
    BOOST_TEST(list.size() == 6u);
    BOOST_TEST(has(Joint::Neck, Joint::Head, false));
    BOOST_TEST(has(Joint::Neck, Joint::Pelvis, false));
    BOOST_TEST(has(Joint::Neck, Joint::ElbowL, false)); // no shoulder: the arm starts at the neck
    BOOST_TEST(has(Joint::ElbowL, Joint::HandL, false));
    BOOST_TEST(has(Joint::Pelvis, Joint::HipR, true));
    BOOST_TEST(has(Joint::HipR, Joint::KneeR, true));
    for (const Bone& bone : bones(pose, FigureView::Front))
        BOOST_TEST(!bone.farSide);
}

BOOST_AUTO_TEST_CASE(spine_bends_through_the_chest_when_given)
{
    Pose pose;
    for (Joint j : {Joint::Head, Joint::Neck, Joint::Chest, Joint::Pelvis})
        pose.joints[j] = {50, 50};
    const auto list = bones(pose, FigureView::Side);
    BOOST_TEST(list.size() == 3u);
    BOOST_TEST((list[1].from == Joint::Neck && list[1].to == Joint::Chest));
    BOOST_TEST((list[2].from == Joint::Chest && list[2].to == Joint::Pelvis));
}

BOOST_AUTO_TEST_SUITE_END()
