#include "core/FigureDrawing.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace sp;

namespace {

Pose standing()
{
    Pose pose;
    pose.label = "Stand";
    pose.joints = {{Joint::Head, {50, 90}}, {Joint::Neck, {50, 80}}, {Joint::Pelvis, {50, 50}},
                   {Joint::KneeL, {50, 25}}, {Joint::AnkleL, {50, 3}},  {Joint::KneeR, {55, 25}},
                   {Joint::AnkleR, {55, 3}}};
    pose.props = {{PropKind::Floor, {0, 2}, 0, 0, 0}, {PropKind::Roller, {20, 10}, 6, 0, 0}};
    pose.arrows = {{{70, 40}, {70, 60}}};
    return pose;
}

template <class T> std::vector<T> itemsOf(const PoseDrawing& d)
{
    std::vector<T> out;
    for (const DrawItem& item : d.items)
        if (const T* t = std::get_if<T>(&item))
            out.push_back(*t);
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(figure_drawing)

BOOST_AUTO_TEST_CASE(paints_props_first_far_limbs_before_near_body_and_arrows_last)
{
    const PoseDrawing d = drawPose(standing(), FigureView::Side);
    BOOST_TEST(d.label == "Stand");
    BOOST_TEST_REQUIRE(d.items.size() >= 10u);
    // Floor line, roller (two rings), then the far leg before any near-body line.
    BOOST_TEST((std::get<DrawLine>(d.items[0]).ink == Ink::Ground));
    BOOST_TEST((std::get<DrawCircle>(d.items[1]).ink == Ink::Prop));
    BOOST_TEST((std::get<DrawCircle>(d.items[2]).ink == Ink::Prop));
    BOOST_TEST((std::get<DrawLine>(d.items[3]).ink == Ink::FarBody));
    BOOST_TEST((std::get<DrawLine>(d.items[4]).ink == Ink::FarBody));
    BOOST_TEST(std::holds_alternative<DrawPolygon>(d.items.back()));
}

BOOST_AUTO_TEST_CASE(neck_line_stops_at_the_head_outline)
{
    const PoseDrawing d = drawPose(standing(), FigureView::Side);
    bool found = false;
    for (const DrawLine& l : itemsOf<DrawLine>(d)) {
        if (l.from == Point{50, 80} && l.ink == Ink::Body && l.to.x == 50 && l.to.y > 80) {
            found = true;
            BOOST_TEST(std::abs(l.to.y - (90 - kHeadRadius)) < 1e-9);
        }
    }
    BOOST_TEST(found);
    const auto circles = itemsOf<DrawCircle>(d);
    BOOST_TEST(circles.back().radius == kHeadRadius);
}

BOOST_AUTO_TEST_CASE(arrow_ends_in_a_head_at_its_tip)
{
    const PoseDrawing d = drawPose(standing(), FigureView::Side);
    const auto heads = itemsOf<DrawPolygon>(d);
    BOOST_TEST_REQUIRE(heads.size() == 1u);
    BOOST_TEST((heads[0].points.at(0) == Point{70, 60}));
}

BOOST_AUTO_TEST_CASE(front_view_has_no_far_side_and_missing_trunk_joints_draw_nothing_broken)
{
    for (const DrawLine& l : itemsOf<DrawLine>(drawPose(standing(), FigureView::Front)))
        BOOST_TEST((l.ink != Ink::FarBody));
    Pose partial;
    partial.joints = {{Joint::Neck, {50, 80}}, {Joint::ElbowL, {55, 70}}};
    const PoseDrawing d = drawPose(partial, FigureView::Side);
    BOOST_TEST(itemsOf<DrawLine>(d).size() == 1u); // neck to elbow only
    BOOST_TEST(itemsOf<DrawCircle>(d).empty());    // no head to draw
}

BOOST_AUTO_TEST_SUITE_END()
