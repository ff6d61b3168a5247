// The follow-up charts' geometry, without a window: where points, bars, ticks, revision
// markers and labels go, with a fixed-width stand-in for the font.
#include "gui/ChartLayout.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::gui;

namespace {

ChartMetrics metrics(double width = 600, double height = 300)
{
    ChartMetrics m;
    m.width = width;
    m.height = height;
    m.lineHeight = 14;
    m.textWidth = [](const std::string& text) { return 7.0 * static_cast<double>(text.size()); };
    m.dateLabel = [](const Date& d, bool withYear) {
        return std::to_string(d.day) + "/" + std::to_string(d.month) + (withYear ? "/" + std::to_string(d.year) : "");
    };
    return m;
}

FollowUpNote note(Date visit, int pain, std::optional<int> worst = {}, std::optional<int> best = {})
{
    FollowUpNote n;
    n.visitDate = visit;
    n.painNow = pain;
    n.painWorst = worst;
    n.painBest = best;
    return n;
}

PlanHistory history(const std::string& title, const std::vector<std::string>& savedAt)
{
    PlanHistory h;
    h.plan.title = title;
    for (std::size_t i = 0; i < savedAt.size(); ++i) {
        PlanRevision r;
        r.number = static_cast<int>(i) + 1;
        r.createdAt = savedAt[i];
        h.revisions.push_back(r);
    }
    return h;
}

} // namespace

BOOST_AUTO_TEST_SUITE(chart_layout)

BOOST_AUTO_TEST_CASE(thinning_keeps_the_first_and_the_last_label_and_never_lets_two_touch)
{
    std::vector<double> centres, widths;
    for (int i = 0; i < 20; ++i) {
        centres.push_back(10.0 + 20.0 * i);
        widths.push_back(50);
    }
    const auto kept = thinLabels(centres, widths, 8);
    BOOST_TEST_REQUIRE(kept.size() > 2u);
    BOOST_TEST(kept.front() == 0u);
    BOOST_TEST(kept.back() == 19u);
    for (std::size_t i = 1; i < kept.size(); ++i)
        BOOST_TEST(centres[kept[i]] - centres[kept[i - 1]] >= 58.0);
    BOOST_TEST(thinLabels({100}, {40}, 8) == std::vector<std::size_t>{0});
    BOOST_TEST(thinLabels({}, {}, 8).empty());
}

BOOST_AUTO_TEST_CASE(no_notes_is_a_message_not_a_chart)
{
    const PainChartLayout pain = layoutPainChart(progressSeries({}, {history("Low back", {"2025-01-01T09:00:00Z"})}), metrics());
    BOOST_TEST(pain.message == "No follow-up notes yet");
    BOOST_TEST(pain.now.empty());
    BOOST_TEST(pain.revisions.empty());
    BOOST_TEST(layoutAdherenceChart(progressSeries({}, {}), metrics(), 50).message == "No follow-up notes yet");
    BOOST_TEST(layoutAdherenceChart(progressSeries({note(Date{2025, 1, 1}, 3)}, {}), metrics(), 50).message ==
               "No adherence recorded yet");
}

BOOST_AUTO_TEST_CASE(pain_maps_zero_to_the_axis_and_ten_to_the_top_and_one_visit_to_the_middle)
{
    const PainChartLayout one = layoutPainChart(progressSeries({note(Date{2025, 3, 1}, 10, 10, 0)}, {}), metrics());
    BOOST_TEST(one.message.empty());
    BOOST_TEST_REQUIRE(one.now.size() == 1u);
    BOOST_TEST(one.now[0].y == one.plot.y);
    BOOST_TEST(one.best[0].y == one.plot.bottom());
    BOOST_TEST(one.now[0].x == one.plot.x + one.plot.width / 2);
    BOOST_TEST(one.yTicks.size() == 6u);
    BOOST_TEST(one.yTicks.front().label == "0");
    BOOST_TEST(one.yTicks.back().label == "10");
    BOOST_TEST(one.yTitle.text == "Pain (NPRS 0–10)");
    BOOST_TEST_REQUIRE(one.xTicks.size() == 1u);
    BOOST_TEST(one.xTicks[0].label == "1/3/2025");
    // Worst and best appear in the legend only when recorded.
    BOOST_TEST(one.legend.size() == 3u);
    const PainChartLayout bare = layoutPainChart(progressSeries({note(Date{2025, 3, 1}, 4)}, {}), metrics());
    BOOST_TEST(bare.legend.size() == 1u);
    BOOST_TEST(bare.worst.empty());
}

