#include "gui/AdherenceChart.h"

#include "gui/WxText.h"

#include <wx/dcmemory.h>

#include <memory>

namespace sp::gui {

AdherenceChart::AdherenceChart(wxWindow* parent) : ChartPanel(parent)
{
    SetName("AdherenceChart");
}

void AdherenceChart::setSeries(const ProgressSeries& series, std::optional<int> lowPercent)
{
    m_series = series;
    m_lowPercent = lowPercent;
    Refresh();
}

AdherenceChartLayout AdherenceChart::layoutAt(const wxSize& size) const
{
    wxBitmap scratch(1, 1, 24);
    wxMemoryDC dc(scratch);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    return layoutAdherenceChart(m_series, chartMetrics(*gc, labelFont(), size), m_lowPercent);
}

void AdherenceChart::render(wxGraphicsContext& gc, const wxSize& size) const
{
    draw(gc, labelFont(), size, layoutAdherenceChart(m_series, chartMetrics(gc, labelFont(), size), m_lowPercent));
}

void AdherenceChart::draw(wxGraphicsContext& gc, const wxFont& font, const wxSize& size,
                          const AdherenceChartLayout& layout)
{
    if (!layout.message.empty()) {
        drawChartMessage(gc, font, size, layout.message);
        return;
    }
    drawChartFrame(gc, font, layout.plot, layout.yTicks, layout.xTicks, layout.yTitle);
    gc.SetPen(chartPen(gc, LegendKind::Adherence));
    gc.SetBrush(wxBrush(chartColour(LegendKind::Adherence)));
    for (const AdherenceBar& bar : layout.bars)
        if (bar.box.height > 0)
            gc.DrawRectangle(bar.box.x, bar.box.y, bar.box.width, bar.box.height);
    gc.SetFont(font, wxColour(40, 40, 40));
    for (const AdherenceBar& bar : layout.bars)
        if (bar.label)
            gc.DrawText(wxs(bar.label->text), bar.label->x, bar.label->y);
    if (layout.threshold) {
        gc.SetPen(chartPen(gc, LegendKind::Threshold));
        gc.StrokeLine(layout.plot.x, layout.threshold->at, layout.plot.right(), layout.threshold->at);
    }
    drawChartLegend(gc, font, layout.legend);
}

} // namespace sp::gui
