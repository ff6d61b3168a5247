#include "gui/ChartLayout.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace sp::gui {
namespace {

constexpr double kGap = 8;        // between a label and its neighbour or the axis
constexpr double kInset = 14;     // keeps the first and last visit off the axes
constexpr double kRightMargin = 16;

double textWidth(const ChartMetrics& m, const std::string& text)
{
    return m.textWidth ? m.textWidth(text) : 7.0 * static_cast<double>(text.size());
}

std::string dateText(const ChartMetrics& m, const Date& d, bool withYear)
{
    return m.dateLabel ? m.dateLabel(d, withYear) : d.toString();
}

// Visit dates as tick labels at `xs`: thinned with the widest form (with the year), then
// the year is written on the first label and where it changes.
std::vector<ChartTick> dateTicks(const ChartMetrics& m, const std::vector<Date>& dates, const std::vector<double>& xs)
{
    std::vector<double> centres, widths;
    std::vector<std::size_t> distinct; // one candidate per day
    for (std::size_t i = 0; i < dates.size(); ++i) {
        if (!distinct.empty() && dates[distinct.back()] == dates[i])
            continue;
        distinct.push_back(i);
        centres.push_back(xs[i]);
        widths.push_back(textWidth(m, dateText(m, dates[i], true)));
    }
    std::vector<ChartTick> ticks;
    int lastYear = 0;
    for (std::size_t k : thinLabels(centres, widths, kGap)) {
        const Date& d = dates[distinct[k]];
        ticks.push_back({xs[distinct[k]], dateText(m, d, d.year != lastYear)});
        lastYear = d.year;
    }
    return ticks;
}

// The plot area once the labels around it have their room.
ChartBox plotBox(const ChartMetrics& m, double yLabelWidth, double topBand, double bottomRows)
{
    ChartBox b;
    b.x = m.lineHeight + 6 + yLabelWidth + kGap; // the turned title, then the tick labels
    b.y = topBand;
    b.width = std::max(10.0, m.width - b.x - kRightMargin);
    b.height = std::max(10.0, m.height - topBand - bottomRows * (m.lineHeight + 4) - 6);
    return b;
}

// Legend samples and texts in one row, left to right from x.
std::vector<LegendItem> legendRow(const ChartMetrics& m, double x, double y,
                                  const std::vector<std::pair<LegendKind, std::string>>& items)
{
    constexpr double kSample = 26;
    std::vector<LegendItem> out;
    for (const auto& [kind, text] : items) {
        LegendItem item{kind, x, y + m.lineHeight / 2, {x + kSample + 5, y, text}};
        out.push_back(item);
        x += kSample + 5 + textWidth(m, text) + 18;
    }
    return out;
}

std::string revisionLabel(const RevisionMarker& r, bool onePlan)
{
    if (onePlan)
        return "Rev. " + std::to_string(r.number);
    std::string title = r.planTitle;
    if (title.size() > 18) {
        std::size_t cut = 17;
        while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        title = title.substr(0, cut) + "…";
    }
    return title + " rev. " + std::to_string(r.number);
}

} // namespace

std::vector<std::size_t> thinLabels(const std::vector<double>& centres, const std::vector<double>& widths, double gap)
{
    std::vector<std::size_t> kept;
    const auto clear = [&](std::size_t a, std::size_t b) {
        return centres[b] - widths[b] / 2 >= centres[a] + widths[a] / 2 + gap;
    };
    for (std::size_t i = 0; i < centres.size(); ++i)
        if (kept.empty() || clear(kept.back(), i))
            kept.push_back(i);
    // The latest visit matters most: it replaces whichever kept labels it would touch.
    const std::size_t last = centres.size() - 1;
    if (!centres.empty() && kept.back() != last) {
        while (!kept.empty() && !clear(kept.back(), last))
            kept.pop_back();
        kept.push_back(last);
    }
    return kept;
}

