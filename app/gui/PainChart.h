// The pain trend of the Follow-ups tab: pain now, worst and best at each visit over time,
// with a dashed line at each plan revision. Geometry from layoutPainChart.
#pragma once

#include "gui/ChartPanel.h"

namespace sp::gui {

class PainChart : public ChartPanel {
public:
    explicit PainChart(wxWindow* parent);

    void setSeries(const ProgressSeries& series);
    const ProgressSeries& series() const { return m_series; }
    // The layout as painted at `size` with this window's font.
    PainChartLayout layoutAt(const wxSize& size) const;

    static void draw(wxGraphicsContext& gc, const wxFont& font, const wxSize& size, const PainChartLayout& layout);

protected:
    void render(wxGraphicsContext& gc, const wxSize& size) const override;

private:
    ProgressSeries m_series;
};

} // namespace sp::gui
