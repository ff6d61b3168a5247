// Where the follow-up charts put things: the plot area, the axis ticks and their labels,
// a point per pain value, a bar per visit's adherence, the revision markers and the
// legend, all in pixels. Worked out from ProgressSeries without a window, so tests check
// the geometry, and PainChart/AdherenceChart only draw what is here. Text is measured by
// the caller's function, so labels are thinned with the real font.
#pragma once

#include "core/ProgressSeries.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sp::gui {

struct ChartBox {
    double x = 0, y = 0, width = 0, height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    bool contains(double px, double py) const { return px >= x && px <= right() && py >= y && py <= bottom(); }
};

struct ChartPoint {
    double x = 0, y = 0;
};

struct ChartTick {
    double at = 0;     // x for the date axis, y for the value axis
    std::string label;
};

struct ChartText {
    double x = 0, y = 0; // top left of the text
    std::string text;
};

// What the layout needs to know of the window and its font.
struct ChartMetrics {
    double width = 0, height = 0;
    double lineHeight = 14;                              // of the label font
    std::function<double(const std::string&)> textWidth; // of the label font
    // A visit date as a tick label; withYear on the first label and where the year changes.
    std::function<std::string(const Date&, bool withYear)> dateLabel;
};

enum class LegendKind { PainNow = 1, PainWorst, PainBest, Revision, Adherence, Threshold };

struct LegendItem {
    LegendKind kind;
    double x = 0, y = 0; // the sample's left end, on the text's middle line
    ChartText text;
};

// Which of `candidates` (positions along an axis, in order, each with its label's width)
// get a label without touching the one before: the first always, the last in place of a
// neighbour it would touch. Returns their indices.
std::vector<std::size_t> thinLabels(const std::vector<double>& centres, const std::vector<double>& widths, double gap);

struct RevisionLine {
    double x = 0;
    std::optional<ChartText> label; // none when there is no room beside the others
};

struct PainChartLayout {
    std::string message; // shown instead of the chart when there is nothing to draw
    ChartBox plot;
    std::vector<ChartTick> yTicks; // 0, 2, ... 10
    std::vector<ChartTick> xTicks; // visit dates, thinned
    ChartText yTitle;              // drawn turned a quarter left, (x, y) its bottom left
    std::vector<ChartPoint> now, worst, best; // one per recorded value, oldest first
    std::vector<RevisionLine> revisions;
    std::vector<LegendItem> legend;
};

PainChartLayout layoutPainChart(const ProgressSeries& series, const ChartMetrics& metrics);

struct AdherenceBar {
    ChartBox box;
    int percent = 0;
    std::optional<ChartText> label; // "71%", when it fits
};

struct AdherenceChartLayout {
    std::string message;
    ChartBox plot;
    std::vector<ChartTick> yTicks; // percent
    std::vector<ChartTick> xTicks;
    ChartText yTitle;
    std::vector<AdherenceBar> bars; // one per visit that recorded adherence, oldest first
    std::optional<ChartTick> threshold; // the guidance's low-adherence line, with its label
    std::vector<LegendItem> legend;
};

// `lowPercent`: the guidance threshold below which adherence is low (drawn as a line).
AdherenceChartLayout layoutAdherenceChart(const ProgressSeries& series, const ChartMetrics& metrics,
                                          std::optional<int> lowPercent);

} // namespace sp::gui