PainChartLayout layoutPainChart(const ProgressSeries& s, const ChartMetrics& m)
{
    PainChartLayout out;
    if (s.pain.empty()) {
        out.message = "No follow-up notes yet";
        return out;
    }
    const double lh = m.lineHeight;
    // Revision labels take one or two rows above the plot; the dates and the legend a row
    // each below it.
    const double topBand = s.revisions.empty() ? lh : 2 * (lh + 2) + 6;
    out.plot = plotBox(m, textWidth(m, "10"), topBand, 2);
    const ChartBox& p = out.plot;

    for (int v = 0; v <= 10; v += 2)
        out.yTicks.push_back({p.bottom() - p.height * v / 10.0, std::to_string(v)});
    out.yTitle = {lh / 2 - 2, p.y + p.height / 2 + textWidth(m, "Pain (NPRS 0–10)") / 2, "Pain (NPRS 0–10)"};

    const long first = s.first->toDays();
    const long span = s.last->toDays() - first;
    const auto xOf = [&](const Date& d) {
        if (span == 0)
            return p.x + p.width / 2;
        return p.x + kInset + (p.width - 2 * kInset) * static_cast<double>(d.toDays() - first) / static_cast<double>(span);
    };
    const auto yOf = [&](int v) { return p.bottom() - p.height * v / 10.0; };

    std::vector<Date> dates;
    std::vector<double> xs;
    for (const PainPoint& pt : s.pain) {
        const double x = xOf(pt.visit);
        out.now.push_back({x, yOf(pt.now)});
        if (pt.worst)
            out.worst.push_back({x, yOf(*pt.worst)});
        if (pt.best)
            out.best.push_back({x, yOf(*pt.best)});
        dates.push_back(pt.visit);
        xs.push_back(x);
    }
    out.xTicks = dateTicks(m, dates, xs);

    bool onePlan = true;
    for (const RevisionMarker& r : s.revisions)
        onePlan = onePlan && r.planTitle == s.revisions.front().planTitle;
    // Each label goes right of its line (left of it near the right edge), in the first of
    // two rows where it touches no other label; without room it is left out.
    std::vector<std::vector<std::pair<double, double>>> rows(2);
    for (const RevisionMarker& r : s.revisions) {
        RevisionLine line{xOf(r.date), std::nullopt};
        const std::string text = revisionLabel(r, onePlan);
        const double w = textWidth(m, text);
        double left = line.x + 3;
        if (left + w > m.width - 2)
            left = line.x - 3 - w;
        for (std::size_t row = 0; row < rows.size() && !line.label; ++row) {
            const bool free = std::none_of(rows[row].begin(), rows[row].end(), [&](const auto& used) {
                return left < used.second + 6 && left + w + 6 > used.first;
            });
            if (free) {
                rows[row].emplace_back(left, left + w);
                line.label = ChartText{left, p.y - (2.0 - static_cast<double>(row)) * (lh + 2) - 2, text};
            }
        }
        out.revisions.push_back(line);
    }

    std::vector<std::pair<LegendKind, std::string>> items{{LegendKind::PainNow, "Pain now"}};
    if (!out.worst.empty())
        items.emplace_back(LegendKind::PainWorst, "Worst");
    if (!out.best.empty())
        items.emplace_back(LegendKind::PainBest, "Best");
    if (!s.revisions.empty())
        items.emplace_back(LegendKind::Revision, "Plan revision");
    out.legend = legendRow(m, p.x, m.height - lh - 4, items);
    return out;
}

AdherenceChartLayout layoutAdherenceChart(const ProgressSeries& s, const ChartMetrics& m, std::optional<int> lowPercent)
{
    AdherenceChartLayout out;
    if (s.pain.empty()) {
        out.message = "No follow-up notes yet";
        return out;
    }
    if (s.adherence.empty()) {
        out.message = "No adherence recorded yet";
        return out;
    }
    const double lh = m.lineHeight;
    int top = 100; // more sessions than prescribed stretch the axis, to 200% at most
    for (const AdherencePoint& a : s.adherence)
        top = std::max(top, std::min(200, static_cast<int>(std::ceil(a.fraction() * 4)) * 25));
    out.plot = plotBox(m, textWidth(m, "100%"), lh + 6, 2);
    const ChartBox& p = out.plot;
    const auto yOf = [&](double percent) { return p.bottom() - p.height * std::min(percent, double(top)) / top; };
    for (int v = 0; v <= top; v += (top > 100 ? 50 : 25))
        out.yTicks.push_back({yOf(v), std::to_string(v) + "%"});
    const std::string title = "Sessions done (% of prescribed)";
    out.yTitle = {lh / 2 - 2, p.y + p.height / 2 + textWidth(m, title) / 2, title};
    if (lowPercent && *lowPercent > 0 && *lowPercent < top)
        out.threshold = ChartTick{yOf(*lowPercent), "Low adherence (" + std::to_string(*lowPercent) + "%)"};

    const double slot = p.width / static_cast<double>(s.adherence.size());
    const double barWidth = std::clamp(slot * 0.6, 3.0, 44.0);
    std::vector<Date> dates;
    std::vector<double> xs, labelWidths;
    for (std::size_t i = 0; i < s.adherence.size(); ++i) {
        const AdherencePoint& a = s.adherence[i];
        const double centre = p.x + slot * (static_cast<double>(i) + 0.5);
        AdherenceBar bar;
        bar.percent = static_cast<int>(std::lround(a.fraction() * 100));
        const double y = yOf(bar.percent);
        bar.box = {centre - barWidth / 2, y, barWidth, p.bottom() - y};
        out.bars.push_back(bar);
        dates.push_back(a.visit);
        xs.push_back(centre);
        labelWidths.push_back(textWidth(m, std::to_string(bar.percent) + "%"));
    }
    // Percentages above the bars where they fit beside each other.
    for (std::size_t i : thinLabels(xs, labelWidths, 4)) {
        AdherenceBar& bar = out.bars[i];
        const std::string text = std::to_string(bar.percent) + "%";
        // Clear of the value axis's labels at the left and of the edge at the right.
        const double left = std::clamp(xs[i] - labelWidths[i] / 2, p.x + 3, m.width - labelWidths[i] - 2);
        bar.label = ChartText{left, std::max(p.y - lh - 1, bar.box.y - lh - 2), text};
    }
    out.xTicks = dateTicks(m, dates, xs);
    std::vector<std::pair<LegendKind, std::string>> items{{LegendKind::Adherence, "Sessions done"}};
    if (out.threshold)
        items.emplace_back(LegendKind::Threshold, out.threshold->label);
    out.legend = legendRow(m, p.x, m.height - lh - 4, items);
    return out;
}

} // namespace sp::gui
