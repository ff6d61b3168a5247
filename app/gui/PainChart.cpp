#include "gui/PainChart.h"

#include "gui/WxText.h"

#include <wx/dcmemory.h>

#include <memory>

namespace sp::gui {

PainChart::PainChart(wxWindow* parent) : ChartPanel(parent)
{
    SetName("PainChart");
}

void PainChart::setSeries(const ProgressSeries& series)
{
    m_series = series;
    Refresh();
}

PainChartLayout PainChart::layoutAt(const wxSize& size) const
{
    // Measuring needs a context with the font, not a visible window.
    wxBitmap scratch(1, 1, 24);
    wxMemoryDC dc(scratch);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    return layoutPainChart(m_series, chartMetrics(*gc, labelFont(), size));
}

void PainChart::render(wxGraphicsContext& gc, const wxSize& size) const
{
    draw(gc, labelFont(), size, layoutPainChart(m_series, chartMetrics(gc, labelFont(), size)));
}

void PainChart::draw(wxGraphicsContext& gc, const wxFont& font, const wxSize& size, const PainChartLayout& layout)
{
    if (!layout.message.empty()) {
        drawChartMessage(gc, font, size, layout.message);
        return;
    }
    drawChartFrame(gc, font, layout.plot, layout.yTicks, layout.xTicks, layout.yTitle);
    for (const RevisionLine& line : layout.revisions) {
        gc.SetPen(chartPen(gc, LegendKind::Revision));
        const double top = line.label ? line.label->y : layout.plot.y;
        gc.StrokeLine(line.x, top, line.x, layout.plot.bottom());
        if (line.label) {
            gc.SetFont(font, wxColour(70, 70, 70));
            gc.DrawText(wxs(line.label->text), line.label->x, line.label->y);
        }
    }
    drawSeries(gc, LegendKind::PainBest, layout.best);
    drawSeries(gc, LegendKind::PainWorst, layout.worst);
    drawSeries(gc, LegendKind::PainNow, layout.now);
    drawChartLegend(gc, font, layout.legend);
}

} // namespace sp::gui
