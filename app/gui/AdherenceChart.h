// The adherence chart of the Follow-ups tab: sessions done as a percentage of those
// prescribed, a bar per visit, with the guidance's low-adherence line. Geometry from
// layoutAdherenceChart.
#pragma once

#include "gui/ChartPanel.h"

#include <optional>

namespace sp::gui {

class AdherenceChart : public ChartPanel {
public:
    explicit AdherenceChart(wxWindow* parent);

    void setSeries(const ProgressSeries& series, std::optional<int> lowPercent);
    AdherenceChartLayout layoutAt(const wxSize& size) const;

    static void draw(wxGraphicsContext& gc, const wxFont& font, const wxSize& size, const AdherenceChartLayout& layout);

protected:
    void render(wxGraphicsContext& gc, const wxSize& size) const override;

private:
    ProgressSeries m_series;
    std::optional<int> m_lowPercent;
};

} // namespace sp::gui