BOOST_AUTO_TEST_CASE(visits_are_placed_by_date_and_revisions_get_a_labelled_line)
{
    const ProgressSeries s = progressSeries(
        {note(Date{2025, 1, 1}, 6, 8), note(Date{2025, 1, 11}, 5), note(Date{2025, 1, 31}, 2, 4, 1)},
        {history("Low back", {"2025-01-01T10:00:00Z", "2025-01-11T10:00:00Z"})});
    const PainChartLayout l = layoutPainChart(s, metrics());
    BOOST_TEST_REQUIRE(l.now.size() == 3u);
    BOOST_TEST(l.worst.size() == 2u); // only where recorded
    BOOST_TEST(l.best.size() == 1u);
    // 10 days, then 20: the second gap is twice the first.
    const double first = l.now[1].x - l.now[0].x, second = l.now[2].x - l.now[1].x;
    BOOST_TEST(std::abs(second - 2 * first) < 0.01);
    BOOST_TEST(l.now[0].x > l.plot.x);
    BOOST_TEST(l.now[2].x < l.plot.right());
    BOOST_TEST_REQUIRE(l.revisions.size() == 2u);
    BOOST_TEST(l.revisions[0].x == l.now[0].x);
    BOOST_TEST(l.revisions[1].x == l.now[1].x);
    BOOST_TEST_REQUIRE(l.revisions[1].label.has_value());
    BOOST_TEST(l.revisions[1].label->text == "Rev. 2");
    BOOST_TEST(l.revisions[1].label->y < l.plot.y); // above the plot, clear of the points
    BOOST_TEST(l.legend.back().text.text == "Plan revision");
    // The year is written once.
    BOOST_TEST(l.xTicks.front().label == "1/1/2025");
    BOOST_TEST(l.xTicks.back().label == "31/1");
}

BOOST_AUTO_TEST_CASE(crowded_revision_labels_use_a_second_row_then_give_way)
{
    const ProgressSeries s = progressSeries(
        {note(Date{2025, 1, 1}, 6), note(Date{2025, 6, 1}, 3)},
        {history("Low back", {"2025-03-01T10:00:00Z"}), history("Neck and shoulders programme", {"2025-03-02T10:00:00Z"}),
         history("Hip", {"2025-03-03T10:00:00Z"})});
    const PainChartLayout l = layoutPainChart(s, metrics());
    BOOST_TEST_REQUIRE(l.revisions.size() == 3u);
    BOOST_TEST_REQUIRE(l.revisions[0].label.has_value());
    BOOST_TEST_REQUIRE(l.revisions[1].label.has_value());
    BOOST_TEST(l.revisions[0].label->text == "Low back rev. 1"); // several plans: named
    BOOST_TEST(l.revisions[1].label->text == "Neck and shoulder… rev. 1");
    BOOST_TEST(l.revisions[0].label->y != l.revisions[1].label->y);
    BOOST_TEST(!l.revisions[2].label.has_value()); // no room left: the line alone
}

BOOST_AUTO_TEST_CASE(twenty_visits_keep_every_point_and_thin_their_dates)
{
    std::vector<FollowUpNote> notes;
    for (int i = 0; i < 20; ++i)
        notes.push_back(note(Date{2025, 1, 6}.plusDays(7 * i), i % 11));
    const PainChartLayout l = layoutPainChart(progressSeries(notes, {}), metrics(420, 260));
    BOOST_TEST(l.now.size() == 20u);
    BOOST_TEST(l.xTicks.size() < 10u);
    BOOST_TEST(l.xTicks.size() >= 3u);
    // Thinned as if every label had its year ("6/1/2025", 8 characters at least), 8 px apart.
    for (std::size_t i = 1; i < l.xTicks.size(); ++i)
        BOOST_TEST(l.xTicks[i].at - l.xTicks[i - 1].at >= 7.0 * 8 + 8);
    for (const ChartPoint& p : l.now)
        BOOST_TEST(l.plot.contains(p.x, p.y));
}

BOOST_AUTO_TEST_CASE(adherence_bars_are_the_percentage_of_sessions_prescribed)
{
    FollowUpNote half = note(Date{2025, 1, 1}, 3), full = note(Date{2025, 1, 15}, 3), none = note(Date{2025, 1, 20}, 3),
                 over = note(Date{2025, 2, 1}, 3);
    half.sessionsDone = 7;
    half.sessionsPrescribed = 14;
    full.sessionsDone = 14;
    full.sessionsPrescribed = 14;
    over.sessionsDone = 21;
    over.sessionsPrescribed = 14;
    const AdherenceChartLayout l = layoutAdherenceChart(progressSeries({half, full, none, over}, {}), metrics(), 50);
    BOOST_TEST(l.message.empty());
    BOOST_TEST_REQUIRE(l.bars.size() == 3u); // the visit without adherence has no bar
    BOOST_TEST(l.bars[0].percent == 50);
    BOOST_TEST(l.bars[1].percent == 100);
    BOOST_TEST(l.bars[2].percent == 150);
    BOOST_TEST(l.yTicks.back().label == "150%"); // the axis stretches to the most done
    BOOST_TEST(std::abs(l.bars[1].box.height - 2 * l.bars[0].box.height) < 0.01);
    BOOST_TEST(l.bars[2].box.y == l.plot.y);
    BOOST_TEST_REQUIRE(l.bars[0].label.has_value());
    BOOST_TEST(l.bars[0].label->text == "50%");
    BOOST_TEST_REQUIRE(l.threshold.has_value());
    BOOST_TEST(std::abs(l.threshold->at - l.bars[0].box.y) < 0.01); // the line at 50% meets the 50% bar
    BOOST_TEST(l.yTitle.text == "Sessions done (% of prescribed)");
    BOOST_TEST(!layoutAdherenceChart(progressSeries({half}, {}), metrics(), std::nullopt).threshold.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
